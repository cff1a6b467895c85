package io.featurecreep.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Discord: the report is an embed with one field per indicator, its value a row of coloured circles, one per
 * session, oldest first (the original's report, without its misaligned rows). Mentions are switched off, and
 * the embed stays within Discord's limits (25 fields, 256/1024 characters, 6000 in all).
 */
@Component
class DiscordSender implements ChannelSender {

	static final int MAX_FIELDS = 25;

	private final WebhookPoster poster;

	private final MessageSource messages;

	DiscordSender(WebhookPoster poster, MessageSource messages) {
		this.poster = poster;
		this.messages = messages;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.DISCORD;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		poster.post(channel.target(), payload(message));
	}

	Map<String, Object> payload(Message message) {
		ChannelWords words = new ChannelWords(messages, message.language());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("username", "Feature Creep");
		payload.put("allowed_mentions", Map.of("parse", List.of()));
		switch (message) {
			case Message.Test test -> payload.put("content", words.text("notifications.test.text"));
			case Message.Report report -> {
				payload.put("content", "");
				payload.put("embeds", List.of(embed(report.report(), words)));
			}
			case Message.Reminder reminder -> payload.put("content", cut(reminder.text(), 2000));
			case Message.VoteInvite invite -> payload.put("content", cut(invite.text(), 2000));
		}
		return payload;
	}

	private static Map<String, Object> embed(SquadReport report, ChannelWords words) {
		List<Map<String, Object>> fields = new ArrayList<>();
		for (SquadReport.Row row : report.indicators().subList(0, Math.min(MAX_FIELDS, report.indicators().size()))) {
			StringBuilder circles = new StringBuilder();
			row.averages().forEach(average -> circles.append(SquadReport.circle(average)));
			circles.append("  ").append(words.count(row.latest()));
			fields.add(Map.of("name", cut(row.title(), 100), "value", circles.toString()));
		}
		Map<String, Object> embed = new LinkedHashMap<>();
		embed.put("title", cut(words.text("notifications.report.title", report.squadName()), 256));
		embed.put("description", words.text("notifications.report.legend"));
		embed.put("fields", fields);
		if (!report.alerts().isEmpty()) {
			embed.put("footer", Map.of("text", cut(words.text("notifications.report.alerts") + "\n\u26A0 "
					+ String.join("\n\u26A0 ", report.alerts()), 2048)));
		}
		return embed;
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
	}

}
