package io.featurecreep.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

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

import io.featurecreep.support.EventStream;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Scrape;
import io.featurecreep.support.Subscriber;

/**
 * Each of the application's own metrics moves when what it counts happens, as a scraper sees it. The context is
 * shared with other tests, so each test compares with a scrape taken just before. Deliveries are counted in
 * notifications.DeliveryMetricsTests, where local receivers stand in for the channels.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class ApplicationMetricsTests {

	static final String ANSWER = "mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2, comment: \"fine\"}) { id } }";

	@LocalServerPort
	int port;

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sessionsAndVotesAreCountedByMode() {
		Caller owner = api.as(api.newPerson("Owner"));
		Scrape before = Scrape.of(port);

		GraphQlResponse live = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squad(owner))
			.ok();
		String liveId = live.text("createSession.id");
		owner.execute(ANSWER, "s", liveId, "q", live.text("createSession.questions.0.id")).ok();
		owner.execute(ANSWER, "s", liveId, "q", live.text("createSession.questions.0.id")).ok();
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", liveId).ok();
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", liveId).ok();
		String asyncId = owner.execute("mutation($s: String!, $d: String) { createSession(input: {squadId: $s, mode: ASYNC, deadline: $d}) { id } }",
				"s", squad(owner), "d", Instant.now().plus(1, ChronoUnit.DAYS).toString())
			.ok()
			.text("createSession.id");
		owner.execute("mutation($s: String!) { discardSession(sessionId: $s) { sessionId } }", "s", asyncId).ok();

		Scrape after = Scrape.of(port);
		assertThat(increase(before, after, "feature_creep_sessions_started_total", "mode", "live")).isEqualTo(1);
		assertThat(increase(before, after, "feature_creep_sessions_started_total", "mode", "async")).isEqualTo(1);
		assertThat(increase(before, after, "feature_creep_votes_cast_total", "mode", "live")).as("a changed vote counts again")
			.isEqualTo(2);
		assertThat(increase(before, after, "feature_creep_sessions_ended_total", "mode", "live")).as("ending twice ends once")
			.isEqualTo(1);
		assertThat(increase(before, after, "feature_creep_sessions_ended_total", "mode", "async"))
			.as("a running session discarded ends too")
			.isEqualTo(1);
		assertThat(after.text()).as("no person, squad or session in any tag")
			.doesNotContain(owner.person().id(), liveId, asyncId, "Metrics squad");
	}

	@Test
	void liveScreensAndSubscriptionsAreCountedWhileTheyAreOpen() throws Exception {
		Caller admin = admin();
		Caller viewer = api.as(api.newPerson("Viewer"));
		String sessionId = viewer.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squad(viewer))
			.ok()
			.text("createSession.id");
		String token = viewer.execute("mutation { createAccessToken(input: {name: \"metrics\"}) { secret } }")
			.ok()
			.text("createAccessToken.secret");
		double screens = Scrape.of(port).value("feature_creep_live_screens");
		double subscriptions = Scrape.of(port).value("feature_creep_live_subscriptions");

		try (EventStream stream = EventStream.open(port, sessionId, token)) {
			assertThat(stream.next()).isEqualTo("sync");
			assertThat(Scrape.of(port).value("feature_creep_live_screens")).isEqualTo(screens + 1);

			try (Subscriber subscriber = connect(token)) {
				subscriber.subscribe("1", "subscription($s: String!) { sessionChanged(sessionId: $s) { change } }",
						Map.of("s", sessionId));
				subscriber.next();
				assertThat(Scrape.of(port).value("feature_creep_live_subscriptions")).isEqualTo(subscriptions + 1);
			}
			await().atMost(Duration.ofSeconds(5))
				.until(() -> Scrape.of(port).value("feature_creep_live_subscriptions") == subscriptions);

			// deactivation ends the person's streams at once (one a browser just left ends at its next keep-alive)
			admin.execute("mutation($p: String!) { deactivatePerson(personId: $p) { status } }", "p", viewer.person().id())
				.ok();
			await().atMost(Duration.ofSeconds(5)).until(() -> Scrape.of(port).value("feature_creep_live_screens") == screens);
		}
	}

	@Test
	void librarySearchesAreTimed() {
		Caller searcher = api.as(api.newPerson("Searcher"));
		Scrape before = Scrape.of(port);

		searcher.execute("{ libraryQuestions(search: \"fun\") { hasMore } }").ok();
		searcher.execute("{ libraryQuestions { hasMore } }").ok();

		Scrape after = Scrape.of(port);
		assertThat(increase(before, after, "feature_creep_library_search_seconds_count")).isEqualTo(2);
		assertThat(increase(before, after, "feature_creep_library_search_seconds_bucket", "le", "+Inf")).isEqualTo(2);
		assertThat(after.names()).as("buckets for percentiles").contains("feature_creep_library_search_seconds_bucket");
	}

	@Test
	void failedSignInsAreCountedByHowAndRefusalsByLimit() throws Exception {
		String email = "metrics-" + UUID.randomUUID() + "@example.org";
		Scrape before = Scrape.of(port);

		for (int attempt = 1; attempt <= 6; attempt++) {
			mvc.perform(post("/signin").with(csrf()).param("email", email).param("password", "not the password"));
		}
		mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer fcp_not-a-token")
			.content("{\"query\":\"{ me { id } }\"}"));
		mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"{ me { id } }\"}"));

		Scrape after = Scrape.of(port);
		assertThat(increase(before, after, "feature_creep_sign_in_failures_total", "method", "password")).isEqualTo(5);
		assertThat(increase(before, after, "feature_creep_throttled_attempts_total", "limit", "sign_in_per_account"))
			.isEqualTo(1);
		assertThat(increase(before, after, "feature_creep_sign_in_failures_total", "method", "token"))
			.as("a refused token counts, a request without one does not")
			.isEqualTo(1);
		assertThat(after.text()).doesNotContain(email);
	}

	@Test
	void theOutboxBacklogShowsWaitingAndDeadJobsAndTheAgeOfTheOldest() {
		String waiting = UUID.randomUUID().toString();
		String dead = UUID.randomUUID().toString();
		Scrape before = Scrape.of(port);
		Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
		// a job not due for a day (no worker takes it) recorded an hour ago, and one given up on
		insertJob(waiting, "PENDING", hourAgo, Instant.now().plus(1, ChronoUnit.DAYS));
		insertJob(dead, "DEAD", hourAgo, hourAgo);
		try {
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				Scrape after = Scrape.of(port);
				assertThat(after.value("feature_creep_outbox_jobs", "status", "pending"))
					.isEqualTo(before.value("feature_creep_outbox_jobs", "status", "pending") + 1);
				assertThat(after.value("feature_creep_outbox_jobs", "status", "dead"))
					.isEqualTo(before.value("feature_creep_outbox_jobs", "status", "dead") + 1);
				assertThat(after.value("feature_creep_outbox_oldest_job_age_seconds")).isBetween(3590.0, 3700.0);
			});
		}
		finally {
			jdbc.sql("delete from event_outbox where id in (?, ?)").params(waiting, dead).update();
		}
	}

	private void insertJob(String id, String status, Instant createdAt, Instant due) {
		jdbc.sql("""
				insert into event_outbox (id, event_type, payload, handler, status, attempts, next_attempt_at, created_at)
				values (?, 'metrics.Test', '{}', 'metricsTest', ?, 0, ?, ?)""")
			.params(id, status, due.atOffset(java.time.ZoneOffset.UTC), createdAt.atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	/**
	 * A subscriber's connection. The first WebSocket connection of a test JVM on a busy machine may wait more than
	 * the 5 s that Subscriber allows for its acknowledgement (LiveSubscriptionTests shows the same on main): three
	 * tries.
	 */
	private Subscriber connect(String token) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return Subscriber.connect(port, token);
			}
			catch (AssertionError slow) {
				if (attempt == 3) {
					throw slow;
				}
			}
		}
	}

	private String squad(Caller owner) {
		return owner.execute("mutation { createSquad(input: {name: \"Metrics squad\"}) { id } }").ok().text("createSquad.id");
	}

	private Caller admin() {
		Caller admin = api.as(api.newPerson("Admin"));
		// (the first person of a context becomes its admin by themselves)
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) select ?, ? where not exists "
				+ "(select 1 from organisation_admin where person_id = ?)")
			.params("00000000-0000-0000-0000-000000000001", admin.person().id(), admin.person().id())
			.update();
		return admin;
	}

	private static double increase(Scrape before, Scrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
