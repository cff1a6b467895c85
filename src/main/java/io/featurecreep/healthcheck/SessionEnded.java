package io.featurecreep.healthcheck;

import java.time.Instant;

/** A session has ended: its results, history and notifications can now be produced. */
public record SessionEnded(String sessionId, String squadId, Instant endedAt) {
}
