package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscordWebhookTest {

	@ParameterizedTest
	@ValueSource(strings = { "https://discord.com/api/webhooks/842715899009826836/abc-DEF_123",
			"https://discordapp.com/api/webhooks/1/x", "https://ptb.discord.com/api/webhooks/1/x/",
			"  https://canary.discord.com/api/webhooks/1/x  " })
	void acceptsDiscordsOwnWebhookAddresses(String url) {
		assertThat(DiscordWebhook.parse(url)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "discord.com/api/webhooks/1/x", "http://discord.com/api/webhooks/1/x",
			"https://discord.com/api/webhooks/abc/x", "https://discord.com/api/webhooks/1/x/extra",
			"https://discord.com@169.254.169.254/api/webhooks/1/x", "https://169.254.169.254/discord.com/api/webhooks/1/x",
			"https://discord.com:8443/api/webhooks/1/x", "https://DISCORD.com.evil/api/webhooks/1/x",
			"https://discord.com/api/webhooks/1/x?thread_id=2", "https://discord.com/api/webhooks/1/x%2F..%2F" })
	void refusesEverythingElse(String url) {
		assertThat(DiscordWebhook.parse(url)).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void neverShowsItsTokenInLogsOrToMembers() {
		DiscordWebhook webhook = DiscordWebhook.parse("https://discord.com/api/webhooks/42/secret-token").orElseThrow();
		assertThat(webhook.toString()).doesNotContain("secret-token");
		assertThat(webhook.masked()).doesNotContain("secret-token").contains("/42/");
	}

}
