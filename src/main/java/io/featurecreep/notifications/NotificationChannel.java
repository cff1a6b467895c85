package io.featurecreep.notifications;

import java.time.Instant;

/**
 * One place a squad's reports go. The target (a webhook address) is a secret: see {@link ChannelTargets#masked}. A
 * chat app's channel ({@link ChannelKind#takesVotes()}) has the chat's channel id as target, its bot's token (a
 * secret), and in {@code signingSecret} what verifies the chat's requests (Slack's signing secret, Discord's public
 * key); {@code appId} is Discord's application id.
 */
record NotificationChannel(String id, String squadId, ChannelKind kind, String target, String signingSecret,
		Instant createdAt, String botToken, String appId) {

	NotificationChannel(String id, String squadId, ChannelKind kind, String target, String signingSecret,
			Instant createdAt) {
		this(id, squadId, kind, target, signingSecret, createdAt, null, null);
	}

	@Override
	public String toString() {
		// never print the target, the token or the secret: they are credentials
		return "NotificationChannel[" + id + ", " + kind + "]";
	}

}
