package io.featurecreep.notifications;

import java.time.Instant;

/** One place a squad's reports go. The target (a webhook address) is a secret: see {@link ChannelTargets#masked}. */
record NotificationChannel(String id, String squadId, ChannelKind kind, String target, String signingSecret,
		Instant createdAt) {

	@Override
	public String toString() {
		// never print the target: webhook addresses carry their credentials
		return "NotificationChannel[" + id + ", " + kind + "]";
	}

}
