package io.featurecreep.notifications;

import java.time.Instant;

/** One message to one channel, and how sending it went. */
record Delivery(String id, String squadId, String channelId, String sessionId, String purpose, String status,
		int attempts, String lastError, Instant createdAt, Instant deliveredAt) {
}
