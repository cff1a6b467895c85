package io.featurecreep.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;

/** Plays Discord in tests: an application's Ed25519 key pair, signing interactions as Discord does. */
final class DiscordSigner {

	private final KeyPair keys;

	DiscordSigner() {
		try {
			keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public key as Discord's developer portal shows it: the 32 raw bytes in hex. */
	String publicKeyHex() {
		byte[] encoded = keys.getPublic().getEncoded();
		return HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
	}

	/** The X-Signature-Ed25519 header for a body sent at a timestamp. */
	String sign(String timestamp, String body) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(keys.getPrivate());
			signature.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
