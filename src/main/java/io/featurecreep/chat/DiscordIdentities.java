package io.featurecreep.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.featurecreep.shared.SqlTimes;

/**
 * Discord users and the people they are linked to ({@code chat_identity}, platform DISCORD, workspace = the Discord
 * server), and the one-time links that link them: only a SHA-256 of the random token is stored, valid 15 minutes.
 * Stand-in until the shared linking of the chat module (Slack half) is merged: then this delegates to it.
 */
@Component
class DiscordIdentities implements DiscordVoters {

	static final Duration LINK_VALIDITY = Duration.ofMinutes(15);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String publicUrl;

	DiscordIdentities(JdbcClient jdbc, Clock clock, @Value("${feature-creep.public-url:}") String publicUrl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@Override
	public Optional<String> personOf(String guildId, String userId) {
		return jdbc.sql("""
				select person_id from chat_identity
				where platform = 'DISCORD' and workspace_id = ? and platform_user_id = ?""")
			.params(guildId, userId)
			.query(String.class)
			.optional();
	}

	@Override
	public String linkFor(String guildId, String userId, String displayName) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into chat_link_token (token_hash, platform, workspace_id, platform_user_id, created_at, expires_at)
				values (?, 'DISCORD', ?, ?, ?, ?)""")
			.params(sha256(token), guildId, userId, SqlTimes.utc(now), SqlTimes.utc(now.plus(LINK_VALIDITY)))
			.update();
		return publicUrl + "/chat/link/" + token;
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
