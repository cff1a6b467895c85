package io.featurecreep.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Microsoft Teams (workflows and incoming webhooks): an Adaptive Card with one fact per indicator. */
@Component
class TeamsSender implements ChannelSender {

	private final WebhookPoster poster;

	private final MessageSource messages;

	TeamsSender(WebhookPoster poster, MessageSource messages) {
		this.poster = poster;
		this.messages = messages;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.TEAMS;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		poster.post(channel.target(), payload(message));
	}

	Map<String, Object> payload(Message message) {
		ChannelWords words = new ChannelWords(messages, message.language());
		List<Object> body = new ArrayList<>();
		switch (message) {
			case Message.Test test -> body.add(text(words.text("notifications.test.text"), false));
			case Message.Reminder reminder -> body.add(text(reminder.text(), false));
			case Message.VoteInvite invite -> body.add(text(invite.text(), false));
			case Message.Report report -> {
				body.add(text(words.text("notifications.report.title", report.report().squadName()), true));
				List<Object> facts = new ArrayList<>();
				for (SquadReport.Row row : report.report().indicators()) {
					StringBuilder circles = new StringBuilder();
					row.averages().forEach(average -> circles.append(SquadReport.circle(average)));
					circles.append("  ").append(words.count(row.latest()));
					facts.add(Map.of("title", DiscordSender.cut(row.title(), 100), "value", circles.toString()));
				}
				body.add(Map.of("type", "FactSet", "facts", facts));
				if (!report.report().alerts().isEmpty()) {
					body.add(text(words.text("notifications.report.alerts"), true));
					report.report().alerts().forEach(alert -> body.add(text("\u26A0 " + alert, false)));
				}
			}
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", body);
		return Map.of("type", "message", "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
	}

	private static Map<String, Object> text(String text, boolean heading) {
		Map<String, Object> block = new LinkedHashMap<>();
		block.put("type", "TextBlock");
		block.put("text", text);
		block.put("wrap", true);
		if (heading) {
			block.put("weight", "Bolder");
			block.put("size", "Medium");
		}
		return block;
	}

}
