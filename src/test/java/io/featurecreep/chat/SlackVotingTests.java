package io.featurecreep.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.Receiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Voting from Slack, end to end: an owner connects a Slack app; a session's start posts a message with a Vote button
 * through the app's bot (slack.com stands in locally); pressing it as an unlinked user gives a private one-time link,
 * as a non-member a private explanation, as a linked member a form of the open question; its submission is a vote
 * that shows on the session's live page. Every interaction is signed here as Slack signs it; unsigned, wrongly signed
 * and stale requests are refused with 401 before they are read.
 */
@FeatureCreepTest
class SlackVotingTests extends WithChatApps {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String ADD = """
			mutation($s: String!, $t: String!, $b: String, $k: String) {
			  addNotificationChannel(input: {squadId: $s, kind: SLACK_APP, target: $t, botToken: $b, signingSecret: $k}) {
			    channel { id kind target } signingSecret } }""";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	/** A squad with an owner, three members and a connected Slack app. */
	record SlackSquad(String id, Caller owner, List<Caller> members, String channel, String secret, String team) {
	}

	SlackSquad squad(boolean anonymous) {
		Caller owner = api.as(api.newPerson("Ottilie"));
		String id = owner
			.execute("mutation($a: Boolean) { createSquad(input: {name: \"Slackers\", anonymous: $a}) { id } }", "a",
					anonymous)
			.ok()
			.text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", id)
			.ok()
			.text("createInvite.token");
		List<Caller> members = new ArrayList<>();
		for (String name : List.of("Anouk", "Bertil", "Cosima")) {
			Caller member = api.as(api.newPerson(name));
			member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
			members.add(member);
		}
		String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		String channel = "C" + tag;
		String secret = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 32);
		receiver.answer("/slack.com/api/", 200, "{\"ok\":true,\"ts\":\"1700000000.000100\"}");
		JsonNode added = owner
			.execute(ADD, "s", id, "t", channel, "b", "xoxb-1234-5678-" + tag.toLowerCase(), "k", secret)
			.ok()
			.data("addNotificationChannel");
		assertThat(added.path("channel").path("target").asString()).isEqualTo(channel);
		assertThat(added.toString()).doesNotContain(secret).doesNotContain("xoxb-");
		return new SlackSquad(id, owner, members, channel, secret, "T" + tag);
	}

	@Test
	void aSlackAppIsConnectedWithATestMessageThroughItsBotAndItsSecretsAreNeverShown() {
		SlackSquad squad = squad(true);
		List<Receiver.Request> posts = postsTo(squad.channel());
		assertThat(posts).hasSize(1);
		assertThat(posts.get(0).header("Authorization")).startsWith("Bearer xoxb-1234-5678-");
		String listed = squad.owner()
			.execute("query($s: String!) { squad(id: $s) { notificationChannels { kind target } } }", "s", squad.id())
			.ok()
			.data("squad")
			.toString();
		assertThat(listed).contains("SLACK_APP", squad.channel()).doesNotContain(squad.secret()).doesNotContain("xoxb-");

		String refused = squad.owner()
			.execute(ADD, "s", squad.id(), "t", squad.channel(), "b", "not-a-token", "k", squad.secret())
			.errorMessages()
			.toString();
		assertThat(refused).contains("xoxb-");
	}

	@Test
	void unsignedWronglySignedAndStaleInteractionsAreRefusedBeforeTheyAreRead() throws Exception {
		SlackSquad squad = squad(true);
		byte[] body = "payload=%7Bnot-json".getBytes(StandardCharsets.UTF_8);
		String now = String.valueOf(Instant.now().getEpochSecond());
		mvc.perform(post(SlackInteractions.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(signed(body, now, SlackSignature.sign("another-secret-of-some-other-app", now, body)))
			.andExpect(status().isUnauthorized());
		String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
		mvc.perform(signed(body, stale, SlackSignature.sign(squad.secret(), stale, body)))
			.andExpect(status().isUnauthorized());
		// signed rightly, the same broken body is read, and refused as the bad request it is
		mvc.perform(signed(body, now, SlackSignature.sign(squad.secret(), now, body)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void membersVoteFromSlackAndTheirVotesShowOnTheLivePage() throws Exception {
		SlackSquad squad = squad(true);
		JsonNode session = squad.owner()
			.execute("mutation($s: String!) { createSession(input: {squadId: $s, name: \"Sprint 9\"}) { id questions { id } } }",
					"s", squad.id())
			.ok()
			.data("createSession");
		String sessionId = session.path("id").asString();
		String firstQuestion = session.path("questions").path(0).path("id").asString();

		await().atMost(Duration.ofSeconds(30)).until(() -> invitation(squad) != null);
		JsonNode invitation = JSON.readTree(invitation(squad).body());
		assertThat(invitation.path("text").asString()).contains("Slackers", "Sprint 9", "0 of 4 members have voted");
		assertThat(invitation.toString()).doesNotContain("Anouk", "Bertil", "Cosima", "Ottilie");

		// an unlinked member gets a one-time link, privately
		Caller anouk = squad.members().get(0);
		press(squad, "U_ANOUK", sessionId, "trigger-1");
		String link = linkFrom(ephemeralTo(squad, "U_ANOUK"));
		assertThat(link).startsWith(WithChatApps.PUBLIC_URL + "/chat/link/");
		String path = link.substring(WithChatApps.PUBLIC_URL.length());
		String page = mvc.perform(get(path).with(user(anouk.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("U_ANOUK", squad.team());
		mvc.perform(post(path).with(user(anouk.person().id())).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post(path).with(user(anouk.person().id())).with(csrf())).andExpect(status().isNotFound());

		// someone who is not a member links their account, and is told they cannot vote here
		Caller outsider = api.as(api.newPerson("Xaver"));
		link(squad, "U_XAVER", sessionId, outsider);
		press(squad, "U_XAVER", sessionId, "trigger-x");
		await().until(() -> ephemeralTo(squad, "U_XAVER").size() == 2);
		assertThat(ephemeralTo(squad, "U_XAVER").get(1)).contains("not a member");

		// linked members get the form with the active question, and vote in it
		press(squad, "U_ANOUK", sessionId, "trigger-2");
		JsonNode opened = JSON.readTree(receiver.to("/slack.com/api/views.open")
			.stream()
			.filter(r -> r.body().contains("trigger-2"))
			.findFirst()
			.orElseThrow()
			.body());
		assertThat(opened.path("view").path("private_metadata").asString()).startsWith(sessionId);
		assertThat(opened.path("view").toString()).contains("c_" + firstQuestion, "t_" + firstQuestion,
				"m_" + firstQuestion);
		JsonNode answer = submit(squad, "U_ANOUK", sessionId, opened.path("view").path("private_metadata").asString(),
				firstQuestion, "2", "IMPROVING", "Shipping feels good");
		assertThat(answer.path("response_action").asString()).isEqualTo("update");

		String beforeOthers = livePage(squad.owner(), sessionId);
		assertThat(beforeOthers).contains("1 of 4 voted");

		for (int i = 1; i < 3; i++) {
			String slackUser = "U_MEMBER" + i;
			link(squad, slackUser, sessionId, squad.members().get(i));
			submit(squad, slackUser, sessionId, opened.path("view").path("private_metadata").asString(), firstQuestion,
					"1", null, null);
		}
		assertThat(livePage(squad.owner(), sessionId)).contains("3 of 4 voted");

		// the invitation in the channel counts the votes, never who cast them
		await().atMost(Duration.ofSeconds(10))
			.until(() -> receiver.to("/slack.com/api/chat.update")
				.stream()
				.anyMatch(r -> r.body().contains(squad.channel()) && r.body().contains("3 of 4 members have voted")));
		for (Receiver.Request update : receiver.to("/slack.com/api/chat.update")) {
			assertThat(update.body()).doesNotContain("Anouk", "Bertil", "Cosima", "Shipping feels good");
		}

		squad.owner()
			.execute("mutation($s: String!, $q: String!) { revealQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
					"s", sessionId, "q", firstQuestion)
			.ok();
		assertThat(livePage(squad.owner(), sessionId)).contains("Shipping feels good");
	}

	@Test
	void theHealthcheckCommandOpensTheFormOfTheChannelsRunningSessionOrTellsOnlyTheSenderWhyNot() throws Exception {
		SlackSquad squad = squad(false);
		byte[] body = commandBody(squad, "U_CMD", "trigger-c0");
		String now = String.valueOf(Instant.now().getEpochSecond());
		mvc.perform(post(SlackInteractions.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(signed(body, now, SlackSignature.sign("another-secret-of-some-other-app", now, body)))
			.andExpect(status().isUnauthorized());
		String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
		mvc.perform(signed(body, stale, SlackSignature.sign(squad.secret(), stale, body)))
			.andExpect(status().isUnauthorized());

		// nothing running: said so, to the sender only
		JsonNode idle = command(squad, "U_CMD", "trigger-c1");
		assertThat(idle.path("response_type").asString()).isEqualTo("ephemeral");
		assertThat(idle.path("text").asString()).contains("no health check running");

		String sessionId = squad.owner()
			.execute("mutation($s: String!) { createSession(input: {squadId: $s, name: \"Sprint 10\"}) { id } }", "s",
					squad.id())
			.ok()
			.text("createSession.id");

		// unlinked: a one-time link in the private answer, and no form
		JsonNode unlinked = command(squad, "U_CMD", "trigger-c2");
		assertThat(unlinked.path("response_type").asString()).isEqualTo("ephemeral");
		String link = linkFrom(List.of(unlinked.path("text").asString()));
		mvc.perform(post(link.substring(WithChatApps.PUBLIC_URL.length())).with(user(squad.members().get(0).person().id()))
			.with(csrf())).andExpect(status().is3xxRedirection());

		// a linked outsider is told they are not a member
		Caller outsider = api.as(api.newPerson("Yvette"));
		String outsiderLink = linkFrom(List.of(command(squad, "U_OUT", "trigger-c3").path("text").asString()));
		mvc.perform(post(outsiderLink.substring(WithChatApps.PUBLIC_URL.length())).with(user(outsider.person().id()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(command(squad, "U_OUT", "trigger-c4").path("text").asString()).contains("not a member");

		// a linked member gets the form of the running session, opened with the command's trigger
		JsonNode opened = command(squad, "U_CMD", "trigger-c5");
		assertThat(opened.isMissingNode()).isTrue();
		assertThat(receiver.to("/slack.com/api/views.open")
			.stream()
			.filter(r -> r.body().contains("trigger-c5"))
			.map(r -> JSON.readTree(r.body()).path("view").path("private_metadata").asString())
			.toList()).singleElement().asString().startsWith(sessionId + " ");
		List<Receiver.Request> refusedForms = receiver.to("/slack.com/api/views.open")
			.stream()
			.filter(r -> r.body().matches("(?s).*trigger-c[1-4].*"))
			.toList();
		assertThat(refusedForms).isEmpty();
		// the answers went to the sender, never to the channel
		assertThat(postsTo(squad.channel())).noneMatch(r -> r.body().contains("chat/link"));
	}

	/** Sends the {@code /healthcheck} slash command as Slack does; its direct answer, missing when empty. */
	JsonNode command(SlackSquad squad, String slackUser, String trigger) throws Exception {
		byte[] body = commandBody(squad, slackUser, trigger);
		String now = String.valueOf(Instant.now().getEpochSecond());
		String answer = mvc.perform(signed(body, now, SlackSignature.sign(squad.secret(), now, body)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return answer.isEmpty() ? JSON.missingNode() : JSON.readTree(answer);
	}

	static byte[] commandBody(SlackSquad squad, String slackUser, String trigger) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("token", "deprecated-verification-token");
		fields.put("team_id", squad.team());
		fields.put("channel_id", squad.channel());
		fields.put("user_id", slackUser);
		fields.put("command", "/healthcheck");
		fields.put("text", "");
		fields.put("trigger_id", trigger);
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return form.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void anAsyncSessionsFormListsEveryOpenQuestionRefusesIncompleteAnswersAndStoresAVoteForEach() throws Exception {
		SlackSquad squad = squad(false);
		JsonNode session = squad.owner()
			.execute("""
					mutation($s: String!, $d: String) {
					  createSession(input: {squadId: $s, name: "Async 3", mode: ASYNC, deadline: $d}) { id questions { id } } }""",
					"s", squad.id(), "d", Instant.now().plus(Duration.ofDays(2)).toString())
			.ok()
			.data("createSession");
		String sessionId = session.path("id").asString();
		List<String> questions = new ArrayList<>();
		session.path("questions").forEach(q -> questions.add(q.path("id").asString()));
		assertThat(questions).hasSizeGreaterThan(2);

		Caller bertil = squad.members().get(1);
		link(squad, "U_ASYNC", sessionId, bertil);
		press(squad, "U_ASYNC", sessionId, "trigger-async");
		JsonNode view = JSON.readTree(receiver.to("/slack.com/api/views.open")
			.stream()
			.filter(r -> r.body().contains("trigger-async"))
			.findFirst()
			.orElseThrow()
			.body()).path("view");
		List<String> colourBlocks = new ArrayList<>();
		for (JsonNode block : view.path("blocks")) {
			if (block.path("block_id").asString("").startsWith("c_")) {
				colourBlocks.add(block.path("block_id").asString());
			}
		}
		assertThat(colourBlocks).containsExactlyElementsOf(questions.stream().map(q -> "c_" + q).toList());
		String metadata = view.path("private_metadata").asString();

		// nothing chosen: the form says to choose a colour, and nothing is stored
		Map<String, Object> empty = new LinkedHashMap<>();
		questions.forEach(q -> empty.putAll(answer(q, null, null, null)));
		JsonNode none = submitValues(squad, "U_ASYNC", metadata, empty);
		assertThat(none.path("response_action").asString()).isEqualTo("errors");
		assertThat(none.path("errors").path("c_" + questions.get(0)).asString()).contains("Choose a colour");

		// a trend without a colour on the second question: the error is on that question
		Map<String, Object> partial = new LinkedHashMap<>();
		questions.forEach(q -> partial.putAll(answer(q, q.equals(questions.get(1)) ? null : "1",
				q.equals(questions.get(1)) ? "STABLE" : null, null)));
		JsonNode incomplete = submitValues(squad, "U_ASYNC", metadata, partial);
		assertThat(incomplete.path("response_action").asString()).isEqualTo("errors");
		assertThat(incomplete.path("errors").has("c_" + questions.get(1))).isTrue();
		assertThat(myAnswers(bertil, sessionId)).allSatisfy(answer -> assertThat(answer.isNull()).isTrue());

		// a comment the voting service refuses (over 2000 characters): the form tells why
		Map<String, Object> tooLong = new LinkedHashMap<>();
		questions.forEach(q -> tooLong.putAll(answer(q, "2", null, q.equals(questions.get(0)) ? "x".repeat(2001) : null)));
		JsonNode refused = submitValues(squad, "U_ASYNC", metadata, tooLong);
		assertThat(refused.path("response_action").asString()).isEqualTo("errors");
		assertThat(refused.path("errors").toString()).contains("could not be stored");

		// every question answered: one vote each, as cast
		Map<String, Object> all = new LinkedHashMap<>();
		for (int i = 0; i < questions.size(); i++) {
			all.putAll(answer(questions.get(i), String.valueOf(i % 3), i == 0 ? "WORSENING" : null,
					i == 1 ? "Too many meetings" : null));
		}
		assertThat(submitValues(squad, "U_ASYNC", metadata, all).path("response_action").asString()).isEqualTo("update");
		List<JsonNode> mine = myAnswers(bertil, sessionId);
		assertThat(mine).hasSize(questions.size());
		for (int i = 0; i < questions.size(); i++) {
			assertThat(mine.get(i).path("colour").asInt()).isEqualTo(i % 3);
		}
		assertThat(mine.get(0).path("trend").asString()).isEqualTo("WORSENING");
		assertThat(mine.get(1).path("comment").asString()).isEqualTo("Too many meetings");
	}

	@Test
	void aPersonUnlinksTheirChatAccountAndIsAskedToLinkAgainOnTheNextVote() throws Exception {
		SlackSquad squad = squad(false);
		String sessionId = squad.owner()
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squad.id())
			.ok()
			.text("createSession.id");
		Caller cosima = squad.members().get(2);
		link(squad, "U_COSIMA", sessionId, cosima);
		assertThat(accountsPage(cosima)).contains("U_COSIMA", squad.team());

		// nobody else can unlink it
		Caller other = squad.members().get(0);
		mvc.perform(post(ChatLinkPages.ACCOUNTS + "/unlink").with(user(other.person().id()))
			.with(csrf())
			.param("platform", "SLACK")
			.param("workspace", squad.team())
			.param("user", "U_COSIMA")).andExpect(status().isNotFound());
		// nor without the form's CSRF token
		mvc.perform(post(ChatLinkPages.ACCOUNTS + "/unlink").with(user(cosima.person().id()))
			.param("platform", "SLACK")
			.param("workspace", squad.team())
			.param("user", "U_COSIMA")).andExpect(status().isForbidden());
		press(squad, "U_COSIMA", sessionId, "trigger-linked");
		assertThat(receiver.to("/slack.com/api/views.open")).anyMatch(r -> r.body().contains("trigger-linked"));

		mvc.perform(post(ChatLinkPages.ACCOUNTS + "/unlink").with(user(cosima.person().id()))
			.with(csrf())
			.param("platform", "SLACK")
			.param("workspace", squad.team())
			.param("user", "U_COSIMA")).andExpect(status().is3xxRedirection());
		assertThat(accountsPage(cosima)).doesNotContain("U_COSIMA");

		int before = ephemeralTo(squad, "U_COSIMA").size();
		press(squad, "U_COSIMA", sessionId, "trigger-unlinked");
		await().until(() -> ephemeralTo(squad, "U_COSIMA").size() > before);
		assertThat(linkFrom(ephemeralTo(squad, "U_COSIMA"))).startsWith(WithChatApps.PUBLIC_URL + "/chat/link/");
		assertThat(receiver.to("/slack.com/api/views.open")).noneMatch(r -> r.body().contains("trigger-unlinked"));
	}

	@Test
	void aVotingFormSlackWouldNotOpenShowsInTheDeliveryLogWithSlacksReason() throws Exception {
		SlackSquad squad = squad(false);
		String sessionId = squad.owner()
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squad.id())
			.ok()
			.text("createSession.id");
		link(squad, "U_LATE", sessionId, squad.members().get(0));
		receiver.answer("/slack.com/api/views.open", 200, "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
		try {
			press(squad, "U_LATE", sessionId, "trigger-expired-1");
			press(squad, "U_LATE", sessionId, "trigger-expired-2");
			JsonNode answer = command(squad, "U_LATE", "trigger-expired-3");
			assertThat(answer.path("text").asString()).contains("could not be opened");
		}
		finally {
			receiver.answer("/slack.com/api/views.open", 200, "{\"ok\":true}");
		}
		List<JsonNode> failures = new ArrayList<>();
		squad.owner()
			.execute("query($s: String!) { squad(id: $s) { deliveries { purpose status lastError attempts } } }", "s",
					squad.id())
			.ok()
			.data("squad.deliveries")
			.forEach(d -> {
				if (d.path("purpose").asString().equals("INTERACTION")) {
					failures.add(d);
				}
			});
		assertThat(failures).singleElement().satisfies(failure -> {
			assertThat(failure.path("status").asString()).isEqualTo("FAILED");
			assertThat(failure.path("lastError").asString())
				.isEqualTo("The chat service refused the message: expired_trigger_id");
		});
		assertThat(failures.toString()).doesNotContain("xoxb-");
	}

	String accountsPage(Caller person) throws Exception {
		return mvc.perform(get(ChatLinkPages.ACCOUNTS).with(user(person.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The person's own answers to each question of the session, in order (null where none). */
	List<JsonNode> myAnswers(Caller person, String sessionId) {
		List<JsonNode> answers = new ArrayList<>();
		person.execute("query($s: String!) { session(id: $s) { questions { myAnswer { colour trend comment } } } }", "s",
				sessionId).ok().data("session.questions").forEach(q -> answers.add(q.path("myAnswer")));
		return answers;
	}

	/** A question's blocks in a submitted form's state; null leaves a field empty. */
	static Map<String, Object> answer(String questionId, String colour, String trend, String comment) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("c_" + questionId,
				Map.of("colour", colour == null ? Map.of() : Map.of("selected_option", Map.of("value", colour))));
		values.put("t_" + questionId,
				Map.of("trend", trend == null ? Map.of() : Map.of("selected_option", Map.of("value", trend))));
		values.put("m_" + questionId, Map.of("comment", comment == null ? Map.of() : Map.of("value", comment)));
		return values;
	}

	JsonNode submitValues(SlackSquad squad, String slackUser, String metadata, Map<String, Object> values)
			throws Exception {
		Map<String, Object> payload = Map.of("type", "view_submission", "team", Map.of("id", squad.team()), "user",
				Map.of("id", slackUser), "view",
				Map.of("callback_id", "fc_ballot", "private_metadata", metadata, "state", Map.of("values", values)));
		MvcResult result = interact(squad, payload).andExpect(status().isOk()).andReturn();
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	/** Links a chat user to a person through the link they get when pressing Vote. */
	void link(SlackSquad squad, String slackUser, String sessionId, Caller person) throws Exception {
		int before = ephemeralTo(squad, slackUser).size();
		press(squad, slackUser, sessionId, "trigger-link-" + slackUser);
		await().until(() -> ephemeralTo(squad, slackUser).size() > before);
		String path = linkFrom(ephemeralTo(squad, slackUser)).substring(WithChatApps.PUBLIC_URL.length());
		mvc.perform(post(path).with(user(person.person().id())).with(csrf())).andExpect(status().is3xxRedirection());
	}

	void press(SlackSquad squad, String slackUser, String sessionId, String trigger) throws Exception {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", "block_actions");
		payload.put("team", Map.of("id", squad.team()));
		payload.put("user", Map.of("id", slackUser));
		payload.put("trigger_id", trigger);
		payload.put("channel", Map.of("id", squad.channel()));
		payload.put("actions", List.of(Map.of("action_id", "fc_vote", "value", sessionId)));
		interact(squad, payload).andExpect(status().isOk());
	}

	JsonNode submit(SlackSquad squad, String slackUser, String sessionId, String metadata, String questionId,
			String colour, String trend, String comment) throws Exception {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("c_" + questionId, Map.of("colour", Map.of("selected_option", Map.of("value", colour))));
		values.put("t_" + questionId,
				Map.of("trend", trend == null ? Map.of() : Map.of("selected_option", Map.of("value", trend))));
		values.put("m_" + questionId, Map.of("comment", comment == null ? Map.of() : Map.of("value", comment)));
		Map<String, Object> payload = Map.of("type", "view_submission", "team", Map.of("id", squad.team()), "user",
				Map.of("id", slackUser), "view",
				Map.of("callback_id", "fc_ballot", "private_metadata", metadata, "state", Map.of("values", values)));
		MvcResult result = interact(squad, payload).andExpect(status().isOk()).andReturn();
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	org.springframework.test.web.servlet.ResultActions interact(SlackSquad squad, Map<String, Object> payload)
			throws Exception {
		byte[] body = ("payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);
		String now = String.valueOf(Instant.now().getEpochSecond());
		return mvc.perform(signed(body, now, SlackSignature.sign(squad.secret(), now, body)));
	}

	static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signed(byte[] body,
			String timestamp, String signature) {
		return post(SlackInteractions.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(body)
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", signature);
	}

	String livePage(Caller viewer, String sessionId) throws Exception {
		return mvc.perform(get("/sessions/{id}", sessionId).with(user(viewer.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	List<Receiver.Request> postsTo(String channel) {
		return receiver.to("/slack.com/api/chat.postMessage").stream().filter(r -> r.body().contains(channel)).toList();
	}

	Receiver.Request invitation(SlackSquad squad) {
		return postsTo(squad.channel()).stream().filter(r -> r.body().contains("fc_vote")).findFirst().orElse(null);
	}

	List<String> ephemeralTo(SlackSquad squad, String slackUser) {
		return receiver.to("/slack.com/api/chat.postEphemeral")
			.stream()
			.map(Receiver.Request::body)
			.filter(body -> body.contains(squad.channel()) && body.contains("\"" + slackUser + "\""))
			.toList();
	}

	static String linkFrom(List<String> messages) {
		Matcher link = Pattern.compile("(https://health\\.example\\.test/chat/link/[A-Za-z0-9_-]+)")
			.matcher(messages.get(messages.size() - 1));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

}
