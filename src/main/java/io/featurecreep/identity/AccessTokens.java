package io.featurecreep.identity;

import static io.featurecreep.shared.SqlTimes.instant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;

/**
 * Personal access tokens: long random secrets that API clients send as {@code Authorization: Bearer fcp_...}.
 * Only a SHA-256 of a secret is stored, so the secret is shown once, on creation, and a database leak
 * does not leak usable tokens. A plain hash (no salt, no slow hashing) is enough because the secrets
 * are 256 random bits, not passwords someone could guess.
 */
@Service
class AccessTokens {

	static final String PREFIX = "fcp_";

	static final int DEFAULT_VALID_DAYS = 90;

	static final int MAX_VALID_DAYS = 365;

	/** Writing "last used" on every API call would turn every read into a write; once a minute is plenty. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private static final String COLUMNS = "id, person_id, name, created_at, expires_at, last_used_at, revoked_at";

	private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AttemptLimits limits;

	AccessTokens(JdbcClient jdbc, Clock clock, AttemptLimits limits) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.limits = limits;
	}

	@Transactional
	Created create(String personId, String name, Integer validForDays) {
		String tokenName = TextLimits.required(name, "Name", 100);
		int days = validForDays == null ? DEFAULT_VALID_DAYS : validForDays;
		if (days < 1 || days > MAX_VALID_DAYS) {
			throw DomainException.badInput("validForDays must be between 1 and " + MAX_VALID_DAYS);
		}
		// a hijacked session must not mint tokens by the thousand
		limits.take(AttemptLimits.Limit.ACCESS_TOKEN_PER_PERSON.of(personId));
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String id = Ids.newId();
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				insert into access_token (id, person_id, name, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, personId, tokenName, sha256(secret), now, now.plusDays(days))
			.update();
		log.info("Person {} created access token {}", personId, id);
		return new Created(secret, find(id).orElseThrow());
	}

	/** The person's tokens, newest first, revoked and expired ones included. */
	List<AccessToken> list(String personId) {
		return jdbc.sql("select " + COLUMNS + " from access_token where person_id = ? order by created_at desc, id")
			.param(personId)
			.query(AccessTokens::map)
			.list();
	}

	/** The id of the person the secret belongs to, if it is a token that may be used now. */
	@Transactional
	Optional<String> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<AccessToken> token = jdbc.sql("select " + COLUMNS + " from access_token where token_hash = ?")
			.param(sha256(secret))
			.query(AccessTokens::map)
			.optional()
			.filter(found -> found.usableAt(now));
		token.ifPresent(used -> markUsed(used, now));
		return token.map(AccessToken::personId);
	}

	/** Revokes one of the person's tokens. Someone else's token is reported as not found, not as forbidden. */
	@Transactional
	AccessToken revoke(String personId, String tokenId) {
		AccessToken token = find(tokenId).filter(found -> found.personId().equals(personId))
			.orElseThrow(() -> DomainException.notFound("Access token not found"));
		if (!token.revoked()) {
			jdbc.sql("update access_token set revoked_at = ? where id = ?")
				.params(OffsetDateTime.now(clock), tokenId)
				.update();
			log.info("Person {} revoked access token {}", personId, tokenId);
		}
		return find(tokenId).orElseThrow();
	}

	private void markUsed(AccessToken token, Instant now) {
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
			jdbc.sql("update access_token set last_used_at = ? where id = ?")
				.params(now.atOffset(ZoneOffset.UTC), token.id())
				.update();
		}
	}

	private Optional<AccessToken> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from access_token where id = ?")
			.param(id)
			.query(AccessTokens::map)
			.optional();
	}

	static String sha256(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("Every JDK has SHA-256", impossible);
		}
	}

	private static AccessToken map(ResultSet rs, int row) throws SQLException {
		return new AccessToken(rs.getString("id"), rs.getString("person_id"), rs.getString("name"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"));
	}

	/** A new token and its secret, which exists only in this answer. */
	record Created(String secret, AccessToken token) {

		@Override
		public String toString() {
			return "Created[token=" + token + "]";
		}

	}
}
