package io.featurecreep.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A connected Discord application's bot posts what a Discord webhook would get (the same report embed, reminders and
 * test messages, mentions switched off) to its channel, through Discord's API.
 */
@Component
class DiscordAppSender implements ChannelSender {

	private final DiscordApps apps;

	private final DiscordApi api;

	private final DiscordSender webhookPayloads;

	DiscordAppSender(DiscordApps apps, DiscordApi api, DiscordSender webhookPayloads) {
		this.apps = apps;
		this.api = api;
		this.webhookPayloads = webhookPayloads;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.DISCORD_APP;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		DiscordApp app = apps.ofChannel(channel.id())
			.orElseThrow(() -> new DeliveryFailed(new Phrase("notifications.failure.channelRemoved")));
		send(app, message);
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
