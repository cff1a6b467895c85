package io.featurecreep.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;

import io.featurecreep.shared.Caches;

/**
 * Remembers the JWTs that passed the decoder (signature, issuer, time), by their exact text, so that an API client
 * sending the same token with every request has it verified once rather than on each request: the signature check
 * and parsing were a tenth of a request's time. A remembered token is forgotten when it expires (the decoder would
 * still accept it for its clock skew; this is stricter) and at most after {@link #LONGEST}, as long as the decoder
 * keeps the issuer's keys, so a key the issuer withdraws stops working here no later than it would without this.
 * Refused tokens are never remembered. Who the token's person is and whether they may still sign in is looked up
 * after this, on every request as before.
 */
final class VerifiedJwts implements JwtDecoder {

	static final Duration LONGEST = Duration.ofMinutes(5);

	private final JwtDecoder decoder;

	private final Cache<String, Jwt> verified = Caches.keptOnTheCallersThread()
		.maximumSize(10_000)
		.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
		.build();

	VerifiedJwts(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = verified.getIfPresent(token);
		if (known != null && stillValid(known)) {
			return known;
		}
		Jwt jwt = decoder.decode(token);
		verified.put(token, jwt);
		return jwt;
	}

	private static boolean stillValid(Jwt jwt) {
		return jwt.getExpiresAt() == null || Instant.now().isBefore(jwt.getExpiresAt());
	}

	private static Duration untilExpiry(Jwt jwt) {
		if (jwt.getExpiresAt() == null) {
			return LONGEST;
		}
		Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
		return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) < 0 ? left : LONGEST;
	}

}
