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

import org.springframework.stereotype.Component;

/**
 * Generic webhooks: the report as JSON, signed so the receiver can check it came from us and is fresh.
 * {@code X-FeatureCreep-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the channel's secret>},
 * with the timestamp (epoch seconds) in {@code X-FeatureCreep-Timestamp}.
 */
@Component
class SignedWebhookSender implements ChannelSender {

	private final WebhookPoster poster;

	private final Clock clock;

	SignedWebhookSender(WebhookPoster poster, Clock clock) {
		this.poster = poster;
		this.clock = clock;
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

	static Map<String, Object> payload(Message message) {
		Map<String, Object> payload = new LinkedHashMap<>();
		switch (message) {
			case Message.Test test -> {
				payload.put("type", "test");
				payload.put("squad", test.squadName());
				payload.put("text", Message.TEST_TEXT);
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
					latest.put("red", row.latest().red());
					latest.put("yellow", row.latest().yellow());
					latest.put("green", row.latest().green());
					latest.put("average", row.latest().average());
					latest.put("change", row.latest().change());
					latest.put("improving", row.latest().improving());
					latest.put("stable", row.latest().stable());
					latest.put("worsening", row.latest().worsening());
					Map<String, Object> indicator = new LinkedHashMap<>();
					indicator.put("title", row.title());
					indicator.put("indicatorId", row.latest().libraryQuestionId());
					indicator.put("averages", row.averages());
					indicator.put("latest", latest);
					indicators.add(indicator);
				}
				payload.put("indicators", indicators);
			}
		}
		return payload;
	}

}
