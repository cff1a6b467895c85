package io.featurecreep.identity;

import java.time.Instant;

/**
 * A link that lets new people create an account, whatever the sign-up policy: used once, or up to a number of
 * times, until it expires or an admin revokes it.
 */
record OrganisationInvite(String id, String label, int maxUses, int uses, String createdBy, Instant createdAt,
		Instant expiresAt, Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

	boolean usableAt(Instant now) {
		return revokedAt == null && uses < maxUses && now.isBefore(expiresAt);
	}

}
