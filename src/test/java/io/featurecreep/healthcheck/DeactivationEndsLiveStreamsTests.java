package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Subscriber;
import tools.jackson.databind.JsonNode;

/**
 * Deactivating someone ends their live streams at once: the live page's event stream and their GraphQL
 * subscriptions, while everyone else's go on; new ones are refused, also on a WebSocket they still hold.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class DeactivationEndsLiveStreamsTests {

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Caller admin;

	Caller owner;

	Caller member;

	String sessionId;

	String questionId;

	@BeforeEach
	void aLiveSessionWithAMember() {
		admin = api.as(api.newPerson("Admin"));
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) select ?, ? where not exists "
				+ "(select 1 from organisation_admin where person_id = ?)")
			.params("00000000-0000-0000-0000-000000000001", admin.person().id(), admin.person().id())
			.update();
		owner = api.as(api.newPerson("Owner"));
		member = api.as(api.newPerson("Member"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Live\", anonymous: true}) { id } }")
			.ok()
			.text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		sessionId = session.text("createSession.id");
		questionId = session.text("createSession.questions.0.id");
	}

	@Test
	void deactivatingSomeoneEndsTheirEventStreamAtOnceLeavesOthersOpenAndRefusesANewOne() throws Exception {
		MvcResult members = openStream(member);
		MvcResult owners = openStream(owner);

		deactivate(member);

		members.getAsyncResult(5_000); // ended
		owner.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 1}) { id } }",
				"s", sessionId, "q", questionId).ok();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> owners.getResponse().getContentAsString().contains("event:votes"));
		assertThat(mvc.perform(get("/sessions/{id}/events", sessionId).with(user(member.person().id()))
			.accept(MediaType.TEXT_EVENT_STREAM)).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void deactivatingSomeoneEndsTheirSubscriptionWithAnErrorAndTheirWebSocketTakesNoMoreOperations() throws Exception {
		String token = member.execute("mutation { createAccessToken(input: {name: \"live\"}) { secret } }")
			.ok()
			.text("createAccessToken.secret");
		try (Subscriber subscriber = Subscriber.connect(port, token)) {
			subscriber.subscribe("1", LiveSubscriptionTests.SUBSCRIBE, Map.of("s", sessionId));
			assertThat(subscriber.next().path("payload").path("data").path("sessionChanged").path("change").asString())
				.isEqualTo("CURRENT_STATE");

			deactivate(member);

			JsonNode ended = subscriber.next();
			assertThat(ended.path("type").asString()).isEqualTo("error");
			assertThat(ended.path("id").asString()).isEqualTo("1");
			assertThat(ended.path("payload").path(0).path("extensions").path("code").asString()).isEqualTo("UNAUTHENTICATED");

			subscriber.subscribe("2", LiveSubscriptionTests.SUBSCRIBE, Map.of("s", sessionId));
			assertThat(untilComplete(subscriber, "2")).contains("this account has been deactivated")
				.doesNotContain("CURRENT_STATE");
			subscriber.subscribe("3", "{ me { id } }", Map.of());
			assertThat(untilComplete(subscriber, "3")).contains("this account has been deactivated")
				.doesNotContain(member.person().id());
		}
	}

	/** The messages of one operation, up to and including its end. */
	private static String untilComplete(Subscriber subscriber, String id) throws InterruptedException {
		StringBuilder messages = new StringBuilder();
		JsonNode message;
		do {
			message = subscriber.next();
			messages.append(message).append('\n');
		}
		while (!(id.equals(message.path("id").asString())
				&& List.of("complete", "error").contains(message.path("type").asString())));
		return messages.toString();
	}

	private void deactivate(Caller person) {
		admin.execute("mutation($p: String!) { deactivatePerson(personId: $p) { status } }", "p", person.person().id()).ok();
	}

	private MvcResult openStream(Caller viewer) throws Exception {
		MvcResult stream = mvc.perform(get("/sessions/{id}/events", sessionId).with(user(viewer.person().id()))
			.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> stream.getResponse().getContentAsString().contains("event:sync"));
		return stream;
	}

}
