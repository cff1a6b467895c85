package io.featurecreep.healthcheck;

import java.time.Instant;

/** A squad owner discarded a session started by mistake: nothing more may be sent about it. */
public record SessionDiscarded(String sessionId, String squadId, String discardedBy, Instant discardedAt) {
}
