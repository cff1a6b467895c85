package io.featurecreep.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A connected Discord application's bot posts what a Discord webhook would get (the same report embed, reminders and
 * test messages, mentions switched off) to its channel, through Discord's API; and when a session starts, a message
 * with a Vote button whose "n of m voted" is edited as votes arrive ({@link VoteCounts}).
 */
@Component
class DiscordAppSender implements ChannelSender {

	private final DiscordApps apps;

	private final DiscordApi api;

	private final DiscordSender webhookPayloads;

	private final VoteMessages voteMessages;

	private final VoteInvites invites;

	private final Clock clock;

	DiscordAppSender(DiscordApps apps, DiscordApi api, DiscordSender webhookPayloads, VoteMessages voteMessages,
			VoteInvites invites, Clock clock) {
		this.apps = apps;
		this.api = api;
		this.webhookPayloads = webhookPayloads;
		this.voteMessages = voteMessages;
		this.invites = invites;
		this.clock = clock;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.DISCORD_APP;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		DiscordApp app = apps.ofChannel(channel.id())
			.orElseThrow(() -> new DeliveryFailed(new Phrase("notifications.failure.channelRemoved")));
		if (message instanceof Message.VoteInvite invite) {
			String messageId = api.postMessage(app, invitePayload(invite));
			if (!messageId.isEmpty()) {
				voteMessages.save(channel.id(), invite.sessionId(), app.discordChannelId(), messageId, clock.instant());
			}
			return;
		}
		send(app, message);
	}

	/**
	 * The "vote here" message: its text (how many have voted, never who) and a Vote button whose press the chat
	 * module answers with the member's ballot.
	 */
	Map<String, Object> invitePayload(Message.VoteInvite invite) {
		Map<String, Object> button = new LinkedHashMap<>();
		button.put("type", 2);
		button.put("style", 1);
		button.put("label", invites.button(invite.language()));
		button.put("custom_id", DiscordConnections.VOTE_BUTTON + invite.sessionId());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("content", DiscordSender.cut(invite.text(), 2000));
		payload.put("allowed_mentions", Map.of("parse", List.of()));
		payload.put("components", List.of(Map.of("type", 1, "components", List.of(button))));
		return payload;
	}

	/** The message once the session is over: the text that says so, without the button. */
	Map<String, Object> overPayload(String text) {
		return Map.of("content", DiscordSender.cut(text, 2000), "allowed_mentions", Map.of("parse", List.of()),
				"components", List.of());
	}

	/** Edits a posted "vote here" message. */
	void update(NotificationChannel channel, VoteMessages.VoteMessage posted, Map<String, Object> content)
			throws DeliveryFailed {
		DiscordApp app = apps.ofChannel(channel.id())
			.orElseThrow(() -> new DeliveryFailed(new Phrase("notifications.failure.channelRemoved")));
		api.editMessage(app, posted.messageRef(), content);
	}

	/** Sends to an application not stored yet: the test message before a connection is kept. */
	void send(DiscordApp app, Message message) throws DeliveryFailed {
		api.postMessage(app, payload(message));
	}

	Map<String, Object> payload(Message message) {
		Map<String, Object> payload = new LinkedHashMap<>(webhookPayloads.payload(message));
		// a bot posts under its own name: "username" is for webhooks only
		payload.remove("username");
		return payload;
	}

}
