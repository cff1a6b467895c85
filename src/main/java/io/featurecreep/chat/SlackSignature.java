package io.featurecreep.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">} with the
 * app's signing secret, the timestamp ({@code X-Slack-Request-Timestamp}, seconds) within five minutes of now so that
 * a recorded request cannot be replayed later. Compared in constant time.
 */
final class SlackSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private SlackSignature() {
	}

	static boolean valid(String signingSecret, String timestamp, byte[] body, String signature, Instant now) {
		if (signingSecret == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
			return false;
		}
		byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(signingSecret, timestamp, body)))
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	/** The signature of a body, as Slack computes it. */
	static String sign(String signingSecret, String timestamp, byte[] body) {
		return "v0=" + HexFormat.of().formatHex(hmac(signingSecret, timestamp, body));
	}

	private static byte[] hmac(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
