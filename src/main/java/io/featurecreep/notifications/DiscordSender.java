package io.featurecreep.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	DiscordSender(WebhookPoster poster) {
		this.poster = poster;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.DISCORD;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		poster.post(channel.target(), payload(message));
	}

	static Map<String, Object> payload(Message message) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("username", "Feature Creep");
		payload.put("allowed_mentions", Map.of("parse", List.of()));
		switch (message) {
			case Message.Test test -> payload.put("content", Message.TEST_TEXT);
			case Message.Report report -> {
				payload.put("content", "");
				payload.put("embeds", List.of(embed(report.report())));
			}
			case Message.Reminder reminder -> payload.put("content", cut(reminder.text(), 2000));
		}
		return payload;
	}

	private static Map<String, Object> embed(SquadReport report) {
		List<Map<String, Object>> fields = new ArrayList<>();
		for (SquadReport.Row row : report.indicators().subList(0, Math.min(MAX_FIELDS, report.indicators().size()))) {
			StringBuilder circles = new StringBuilder();
			row.averages().forEach(average -> circles.append(SquadReport.circle(average)));
			circles.append("  ").append(SquadReport.count(row.latest()));
			fields.add(Map.of("name", cut(row.title(), 100), "value", circles.toString()));
		}
		Map<String, Object> embed = new LinkedHashMap<>();
		embed.put("title", cut("Health check: " + report.squadName(), 256));
		embed.put("description", "Each row is an indicator and each circle a session, oldest first: the colour of the "
				+ "squad's average vote (red, orange, green; white when not asked, or withheld to keep a small "
				+ "anonymous vote anonymous).");
		embed.put("fields", fields);
		return embed;
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
	}

}
