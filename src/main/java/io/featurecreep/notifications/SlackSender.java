package io.featurecreep.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Slack incoming webhooks: a header and the indicator rows as text. Users' text is escaped, so a squad or
 * question named {@code <!channel>} cannot notify anyone.
 */
@Component
class SlackSender implements ChannelSender {

	private static final int SECTION_LIMIT = 2900;

	private final WebhookPoster poster;

	private final MessageSource messages;

	SlackSender(WebhookPoster poster, MessageSource messages) {
		this.poster = poster;
		this.messages = messages;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.SLACK;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		poster.post(channel.target(), payload(message));
	}

	Map<String, Object> payload(Message message) {
		ChannelWords words = new ChannelWords(messages, message.language());
		Map<String, Object> payload = new LinkedHashMap<>();
		switch (message) {
			case Message.Test test -> payload.put("text", escape(words.text("notifications.test.text")));
			case Message.Reminder reminder -> payload.put("text", escape(reminder.text()));
			case Message.VoteInvite invite -> payload.put("text", escape(invite.text()));
			case Message.Report report -> {
				SquadReport squad = report.report();
				String title = words.text("notifications.report.title", squad.squadName());
				payload.put("text", escape(title));
				List<Object> blocks = new ArrayList<>();
				// a header is plain text: no escaping there, so the characters that could form a mention are replaced
				String header = DiscordSender.cut(title, 150).replace('<', '\u2039').replace('>', '\u203A');
				blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", header)));
				StringBuilder section = new StringBuilder();
				for (SquadReport.Row row : squad.indicators()) {
					StringBuilder line = new StringBuilder();
					row.averages().forEach(average -> line.append(SquadReport.circle(average)));
					line.append("  *").append(escape(DiscordSender.cut(row.title(), 100))).append("* (")
						.append(words.count(row.latest())).append(")\n");
					if (section.length() + line.length() > SECTION_LIMIT) {
						blocks.add(section(section));
						section.setLength(0);
					}
					section.append(line);
				}
				if (!section.isEmpty()) {
					blocks.add(section(section));
				}
				if (!squad.alerts().isEmpty()) {
					StringBuilder alerts = new StringBuilder("*").append(escape(words.text("notifications.report.alerts")))
						.append("*\n");
					squad.alerts().forEach(alert -> alerts.append("\u26A0 ").append(escape(alert)).append('\n'));
					blocks.add(section(new StringBuilder(DiscordSender.cut(alerts.toString(), SECTION_LIMIT))));
				}
				payload.put("blocks", blocks);
			}
		}
		return payload;
	}

	private static Map<String, Object> section(StringBuilder text) {
		return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text.toString()));
	}

	/** Slack's escaping: the only characters with a meaning in its text are &, < and >. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
