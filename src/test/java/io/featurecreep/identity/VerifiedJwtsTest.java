package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The decoder that verifies each distinct token once (issue #15). */
class VerifiedJwtsTest {

	final List<String> decoded = new ArrayList<>();

	Instant expiresAt = Instant.now().plusSeconds(3600);

	final VerifiedJwts jwts = new VerifiedJwts(token -> {
		decoded.add(token);
		if (token.startsWith("bad")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("s").issuedAt(expiresAt.minusSeconds(60))
			.expiresAt(expiresAt).build();
	});

	@Test
	void theSameTokenIsVerifiedOnceAndAnotherTokenAgain() {
		assertThat(jwts.decode("one").getTokenValue()).isEqualTo("one");
		assertThat(jwts.decode("one").getTokenValue()).isEqualTo("one");
		assertThat(jwts.decode("two").getTokenValue()).isEqualTo("two");

		assertThat(decoded).containsExactly("one", "two");
	}

	@Test
	void aRefusedTokenIsRefusedEveryTime() {
		assertThatThrownBy(() -> jwts.decode("bad")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> jwts.decode("bad")).isInstanceOf(BadJwtException.class);

		assertThat(decoded).containsExactly("bad", "bad");
	}

	@Test
	void anExpiredTokenGoesBackToTheDecoder() {
		expiresAt = Instant.now().minusSeconds(1);
		jwts.decode("old");
		jwts.decode("old");

		assertThat(decoded).containsExactly("old", "old");
	}

}
