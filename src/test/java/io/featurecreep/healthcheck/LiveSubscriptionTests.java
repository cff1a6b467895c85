package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Subscriber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sessionChanged subscription over the graphql-transport-ws protocol on a real server port, authenticated
 * with a personal access token on the WebSocket handshake.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class LiveSubscriptionTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String SUBSCRIBE = "subscription($s: String!) { sessionChanged(sessionId: $s) { change sessionId questionId session { active } } }";

	@Autowired
	GraphQlApi api;

	@LocalServerPort
	int port;

	@Autowired
	LiveSessionFeed feed;

	String tokenOf(Caller caller) {
		return caller.execute("mutation { createAccessToken(input: {name: \"live\"}) { secret } }")
			.ok()
			.text("createAccessToken.secret");
	}

	String newSession(Caller owner, String squadName) {
		String squadId = owner.execute("mutation($n: String!) { createSquad(input: {name: $n}) { id } }", "n", squadName)
			.ok()
			.text("createSquad.id");
		return owner.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
	}

	@Test
	void membersSeeEveryVoteAndTheEndAsTheyHappen() throws Exception {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Live\", anonymous: true}) { id } }").ok().text("createSquad.id");
		GraphQlResponse session = owner.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		String questionId = session.text("createSession.questions.0.id");

		try (Subscriber subscriber = Subscriber.connect(port, tokenOf(owner))) {
			subscriber.subscribe("1", SUBSCRIBE, Map.of("s", sessionId));
			JsonNode current = subscriber.next();
			assertThat(current.path("payload").path("data").path("sessionChanged").path("change").asString())
				.isEqualTo("CURRENT_STATE");
			assertThat(current.path("payload").path("data").path("sessionChanged").path("session").path("active").asBoolean())
				.isTrue();
			owner.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 1}) { id } }",
					"s", sessionId, "q", questionId)
				.ok();
			JsonNode vote = subscriber.next();
			assertThat(vote.path("payload").path("data").path("sessionChanged").path("change").asString()).isEqualTo("VOTE_CAST");
			assertThat(vote.path("payload").path("data").path("sessionChanged").path("questionId").asString()).isEqualTo(questionId);
			assertThat(vote.toString()).as("events carry no votes").doesNotContain("\"answer\"");

			owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
			JsonNode ended = subscriber.next();
			assertThat(ended.path("payload").path("data").path("sessionChanged").path("change").asString()).isEqualTo("SESSION_ENDED");
			assertThat(ended.path("payload").path("data").path("sessionChanged").path("session").path("active").asBoolean()).isFalse();
		}
	}

	/**
	 * A subscription never ends by itself: a node stopping with subscribers held its graceful shutdown for the
	 * whole grace period, then cut them. Now their subscriptions complete first, so clients can subscribe again
	 * (on another node) at once.
	 */
	@Test
	void aStoppingNodeCompletesItsSubscriptions() throws Exception {
		Caller owner = api.as(api.newPerson("Owner"));
		String sessionId = newSession(owner, "Stopping");
		try (Subscriber subscriber = Subscriber.connect(port, tokenOf(owner))) {
			subscriber.subscribe("1", SUBSCRIBE, Map.of("s", sessionId));
			assertThat(subscriber.next().path("payload").path("data").path("sessionChanged").path("change").asString())
				.isEqualTo("CURRENT_STATE");
			try {
				feed.stop();

				JsonNode last = subscriber.next();
				assertThat(last.path("type").asString()).isEqualTo("complete");
				assertThat(last.path("id").asString()).isEqualTo("1");
			}
			finally {
				feed.start();
			}
		}
	}

	@Test
	void outsidersCannotWatchASession() throws Exception {
		Caller owner = api.as(api.newPerson("Owner"));
		Caller outsider = api.as(api.newPerson("Outsider"));
		String sessionId = newSession(owner, "Private");
		try (Subscriber subscriber = Subscriber.connect(port, tokenOf(outsider))) {
			subscriber.subscribe("1", SUBSCRIBE, Map.of("s", sessionId));
			JsonNode refused = subscriber.next();
			assertThat(refused.path("type").asString()).isEqualTo("error");
			assertThat(refused.path("payload").path(0).path("message").asString()).isEqualTo("Session not found");
		}
	}

}
