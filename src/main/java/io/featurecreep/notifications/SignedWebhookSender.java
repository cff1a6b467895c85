package io.featurecreep.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.QuestionResult;

/**
 * Generic webhooks: the report as JSON, signed so the receiver can check it came from us and is fresh.
 * {@code X-FeatureCreep-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the channel's secret>},
 * with the timestamp (epoch seconds) in {@code X-FeatureCreep-Timestamp}.
 */
@Component
class SignedWebhookSender implements ChannelSender {

	private final WebhookPoster poster;

	private final Clock clock;

	private final MessageSource messages;

	SignedWebhookSender(WebhookPoster poster, Clock clock, MessageSource messages) {
		this.poster = poster;
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.WEBHOOK;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		String body = poster.toJson(payload(message));
		String timestamp = Long.toString(clock.instant().getEpochSecond());
		poster.postRaw(channel.target(), body, Map.of("X-FeatureCreep-Timestamp", timestamp, "X-FeatureCreep-Signature",
				"sha256=" + sign(channel.signingSecret(), timestamp + "." + body)));
	}

	static String sign(String secret, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** Codes, numbers and what people named keep their form; only {@code text} is in the squad's report language. */
	Map<String, Object> payload(Message message) {
		Map<String, Object> payload = new LinkedHashMap<>();
		switch (message) {
			case Message.Test test -> {
				payload.put("type", "test");
				payload.put("squad", test.squadName());
				payload.put("text", new ChannelWords(messages, test.language()).text("notifications.test.text"));
			}
			case Message.Reminder reminder -> {
				payload.put("type", "session.reminder");
				payload.put("squad", reminder.squadName());
				payload.put("sessionId", reminder.sessionId());
				payload.put("sessionName", reminder.sessionName());
				payload.put("deadline", reminder.deadline().toString());
				payload.put("members", reminder.members());
				payload.put("yetToVote", reminder.yetToVote());
				payload.put("text", reminder.text());
			}
			case Message.VoteInvite invite -> {
				payload.put("type", "session.started");
				payload.put("squad", invite.squadName());
				payload.put("sessionId", invite.sessionId());
				payload.put("sessionName", invite.sessionName());
				payload.put("members", invite.members());
				payload.put("voted", invite.voted());
				payload.put("text", invite.text());
			}
			case Message.Report report -> {
				SquadReport squad = report.report();
				payload.put("type", "session.results");
				payload.put("squad", squad.squadName());
				payload.put("sessionId", squad.sessionId());
				payload.put("sessions", squad.sessions()
					.stream()
					.map(c -> Map.of("id", c.sessionId(), "endedAt", c.endedAt().toString()))
					.toList());
				List<Object> indicators = new ArrayList<>();
				for (SquadReport.Row row : squad.indicators()) {
					Map<String, Object> latest = new LinkedHashMap<>();
					latest.put("votes", row.latest().votes());
					latest.put("withheld", row.latest().withheld());
					if (!row.latest().withheld()) {
						putSpread(latest, row.latest());
					}
					Map<String, Object> indicator = new LinkedHashMap<>();
					// data for programs: the indicator's title as stored, in whatever language the squad wrote it
					indicator.put("title", row.latest().title());
					indicator.put("indicatorId", row.latest().libraryQuestionId());
					indicator.put("averages", row.averages());
					indicator.put("latest", latest);
					indicators.add(indicator);
				}
				payload.put("indicators", indicators);
				// the session's alerts in the squad's report language (their numbers: GraphQL alerts(squadId))
				payload.put("alerts", squad.alerts());
			}
		}
		return payload;
	}

	/** What a result shows beyond its count; left out where anonymity withholds it, not sent as zeros. */
	private static void putSpread(Map<String, Object> latest, QuestionResult result) {
		latest.put("red", result.red());
		latest.put("yellow", result.yellow());
		latest.put("green", result.green());
		latest.put("average", result.average());
		latest.put("change", result.change());
		latest.put("improving", result.improving());
		latest.put("stable", result.stable());
		latest.put("worsening", result.worsening());
	}

}
