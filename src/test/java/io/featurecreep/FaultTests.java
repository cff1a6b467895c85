package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.featurecreep.healthcheck.SessionStarted;
import io.featurecreep.support.EventStream;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.RedisServer;
import io.featurecreep.support.Subscriber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes survive the faults of their servers with no lost and no duplicated work and without a restart: Redis
 * restarted without its data in the middle of a session, Redis away for half a minute, PostgreSQL restarted. The
 * nodes use a Redis server of this test's own, which it stops and starts; PostgreSQL is the suite's
 * (FC_TEST_POSTGRES_DIR), restarted in place. See docs/faults.md for what each fault does to users and operators.
 */
@EnabledIfEnvironmentVariable(named = "FC_TEST_REDIS_URL", matches = "redis://.+")
class FaultTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String VOTE = "mutation($s: String!, $q: String!, $a: Int!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a}) { id } }";

	static RedisServer redis;

	static TwoNodes nodes;

	@BeforeAll
	static void start() throws Exception {
		redis = RedisServer.started();
		nodes = TwoNodes.started(redis.url(), Map.of());
	}

	@AfterAll
	static void stop() throws Exception {
		nodes.close();
		redis.close();
	}

	/** A named squad of two on the two nodes, with a Discord channel, and a live session of its. */
	record Scene(String squadId, String sessionId, List<String> questions, HttpGraphQl ownerOn1, HttpGraphQl ownerOn2,
			HttpGraphQl memberOn2, String ownerToken, String reportPath) {

		void vote(HttpGraphQl voter, int question, int colour) {
			voter.execute(null, VOTE, Map.of("s", sessionId, "q", questions.get(question), "a", colour)).ok();
		}

		void end() {
			ownerOn1.execute(null, "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", Map.of("s", sessionId))
				.ok();
		}

	}

	Scene scene(String name) {
		String ownerToken = nodes.token(UUID.randomUUID().toString());
		HttpGraphQl ownerOn1 = new HttpGraphQl(TwoNodes.port(nodes.node1), ownerToken);
		String squadId = ownerOn1.execute(null, "mutation($n: String!) { createSquad(input: {name: $n}) { id } }", Map.of("n", name))
			.ok()
			.text("createSquad.id");
		String reportPath = "/api/webhooks/91/" + squadId;
		ownerOn1.execute(null, "mutation($s: String!, $w: String) { setNotificationConfig(input: {squadId: $s, discordWebhook: $w}) { id } }",
				Map.of("s", squadId, "w", "https://discord.com" + reportPath))
			.ok();
		String invite = ownerOn1.execute(null, "mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", Map.of("s", squadId))
			.ok()
			.text("createInvite.token");
		HttpGraphQl memberOn2 = new HttpGraphQl(TwoNodes.port(nodes.node2), nodes.token(UUID.randomUUID().toString()));
		memberOn2.execute(null, "mutation($t: String!) { joinSquad(token: $t) { id } }", Map.of("t", invite)).ok();
		GraphQlResponse session = ownerOn1
			.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", Map.of("s", squadId))
			.ok();
		List<String> questions = new ArrayList<>();
		session.data("createSession.questions").forEach(q -> questions.add(q.path("id").asString()));
		return new Scene(squadId, session.text("createSession.id"), questions, ownerOn1,
				new HttpGraphQl(TwoNodes.port(nodes.node2), ownerToken), memberOn2, ownerToken, reportPath);
	}

	@Test
	void redisRestartedWithoutItsDataInTheMiddleOfASessionLosesNoWorkAndDoesNoneTwice() throws Exception {
		Scene scene = scene("Restarted");
		scene.vote(scene.ownerOn1(), 0, 2);
		scene.vote(scene.memberOn2(), 0, 1);

		// the session's end is relayed to the jobs stream, but no node takes it before Redis loses it
		nodes.pauseJobs();
		scene.end();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> statuses(scene.sessionId()).equals(List.of("RELAYED")));
		try (EventStream screenOn2 = EventStream.open(TwoNodes.port(nodes.node2), scene.sessionId(), scene.ownerToken())) {
			assertThat(screenOn2.next()).isEqualTo("sync");
			redis.restartEmpty();
			Instant back = Instant.now();
			nodes.resumeJobs();
			// the screen on node 2 may have missed changes meanwhile: it is told to catch up
			assertThat(screenOn2.next()).isEqualTo("sync");
			report("Redis restarted empty: a screen on node 2 told to catch up", back);
			await().atMost(Duration.ofSeconds(30)).until(() -> resultsRecorded(scene.sessionId()));
			report("Redis restarted empty: the lost job relayed again and the results recorded", back);
			await().atMost(Duration.ofSeconds(30)).until(() -> reports(scene) == 1);
			report("Redis restarted empty: the report sent", back);
		}

		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reports(scene) == 1);
		assertThat(statuses(scene.sessionId())).containsExactly("DONE");
		assertThat(jdbc().sql("select votes from question_result where question_id = ?")
			.param(scene.questions().get(0))
			.query(Integer.class)
			.single()).as("both votes counted").isEqualTo(2);
		StringRedisTemplate template = nodes.node1.getBean(StringRedisTemplate.class);
		assertThat(template.opsForStream().groups(jobsStream()).stream().map(group -> group.groupName()))
			.as("the consumer group is made again")
			.contains("fc-workers");

		// live changes cross the nodes again
		Scene next = scene("Restarted again");
		try (Subscriber watcherOn2 = Subscriber.connect(TwoNodes.port(nodes.node2), next.ownerToken())) {
			watcherOn2.subscribe("1", "subscription($s: String!) { sessionChanged(sessionId: $s) { change } }",
					Map.of("s", next.sessionId()));
			assertThat(change(watcherOn2.next())).isEqualTo("CURRENT_STATE");
			next.vote(next.ownerOn1(), 0, 2);
			assertThat(change(watcherOn2.next())).isEqualTo("VOTE_CAST");
		}
	}

	@Test
	void redisAwayForHalfAMinuteStopsNeitherVotesNorPagesAndTheWorkIsDoneOnceAfter() throws Exception {
		Scene scene = scene("Away");
		scene.vote(scene.ownerOn1(), 0, 2);
		Instant away = Instant.now();
		redis.stop();
		try {
			for (ConfigurableApplicationContext node : List.of(nodes.node1, nodes.node2)) {
				JsonNode health = health(node);
				assertThat(health.path("status").asString()).as("%s", health).isEqualTo("DEGRADED");
				assertThat(health.path("components").path("redisTransport").path("status").asString()).isEqualTo("DEGRADED");
			}
			scene.vote(scene.memberOn2(), 0, 0);
			scene.vote(scene.ownerOn2(), 1, 1);
			assertThat(scene.memberOn2()
				.execute(null, "query($s: String!) { session(id: $s) { questions { voteCount } } }", Map.of("s", scene.sessionId()))
				.ok()
				.data("session.questions.0.voteCount")
				.asInt()).isEqualTo(2);
			scene.end();
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
				.until(() -> statuses(scene.sessionId()).equals(List.of("PENDING")));
			await().atMost(Duration.ofSeconds(40)).until(() -> Duration.between(away, Instant.now()).getSeconds() >= 30);
			assertThat(resultsRecorded(scene.sessionId())).as("background work waits for Redis").isFalse();
		}
		finally {
			redis.start();
		}
		Instant back = Instant.now();
		await().atMost(Duration.ofSeconds(30)).until(() -> resultsRecorded(scene.sessionId()));
		report("Redis back after 30 s away: the results recorded", back);
		await().atMost(Duration.ofSeconds(30)).until(() -> reports(scene) == 1);
		report("Redis back after 30 s away: the report sent", back);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reports(scene) == 1);
		assertThat(statuses(scene.sessionId())).containsExactly("DONE");
		await().atMost(Duration.ofSeconds(10)).until(() -> health(nodes.node2).path("status").asString().equals("UP"));
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "FC_TEST_POSTGRES_DIR", matches = ".+")
	void postgresRestartedTheNodesAnswerAgainWithinSecondsAndNothingIsLost() throws Exception {
		Scene scene = scene("Database");
		scene.vote(scene.ownerOn1(), 0, 2);
		restartPostgres();
		Instant back = Instant.now();
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			scene.vote(scene.memberOn2(), 0, 1);
			scene.vote(scene.ownerOn2(), 1, 0);
		});
		report("PostgreSQL restarted: votes taken again", back);
		// a request may still meet a pooled connection that the restart broke (Hikari checks only those idle for
		// more than half a second): it fails, and the client tries again, as it would the votes
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			if (!sessionEnded(scene.sessionId())) {
				scene.end();
			}
		});
		Instant ended = Instant.now();
		awaitOrExplain(scene, () -> resultsRecorded(scene.sessionId()));
		report("PostgreSQL restarted: results of a session ended after it recorded", ended);
		awaitOrExplain(scene, () -> reports(scene) == 1);
		report("PostgreSQL restarted: its report sent", ended);
		assertThat(jdbc().sql("select votes from question_result where question_id = ?")
			.param(scene.questions().get(0))
			.query(Integer.class)
			.single()).as("the vote before the restart and the one after").isEqualTo(2);
	}

	// -----

	/** Waits up to 30 s; when the wait times out, says where the session's work stands, in the database and Redis. */
	static void awaitOrExplain(Scene scene, java.util.concurrent.Callable<Boolean> done) {
		try {
			await().atMost(Duration.ofSeconds(30)).until(done);
		}
		catch (org.awaitility.core.ConditionTimeoutException timedOut) {
			StringRedisTemplate template = nodes.node1.getBean(StringRedisTemplate.class);
			String outbox = jdbc().sql("""
					select handler, status, attempts, locked_until, next_attempt_at, stream_id, last_error
					from event_outbox where payload like ?""")
				.param("%" + scene.sessionId() + "%")
				.query()
				.listOfRows()
				.toString();
			String pending;
			try {
				pending = String.valueOf(template.opsForStream()
					.pending(jobsStream(), "fc-workers", org.springframework.data.domain.Range.unbounded(), 50));
			}
			catch (RuntimeException ex) {
				pending = ex.toString();
			}
			throw new AssertionError("work not done within 30 s at " + Instant.now() + "; outbox: " + outbox
					+ "; pending jobs: " + pending, timedOut);
		}
	}

	static void restartPostgres() throws Exception {
		Path data = Path.of(System.getenv("FC_TEST_POSTGRES_DIR"), "data");
		Path pgCtl = Files.list(Path.of("/usr/lib/postgresql"))
			.map(version -> version.resolve("bin/pg_ctl"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow();
		Path log = data.resolveSibling("server.log");
		// the server's own output goes to its log file: a pipe to this JVM would keep the call waiting for ever
		List<String> command = new ArrayList<>(List.of(pgCtl.toString(), "-D", data.toString(), "-l", log.toString(),
				"-m", "fast", "-w", "restart"));
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(0, List.of("runuser", "-u", "postgres", "--"));
		}
		Process restart = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(restart.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("pg_ctl restart ends").isTrue();
		assertThat(restart.exitValue()).as("pg_ctl restart (see %s)", log).isZero();
	}

	/** Recovery times, for docs/faults.md (measured, not asserted: CI machines vary). */
	static void report(String what, Instant since) {
		System.out.printf("FAULT RECOVERY %s: %d ms%n", what, Duration.between(since, Instant.now()).toMillis());
	}

	static JdbcClient jdbc() {
		return nodes.node1.getBean(JdbcClient.class);
	}

	static String jobsStream() {
		return nodes.node1.getEnvironment().getProperty("feature-creep.events.redis-prefix") + "jobs";
	}

	/** The distinct statuses of the background work of a session's end (results, then its report). */
	/** The states of the work the session's end made (its start made work of its own, vote invitations, done long before). */
	static List<String> statuses(String sessionId) {
		return jdbc().sql("select distinct status from event_outbox where payload like ? and event_type <> ? order by status")
			.param("%" + sessionId + "%")
			.param(SessionStarted.class.getName())
			.query(String.class)
			.list();
	}

	static boolean sessionEnded(String sessionId) {
		return jdbc().sql("select count(*) from health_session where id = ? and ended_at is not null")
			.param(sessionId)
			.query(Integer.class)
			.single() > 0;
	}

	static boolean resultsRecorded(String sessionId) {
		return jdbc().sql("select count(*) from question_result where session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single() > 0;
	}

	static long reports(Scene scene) {
		return nodes.discord.to(scene.reportPath()).stream().filter(r -> r.body().contains("embeds")).count();
	}

	static JsonNode health(ConfigurableApplicationContext node) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TwoNodes.port(node) + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("health answers 200 while degraded: %s", response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	static String change(JsonNode message) {
		return message.path("payload").path("data").path("sessionChanged").path("change").asString();
	}

}
