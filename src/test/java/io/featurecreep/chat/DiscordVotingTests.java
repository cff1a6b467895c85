package io.featurecreep.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.featurecreep.identity.Person;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Receiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A squad connects a Discord application; Discord (played by the test, signing with the application's Ed25519 key)
 * sends interactions to the endpoint, and the local receiver stands in for discord.com. Discord users link their
 * accounts through the one-time link they are given, on the link page, signed in.
 */
@FeatureCreepTest
class DiscordVotingTests extends WithChatApps {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CONNECT = "mutation($i: ConnectDiscordAppInput!) { connectDiscordApp(input: $i) { id kind target } }";

	static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.bot-token-that-must-stay-secret_0123456789";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	final DiscordSigner discord = new DiscordSigner();

	String applicationId = snowflake();

	String channelId = snowflake();

	String guildId = snowflake();

	Caller owner;

	String squadId;

	@BeforeEach
	void connectedSquad() {
		owner = api.as(api.newPerson("Owner"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Discord @everyone squad\"}) { id } }")
			.ok()
			.text("createSquad.id");
		receiver.answerJson("/discord.com/api/v10/channels/" + channelId + "/messages",
				"{\"id\":\"" + snowflake() + "\"}");
		owner.execute(CONNECT, "i", settings(discord.publicKeyHex())).ok();
	}

	@Test
	void connectingPostsATestMessageRegistersHealthcheckAndNeverShowsTheToken() {
		Receiver.Request test = receiver.to("/discord.com/api/v10/channels/" + channelId + "/messages").getFirst();
		assertThat(test.method()).isEqualTo("POST");
		assertThat(test.header("Authorization")).isEqualTo("Bot " + TOKEN);
		assertThat(test.body()).contains("\"parse\":[]").doesNotContain("username");
		Receiver.Request command = receiver.to("/discord.com/api/v10/applications/" + applicationId + "/commands")
			.getFirst();
		JsonNode registered = JSON.readTree(command.body());
		assertThat(registered.path("name").asString()).isEqualTo("healthcheck");
		assertThat(registered.path("description_localizations").path("de").asString()).isNotBlank();

		GraphQlResponse channels = owner.execute(
				"query($s: String!) { squad(id: $s) { notificationChannels { kind target } deliveries { purpose status } } }",
				"s", squadId).ok();
		assertThat(channels.data("squad.notificationChannels").path(0).path("kind").asString()).isEqualTo("DISCORD_APP");
		assertThat(channels.data("squad.notificationChannels").path(0).path("target").asString()).isEqualTo(channelId);
		assertThat(channels.data("squad.deliveries").path(0).path("status").asString()).isEqualTo("DELIVERED");
		assertThat(channels.data("squad").toString()).doesNotContain(TOKEN);
	}

	@Test
	void refusesBadSettingsWithTheReasonAndAChannelThatRefusesTheBot() {
		Map<String, Object> badKey = settings("not-a-key");
		assertThat(owner.execute(CONNECT, "i", badKey).errorMessages()).anyMatch(m -> m.contains("public key"));
		receiver.answer("/discord.com/api/v10/channels/999999999999999999/", 403);
		Map<String, Object> refused = settings(discord.publicKeyHex());
		refused.put("channelId", "999999999999999999");
		assertThat(owner.execute(CONNECT, "i", refused).errorMessages()).anyMatch(m -> m.contains("HTTP 403"));
	}

	@Test
	void unsignedWronglySignedAndStaleRequestsGet401BeforeTheBodyIsRead() throws Exception {
		String ping = "{\"type\":1,\"application_id\":\"" + applicationId + "\"}";
		String now = String.valueOf(Instant.now().getEpochSecond());
		assertThat(send(ping, null, null).getResponse().getStatus()).isEqualTo(401);
		assertThat(send(ping, now, new DiscordSigner().sign(now, ping)).getResponse().getStatus()).isEqualTo(401);
		assertThat(send(ping, now, discord.sign(now, ping.replace("1", "2"))).getResponse().getStatus()).isEqualTo(401);
		String stale = String.valueOf(Instant.now().minus(10, ChronoUnit.MINUTES).getEpochSecond());
		assertThat(send(ping, stale, discord.sign(stale, ping)).getResponse().getStatus()).isEqualTo(401);
		// not JSON at all: unsigned it is refused as unsigned, signed it is read (and refused as not JSON)
		assertThat(send("{{{", null, null).getResponse().getStatus()).isEqualTo(401);
		assertThat(send("{{{", now, discord.sign(now, "{{{")).getResponse().getStatus()).isEqualTo(400);

		MvcResult pong = send(ping, now, discord.sign(now, ping));
		assertThat(pong.getResponse().getStatus()).isEqualTo(200);
		assertThat(JSON.readTree(pong.getResponse().getContentAsString()).path("type").asInt()).isEqualTo(1);
	}

	@Test
	void anUnlinkedUserGetsAOneTimeLinkOnlyTheySeeAndNoVote() throws Exception {
		JsonNode answer = interact(command("1111"));
		assertThat(answer.path("type").asInt()).isEqualTo(4);
		assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
		assertThat(answer.path("data").path("content").asString()).contains("/chat/link/").contains("15 minutes");
		assertThat(answer.path("data").path("components")).isEmpty();
	}

	@Test
	void aLinkedPersonWhoIsNotAMemberIsToldSoAndCannotVote() throws Exception {
		Person stranger = api.newPerson("Stranger");
		link("2222", stranger);
		JsonNode answer = interact(command("2222"));
		assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
		assertThat(answer.path("data").path("content").asString()).contains("not a member");
		assertThat(answer.path("data").path("components")).isEmpty();
	}

	@Test
	void aMemberVotesWithASelectMenuAndAModalAndTheVoteShowsInTheWebApp() throws Exception {
		link("3333", owner.person());
		JsonNode none = interact(command("3333"));
		assertThat(none.path("data").path("content").asString()).contains("no health check running");

		String sessionId = owner.execute(
				"mutation($s: String!, $d: String) { createSession(input: {squadId: $s, mode: ASYNC, deadline: $d}) { id questions { id } } }",
				"s", squadId, "d", Instant.now().plus(2, ChronoUnit.DAYS).toString()).ok().text("createSession.id");
		await().atMost(Duration.ofSeconds(15)).until(() -> receiver.to("/discord.com/api/v10/channels/" + channelId + "/messages")
			.stream()
			.anyMatch(r -> r.body().contains("fc:vote:" + sessionId)));
		JsonNode ballot = interact(command("3333"));
		assertThat(ballot.path("type").asInt()).isEqualTo(4);
		assertThat(ballot.path("data").path("flags").asInt()).isEqualTo(64);
		JsonNode rows = ballot.path("data").path("components");
		assertThat(rows).hasSize(5);
		JsonNode select = rows.path(0).path("components").path(0);
		assertThat(select.path("type").asInt()).isEqualTo(3);
		assertThat(select.path("placeholder").asString()).isEqualTo("Delivering value");
		assertThat(select.path("options")).hasSize(12);
		String selectId = select.path("custom_id").asString();
		String questionId = selectId.substring(selectId.lastIndexOf(':') + 1);
		assertThat(rows.path(4).path("components").path(0).path("label").asString()).isEqualTo("More questions");

		JsonNode voted = interact(component("3333", selectId, "2:IMPROVING"));
		assertThat(voted.path("type").asInt()).isEqualTo(7);
		assertThat(voted.path("data").path("content").asString()).contains("Your vote on").contains("Delivering value");
		JsonNode commentButton = voted.path("data").path("components").path(4).path("components").path(0);
		assertThat(commentButton.path("label").asString()).contains("Add a comment");

		JsonNode modal = interact(component("3333", commentButton.path("custom_id").asString(), null));
		assertThat(modal.path("type").asInt()).isEqualTo(9);
		String modalId = modal.path("data").path("custom_id").asString();
		JsonNode commented = interact(modalSubmit("3333", modalId, "Shipping went well <@everyone>"));
		assertThat(commented.path("data").path("content").asString()).contains("with your comment");

		JsonNode mine = owner.execute(
				"query($s: String!) { session(id: $s) { questions { id voteCount myAnswer { colour trend comment } } } }",
				"s", sessionId).ok().data("session.questions").path(0);
		assertThat(mine.path("id").asString()).isEqualTo(questionId);
		assertThat(mine.path("voteCount").asInt()).isEqualTo(1);
		assertThat(mine.path("myAnswer").path("colour").asInt()).isEqualTo(2);
		assertThat(mine.path("myAnswer").path("trend").asString()).isEqualTo("IMPROVING");
		assertThat(mine.path("myAnswer").path("comment").asString()).isEqualTo("Shipping went well <@everyone>");

		// the channel's "vote here" message is edited to the new count (counts only, never who)
		await().atMost(Duration.ofSeconds(15)).until(() -> receiver.to("/discord.com/api/v10/channels/" + channelId + "/messages/")
			.stream()
			.anyMatch(r -> r.method().equals("PATCH") && r.body().contains("fc:vote:" + sessionId)));
		String page = mvc.perform(get("/sessions/" + sessionId).with(user(owner.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("1 of 1 voted");
	}

	@Test
	void aChoiceNobodyOfferedIsNoVote() throws Exception {
		link("4444", owner.person());
		String sessionId = owner.execute(
				"mutation($s: String!, $d: String) { createSession(input: {squadId: $s, mode: ASYNC, deadline: $d}) { id questions { id } } }",
				"s", squadId, "d", Instant.now().plus(2, ChronoUnit.DAYS).toString()).ok().text("createSession.id");
		String questionId = owner.execute("query($s: String!) { session(id: $s) { questions { id } } }", "s", sessionId)
			.ok()
			.data("session.questions")
			.path(0)
			.path("id")
			.asString();
		JsonNode answer = interact(component("4444", "fc:q:" + sessionId + ":" + questionId, "7:SIDEWAYS"));
		assertThat(answer.path("data").path("flags").asInt()).isEqualTo(64);
		assertThat(owner.execute("query($s: String!) { session(id: $s) { questions { voteCount } } }", "s", sessionId)
			.ok()
			.data("session.questions")
			.path(0)
			.path("voteCount")
			.asInt()).isZero();
	}

	@Test
	void inAnAnonymousSquadTheChannelOnlyEverCountsVotesAndNothingIsShownBeforeTheReveal() throws Exception {
		// a squad of its own: anonymous, four people, the application connected in another channel
		applicationId = snowflake();
		channelId = snowflake();
		guildId = snowflake();
		owner = api.as(api.newPerson("Quentin"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Quiet ones\", anonymous: true}) { id } }")
			.ok()
			.text("createSquad.id");
		String invite = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		List<Caller> members = new java.util.ArrayList<>();
		for (String name : List.of("Rosalind", "Sigmund")) {
			Caller member = api.as(api.newPerson(name));
			member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", invite).ok();
			members.add(member);
		}
		receiver.answerJson("/discord.com/api/v10/channels/" + channelId + "/messages",
				"{\"id\":\"" + snowflake() + "\"}");
		owner.execute(CONNECT, "i", settings(discord.publicKeyHex())).ok();
		String sessionId = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s, name: \"Quiet 1\"}) { id questions { id } } }",
					"s", squadId)
			.ok()
			.text("createSession.id");
		String messages = "/discord.com/api/v10/channels/" + channelId + "/messages";
		await().atMost(Duration.ofSeconds(15))
			.until(() -> receiver.to(messages).stream().anyMatch(r -> r.body().contains("fc:vote:" + sessionId)));

		link("5551", members.get(0).person());
		link("5552", members.get(1).person());
		String selectId = interact(command("5551")).path("data").path("components").path(0).path("components").path(0)
			.path("custom_id").asString();
		assertThat(selectId).startsWith("fc:q:" + sessionId + ":");
		interact(component("5551", selectId, "0:WORSENING"));
		JsonNode voted = interact(component("5552", selectId, "2:IMPROVING"));
		JsonNode rows = voted.path("data").path("components");
		JsonNode commentButton = rows.path(rows.size() - 1).path("components").path(0);
		assertThat(commentButton.path("label").asString()).contains("Add a comment");
		JsonNode modal = interact(component("5552", commentButton.path("custom_id").asString(), null));
		interact(modalSubmit("5552", modal.path("data").path("custom_id").asString(), "Quietly unhappy"));

		// the channel's message counts the two votes, and never says who or what
		await().atMost(Duration.ofSeconds(15))
			.until(() -> receiver.to(messages + "/")
				.stream()
				.anyMatch(r -> r.method().equals("PATCH") && r.body().contains("2 of 3 members have voted")));
		for (Receiver.Request posted : receiver.to(messages)) {
			assertThat(posted.body()).doesNotContain("Rosalind", "Sigmund", "Quentin", "5551", "5552", "Quietly unhappy",
					"Red", "Green", "Worsening", "Improving");
		}
		// two votes are fewer than the anonymous minimum: the live page shows a count, nothing of the answers
		String page = mvc.perform(get("/sessions/" + sessionId).with(user(owner.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2 of 3 voted").doesNotContain("Quietly unhappy");
		JsonNode question = owner
			.execute("query($s: String!) { session(id: $s) { questions { voteCount answers { colour comment } } } }", "s",
					sessionId)
			.ok()
			.data("session.questions")
			.path(0);
		assertThat(question.path("voteCount").asInt()).isEqualTo(2);
		assertThat(question.path("answers").toString()).doesNotContain("Quietly unhappy");
	}

	@Test
	void failedEditsOfTheVoteCountShowInTheDeliveryLogOncePerChannelAndReasonAnHour() throws Exception {
		receiver.answer("/discord.com/api/v10/channels/" + channelId + "/messages/", 500);
		String sessionId = owner.execute(
				"mutation($s: String!, $d: String) { createSession(input: {squadId: $s, mode: ASYNC, deadline: $d}) { id questions { id } } }",
				"s", squadId, "d", Instant.now().plus(2, ChronoUnit.DAYS).toString()).ok().text("createSession.id");
		await().atMost(Duration.ofSeconds(15)).until(() -> receiver.to("/discord.com/api/v10/channels/" + channelId + "/messages")
			.stream()
			.anyMatch(r -> r.body().contains("fc:vote:" + sessionId)));
		JsonNode questions = owner.execute("query($s: String!) { session(id: $s) { questions { id } } }", "s", sessionId)
			.ok()
			.data("session.questions");
		// edits of one session's count are coalesced (about one a second): each vote waits for its own edit
		for (int i = 0; i < 3; i++) {
			owner.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 1}) { id } }",
					"s", sessionId, "q", questions.path(i).path("id").asString()).ok();
			long edits = i + 1;
			await().atMost(Duration.ofSeconds(15))
				.until(() -> receiver.to("/discord.com/api/v10/channels/" + channelId + "/messages/")
					.stream()
					.filter(r -> r.method().equals("PATCH"))
					.count() >= edits);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> voteCountFailures().size() == 1);
		JsonNode logged = voteCountFailures().get(0);
		assertThat(logged.path("status").asString()).isEqualTo("FAILED");
		assertThat(logged.path("sessionId").asString()).isEqualTo(sessionId);
		assertThat(logged.path("lastError").asString()).isEqualTo("The receiver answered HTTP 500");
		assertThat(logged.toString()).doesNotContain(TOKEN);
		Thread.sleep(300);
		assertThat(voteCountFailures()).hasSize(1);
	}

	private List<JsonNode> voteCountFailures() {
		List<JsonNode> failures = new java.util.ArrayList<>();
		owner.execute("query($s: String!) { squad(id: $s) { deliveries { purpose status sessionId lastError attemptLog { error } } } }",
				"s", squadId).ok().data("squad.deliveries").forEach(d -> {
					if (d.path("purpose").asString().equals("VOTE_COUNT")) {
						failures.add(d);
					}
				});
		return failures;
	}

	private Map<String, Object> settings(String publicKey) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("squadId", squadId);
		settings.put("applicationId", applicationId);
		settings.put("publicKey", publicKey);
		settings.put("botToken", TOKEN);
		settings.put("channelId", channelId);
		return settings;
	}

	/** Links the Discord user through the link /healthcheck gives them: the page shows whom, a POST confirms. */
	private void link(String userId, Person person) throws Exception {
		String answer = interact(command(userId)).path("data").path("content").asString();
		Matcher link = Pattern.compile(Pattern.quote(WithChatApps.PUBLIC_URL) + "(/chat/link/[A-Za-z0-9_-]+)").matcher(answer);
		assertThat(link.find()).as(answer).isTrue();
		String page = mvc.perform(get(link.group(1)).with(user(person.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Discord", guildId, userId);
		mvc.perform(post(link.group(1)).with(user(person.id())).with(csrf())).andExpect(status().is3xxRedirection());
		// single use
		mvc.perform(get(link.group(1)).with(user(person.id()))).andExpect(status().isNotFound());
	}

	private Map<String, Object> base(int type, String userId) {
		Map<String, Object> interaction = new LinkedHashMap<>();
		interaction.put("type", type);
		interaction.put("id", snowflake());
		interaction.put("application_id", applicationId);
		interaction.put("guild_id", guildId);
		interaction.put("channel_id", channelId);
		interaction.put("locale", "en-GB");
		interaction.put("member", Map.of("user", Map.of("id", userId, "username", "user" + userId)));
		return interaction;
	}

	private Map<String, Object> command(String userId) {
		Map<String, Object> interaction = base(2, userId);
		interaction.put("data", Map.of("name", "healthcheck", "type", 1));
		return interaction;
	}

	private Map<String, Object> component(String userId, String customId, String value) {
		Map<String, Object> interaction = base(3, userId);
		interaction.put("data", value == null ? Map.of("custom_id", customId, "component_type", 2)
				: Map.of("custom_id", customId, "component_type", 3, "values", List.of(value)));
		return interaction;
	}

	private Map<String, Object> modalSubmit(String userId, String customId, String comment) {
		Map<String, Object> interaction = base(5, userId);
		interaction.put("data", Map.of("custom_id", customId, "components", List.of(Map.of("type", 1, "components",
				List.of(Map.of("type", 4, "custom_id", "comment", "value", comment))))));
		return interaction;
	}

	private JsonNode interact(Map<String, Object> interaction) throws Exception {
		String body = JSON.writeValueAsString(interaction);
		String now = String.valueOf(Instant.now().getEpochSecond());
		MvcResult result = send(body, now, discord.sign(now, body));
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private MvcResult send(String body, String timestamp, String signature) throws Exception {
		var request = post("/integrations/discord/interactions").contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8));
		if (timestamp != null) {
			request = request.header("X-Signature-Timestamp", timestamp);
		}
		if (signature != null) {
			request = request.header("X-Signature-Ed25519", signature);
		}
		return mvc.perform(request).andReturn();
	}

	private static String snowflake() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 999_999_999_999_999_999L));
	}

}
