package io.featurecreep.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A Slack app's channel: messages posted by its bot (chat.postMessage). Reports, reminders and tests look as they do
 * through a webhook ({@link SlackSender}); a vote invitation carries a "Vote" button whose value is the session id,
 * and where it went is kept so that its count of votes can be edited ({@link ChatApps#refreshVoteCounts}).
 */
@Component
class SlackAppSender implements ChannelSender {

	private final SlackApi slack;

	private final SlackSender texts;

	private final VoteMessages voteMessages;

	private final VoteInvites invites;

	private final Clock clock;

	SlackAppSender(SlackApi slack, SlackSender texts, VoteMessages voteMessages, VoteInvites invites, Clock clock) {
		this.slack = slack;
		this.texts = texts;
		this.voteMessages = voteMessages;
		this.invites = invites;
		this.clock = clock;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.SLACK_APP;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("channel", channel.target());
		payload.put("unfurl_links", false);
		if (message instanceof Message.VoteInvite invite) {
			payload.putAll(invitePayload(invite));
			JsonNode answer = slack.call(channel.botToken(), "chat.postMessage", payload);
			String ts = answer.path("ts").asString("");
			String chatChannel = answer.path("channel").asString(channel.target());
			if (!ts.isEmpty()) {
				voteMessages.save(channel.id(), invite.sessionId(), chatChannel, ts, clock.instant());
			}
			return;
		}
		payload.putAll(texts.payload(message));
		slack.call(channel.botToken(), "chat.postMessage", payload);
	}

	/** The invitation's text and its button: what is posted, and what an edit writes anew with a new count. */
	Map<String, Object> invitePayload(Message.VoteInvite invite) {
		String text = SlackSender.escape(invite.text());
		Map<String, Object> button = new LinkedHashMap<>();
		button.put("type", "button");
		button.put("action_id", ChatApps.SLACK_VOTE_ACTION);
		button.put("style", "primary");
		button.put("value", invite.sessionId());
		button.put("text", Map.of("type", "plain_text", "text", invites.button(invite.language())));
		return Map.of("text", text, "blocks",
				List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text)),
						Map.of("type", "actions", "block_id", "fc_vote_" + invite.sessionId(), "elements",
								List.of(button))));
	}

	/** Edits an invitation: a new count, or once the session is over, the text that says so without the button. */
	void update(NotificationChannel channel, VoteMessages.VoteMessage posted, Map<String, Object> content)
			throws DeliveryFailed {
		Map<String, Object> payload = new LinkedHashMap<>(content);
		payload.put("channel", posted.chatChannel());
		payload.put("ts", posted.messageRef());
		slack.call(channel.botToken(), "chat.update", payload);
	}

}
