package io.featurecreep.squads;

import java.time.Instant;

/** A team that runs health checks. Anonymous squads store votes so that nobody can tell who voted what. */
public record Squad(String id, String organisationId, String name, boolean anonymous, Instant createdAt) {
}
