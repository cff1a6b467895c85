package io.featurecreep.squads;

import java.time.Instant;

/** A link that lets whoever holds it join a squad until it expires or an owner revokes it. */
public record Invite(String token, String squadId, String createdBy, Instant createdAt, Instant expiresAt,
		Instant revokedAt) {

	public boolean isValidAt(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

}
