package io.featurecreep.chat;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Discord's signature of an interaction: Ed25519 over the timestamp header followed by the raw body, under the
 * application's public key (hex, as the developer portal shows it). The JDK verifies Ed25519 itself. A timestamp
 * more than five minutes away from now is refused too, so a recorded request cannot be sent again later.
 */
final class DiscordSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	/** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519, before the 32 bytes of the raw key. */
	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	/**
	 * Parsed public keys by their hex: every interaction is checked against every connected application's key, and
	 * parsing one per check was most of the cost. A key's hex names it, so a changed or removed connection needs no
	 * eviction: its new key is another entry, and unused ones age out. Malformed keys are remembered as empty.
	 */
	private static final Cache<String, Optional<PublicKey>> KEYS = Caffeine.newBuilder()
		.maximumSize(1_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private DiscordSignature() {
	}

	/** Whether the request is signed by the key and recent; false for anything missing or malformed. */
	static boolean verify(String publicKeyHex, String timestamp, String signatureHex, byte[] body, Instant now) {
		if (publicKeyHex == null || timestamp == null || signatureHex == null || body == null || !recent(timestamp, now)) {
			return false;
		}
		try {
			byte[] signatureBytes = HexFormat.of().parseHex(signatureHex);
			Optional<PublicKey> key = KEYS.get(publicKeyHex, DiscordSignature::parsed);
			if (signatureBytes.length != 64 || key.isEmpty()) {
				return false;
			}
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(key.get());
			signature.update(timestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			signature.update(body);
			return signature.verify(signatureBytes);
		}
		catch (IllegalArgumentException | GeneralSecurityException malformed) {
			return false;
		}
	}

	private static Optional<PublicKey> parsed(String hex) {
		try {
			return Optional.of(publicKey(hex));
		}
		catch (IllegalArgumentException | GeneralSecurityException malformed) {
			return Optional.empty();
		}
	}

	static PublicKey publicKey(String hex) throws GeneralSecurityException {
		byte[] raw = HexFormat.of().parseHex(hex);
		if (raw.length != 32) {
			throw new java.security.spec.InvalidKeySpecException("An Ed25519 public key has 32 bytes");
		}
		byte[] encoded = new byte[X509_PREFIX.length + raw.length];
		System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
		System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
	}

	private static boolean recent(String timestamp, Instant now) {
		try {
			Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
			return Duration.between(signedAt, now).abs().compareTo(TOLERANCE) <= 0;
		}
		catch (NumberFormatException | java.time.DateTimeException notATime) {
			return false;
		}
	}

}
