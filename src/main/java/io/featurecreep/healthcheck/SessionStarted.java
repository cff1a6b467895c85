package io.featurecreep.healthcheck;

import java.time.Instant;

/**
 * A session has started: the squad may be told where to vote (chat channels get a message with a vote button).
 * Published in the start's transaction, so whoever reacts durably is sure to hear of it. {@code anonymous} is the
 * anonymity the session keeps to its end.
 */
public record SessionStarted(String sessionId, String squadId, SessionMode mode, boolean anonymous, String name,
		Instant deadline, Instant startedAt) {
}
