package io.featurecreep.identity;

import java.time.Instant;

/** A personal access token as its owner sees it: everything but the secret, which is never stored. */
record AccessToken(String id, String personId, String name, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, Instant revokedAt) {

	boolean revoked() {
		return revokedAt != null;
	}

	boolean usableAt(Instant now) {
		return !revoked() && (expiresAt == null || now.isBefore(expiresAt));
	}

}
