package io.featurecreep.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DiscordSignatureTest {

	final DiscordSigner discord = new DiscordSigner();

	final Instant now = Instant.ofEpochSecond(1_800_000_000L);

	final String timestamp = String.valueOf(now.getEpochSecond());

	final String body = "{\"type\":1}";

	@Test
	void acceptsWhatTheApplicationsKeySignedJustNow() {
		assertThat(verify(discord.publicKeyHex(), timestamp, discord.sign(timestamp, body), body, now)).isTrue();
	}

	@Test
	void refusesAnotherKeysSignature() {
		assertThat(verify(new DiscordSigner().publicKeyHex(), timestamp, discord.sign(timestamp, body), body, now))
			.isFalse();
	}

	@Test
	void refusesAChangedBodyOrTimestamp() {
		String signature = discord.sign(timestamp, body);
		assertThat(verify(discord.publicKeyHex(), timestamp, signature, "{\"type\":2}", now)).isFalse();
		assertThat(verify(discord.publicKeyHex(), String.valueOf(now.getEpochSecond() - 1), signature, body, now))
			.isFalse();
	}

	@Test
	void refusesASignatureOlderOrNewerThanFiveMinutes() {
		String old = String.valueOf(now.minusSeconds(301).getEpochSecond());
		assertThat(verify(discord.publicKeyHex(), old, discord.sign(old, body), body, now)).isFalse();
		String future = String.valueOf(now.plusSeconds(301).getEpochSecond());
		assertThat(verify(discord.publicKeyHex(), future, discord.sign(future, body), body, now)).isFalse();
		String recent = String.valueOf(now.minusSeconds(299).getEpochSecond());
		assertThat(verify(discord.publicKeyHex(), recent, discord.sign(recent, body), body, now)).isTrue();
	}

	@Test
	void refusesMissingAndMalformedParts() {
		String signature = discord.sign(timestamp, body);
		assertThat(verify(discord.publicKeyHex(), null, signature, body, now)).isFalse();
		assertThat(verify(discord.publicKeyHex(), timestamp, null, body, now)).isFalse();
		assertThat(verify(discord.publicKeyHex(), timestamp, "zz" + signature.substring(2), body, now)).isFalse();
		assertThat(verify(discord.publicKeyHex(), timestamp, signature.substring(2), body, now)).isFalse();
		assertThat(verify("abc", timestamp, signature, body, now)).isFalse();
		assertThat(verify(discord.publicKeyHex(), "yesterday", signature, body, now)).isFalse();
	}

	private static boolean verify(String key, String timestamp, String signature, String body, Instant now) {
		return DiscordSignature.verify(key, timestamp, signature, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
				now);
	}

	@Test
	void aMalformedKeyIsRefusedEveryTimeAndAGoodOneKeepsVerifying() {
		String signature = discord.sign(timestamp, body);
		for (int i = 0; i < 3; i++) {
			assertThat(verify("zz" + discord.publicKeyHex().substring(2), timestamp, signature, body, now)).isFalse();
			assertThat(verify(discord.publicKeyHex(), timestamp, signature, body, now)).isTrue();
		}
	}

}
