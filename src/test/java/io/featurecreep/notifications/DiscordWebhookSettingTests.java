package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Receiver;

/**
 * The original setNotificationConfig (spec 9.5), against a local stand-in for Discord. The squad page's channels,
 * of every kind, are {@link ChannelPagesTests}'.
 */
@FeatureCreepTest
class DiscordWebhookSettingTests {

	static final String WEBHOOK = "https://discord.com/api/webhooks/842715899009826836/abc-DEF_123";

	static final String SET = "mutation($input: SetNotificationConfigInput) { setNotificationConfig(input: $input) { name notificationConfig { discordWebhook } } }";

	static Receiver discord;

	@DynamicPropertySource
	static void discordAddress(DynamicPropertyRegistry registry) throws IOException {
		discord = new Receiver();
		registry.add("feature-creep.outbound.stand-ins[discord.com]", discord::baseUrl);
	}

	@AfterAll
	static void stopDiscord() {
		discord.close();
	}

	@Autowired
	GraphQlApi api;

	Caller owner;

	String squadId;

	@BeforeEach
	void squad() {
		discord.answer("/", 204);
		owner = api.as(api.newPerson("Owner"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"cool squad\"}) { id } }").ok().text("createSquad.id");
	}

	@Test
	void aWorkingWebhookIsTestedThenStored() {
		int before = discord.to("/").size();
		GraphQlResponse set = owner.execute(SET, "input", java.util.Map.of("squadId", squadId, "discordWebhook", WEBHOOK))
			.ok();
		assertThat(set.text("setNotificationConfig.name")).isEqualTo("cool squad");
		assertThat(set.text("setNotificationConfig.notificationConfig.discordWebhook")).isEqualTo(WEBHOOK);
		assertThat(discord.to("/")).hasSize(before + 1);
		Receiver.Request message = discord.to("/").get(before);
		assertThat(message.path()).isEqualTo("/api/webhooks/842715899009826836/abc-DEF_123");
		assertThat(message.body()).contains("\"username\":\"Feature Creep\"").contains("\"parse\":[]");
	}

	@Test
	void theOriginalChecksComeInTheOriginalOrder() {
		owner.execute(SET, "input", java.util.Map.of("squadId", squadId, "discordWebhook", ""))
			.failsWith("Must provide a Discord webhook URL", "BAD_USER_INPUT");
		owner.execute(SET, "input", java.util.Map.of("squadId", "blablabla", "discordWebhook", WEBHOOK))
			.failsWith("Invalid squad ID", "BAD_USER_INPUT");
		owner.execute(SET, "input", java.util.Map.of("squadId", squadId, "discordWebhook", "not a real webhook string"))
			.failsWith("Discord webhook failed validation", "BAD_USER_INPUT");
		discord.answer("/", 400);
		owner.execute(SET, "input", java.util.Map.of("squadId", squadId, "discordWebhook", WEBHOOK))
			.failsWith("Discord webhook correct form but cannot send a message", "BAD_USER_INPUT");
	}

	@Test
	void onlyDiscordsOwnAddressesAreAccepted() {
		for (String url : new String[] { "http://discord.com/api/webhooks/1/x", "https://127.0.0.1/discord.com/api/webhooks/1/x",
				"https://evil.example/discord.com/api/webhooks/1/x", "https://discord.com.evil.example/api/webhooks/1/x",
				"https://discord.com/api/webhooks/1/x?wait=true#", "https://user@discord.com/api/webhooks/1/x" }) {
			owner.execute(SET, "input", java.util.Map.of("squadId", squadId, "discordWebhook", url))
				.failsWith("Discord webhook failed validation", "BAD_USER_INPUT");
		}
	}

	@Test
	void anUnreachableWebhookIsNotStored() {
		discord.answer("/", 500);
		owner.execute(SET, "input", java.util.Map.of("squadId", squadId, "discordWebhook", WEBHOOK))
			.failsWith("Discord webhook correct form but cannot send a message", "BAD_USER_INPUT");
		assertThat(owner.execute("query($s: String!) { squad(id: $s) { notificationConfig { discordWebhook } } }", "s", squadId)
			.ok()
			.data("squad.notificationConfig.discordWebhook")
			.isNull()).isTrue();
	}

	@Test
	void membersSeeTheWebhookMaskedAndOwnersCanClearIt() {
		owner.execute(SET, "input", java.util.Map.of("squadId", squadId, "discordWebhook", WEBHOOK)).ok();
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		Caller member = api.as(api.newPerson("Member"));
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
		String seen = member.execute("query($s: String!) { squad(id: $s) { notificationConfig { discordWebhook } } }", "s", squadId)
			.ok()
			.text("squad.notificationConfig.discordWebhook");
		assertThat(seen).startsWith("https://discord.com/api/webhooks/842715899009826836/").doesNotContain("abc-DEF_123");
		owner.execute("mutation($s: String!) { clearNotificationConfig(squadId: $s) { id } }", "s", squadId).ok();
		assertThat(owner.execute("query($s: String!) { squad(id: $s) { notificationConfig { discordWebhook } } }", "s", squadId)
			.ok()
			.data("squad.notificationConfig.discordWebhook")
			.isNull()).isTrue();
	}

}
