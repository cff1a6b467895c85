package io.featurecreep.healthcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret behind anonymous votes ({@link VoterKeys}): it never enters the database, so reading the database
 * cannot tell who voted what. Whoever moves or restores an installation must bring the same key along, so this
 * also gives a fingerprint of it that can travel with a backup without giving the key away.
 *
 * <p>The secret comes from {@code feature-creep.anonymity.key} (base64, at least 32 bytes; required when
 * several nodes share a database) or else from a key file that is created on first start.
 */
@Component
public class AnonymityKey {

	private static final Logger log = LoggerFactory.getLogger(AnonymityKey.class);

	private static final String ALGORITHM = "HmacSHA256";

	/** A fixed, public label: its HMAC identifies the key, and an HMAC reveals nothing of the key it was made with. */
	private static final String FINGERPRINT_LABEL = "feature-creep anonymity key fingerprint v1";

	private final SecretKeySpec key;

	/** Keyed once and never used itself, only copied: copying reads it, and nothing ever changes it. */
	private final Mac prototype;

	AnonymityKey(@Value("${feature-creep.anonymity.key:}") String configuredKey,
			@Value("${feature-creep.anonymity.key-file:./data/anonymity.key}") Path keyFile,
			@Value("${spring.datasource.url:}") String databaseUrl) {
		if (configuredKey.isBlank() && !databaseUrl.startsWith("jdbc:h2:")) {
			// every node of a shared database must use the same key, or one person could vote twice
			throw new IllegalStateException("Set FEATURE_CREEP_ANONYMITY_KEY (32+ random bytes, base64; e.g. "
					+ "'openssl rand -base64 32') when running on a shared database; keep it outside the database.");
		}
		this.key = new SecretKeySpec(configuredKey.isBlank() ? fromFile(keyFile) : decode(configuredKey), ALGORITHM);
		this.prototype = freshMac();
	}

	/**
	 * Equal for equal keys and different for different ones, and of no help in finding the key: safe to show and to
	 * write into a backup.
	 */
	public String fingerprint() {
		return "hmac-sha256:" + HexFormat.of().formatHex(hmac(FINGERPRINT_LABEL));
	}

	/**
	 * Every anonymous vote asks for one. Looking the algorithm up and keying it each time was 3-4 % of a vote's
	 * time (issue #15): a keyed prototype is copied instead (a {@link Mac} is not safe for several threads at once).
	 */
	byte[] hmac(String text) {
		try {
			return ((Mac) prototype.clone()).doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (CloneNotSupportedException notByThisProvider) {
			return freshMac().doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	private Mac freshMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
		}
	}

	private static byte[] decode(String configuredKey) {
		byte[] bytes = Base64.getDecoder().decode(configuredKey.strip());
		if (bytes.length < 32) {
			throw new IllegalStateException("feature-creep.anonymity.key must be at least 32 bytes, base64-encoded");
		}
		return bytes;
	}

	private static byte[] fromFile(Path keyFile) {
		try {
			if (Files.exists(keyFile)) {
				return decode(Files.readString(keyFile));
			}
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			Path parent = keyFile.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Files.writeString(keyFile, Base64.getEncoder().encodeToString(bytes));
			restrictToOwner(keyFile);
			log.info("Created the anonymity key file {}: keep it with backups of the database, and outside it", keyFile);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the anonymity key file " + keyFile, ex);
		}
	}

	private static void restrictToOwner(Path keyFile) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
		}
		catch (IOException ex) {
			log.warn("Could not restrict the permissions of {} to its owner", keyFile);
		}
	}

}
