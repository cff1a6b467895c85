package io.featurecreep.squads;

import java.time.Instant;

/** One person's place in one squad. */
public record Membership(String squadId, String personId, SquadRole role, Instant joinedAt) {

	public boolean isOwner() {
		return role == SquadRole.OWNER;
	}

}
