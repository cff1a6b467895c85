package io.featurecreep.squads;

import java.time.Instant;

/**
 * A link that lets whoever holds it join a squad until it expires or an owner revokes it. An invite that
 * opens the squad (the original's {@code setSquadOpen}) admits anyone who knows the squad's id meanwhile.
 */
public record Invite(String token, String squadId, boolean opensSquad, String createdBy, Instant createdAt,
		Instant expiresAt, Instant revokedAt) {

	public boolean isValidAt(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

}
