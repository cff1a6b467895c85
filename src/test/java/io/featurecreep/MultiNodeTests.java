package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.featurecreep.support.EventStream;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.Receiver;
import io.featurecreep.support.Subscriber;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of the application on one database and one Redis, as in a scaled-out production: a vote on one node
 * reaches a watcher on the other at once, and a session's end produces its report exactly once, whichever node
 * handles it. Runs where .ci/run (or .ci/start-redis.sh) set FC_TEST_REDIS_URL; on PostgreSQL when
 * FC_TEST_POSTGRES_URL is set too, else on an in-memory H2 database the two nodes share in this JVM.
 */
@EnabledIfEnvironmentVariable(named = "FC_TEST_REDIS_URL", matches = "redis://.+")
class MultiNodeTests {

	static TwoNodes nodes;

	static Receiver discord;

	static ConfigurableApplicationContext node1;

	static ConfigurableApplicationContext node2;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		// deliveries give up after three quick tries here, as in WithReceivers
		nodes = TwoNodes.started(System.getenv("FC_TEST_REDIS_URL"), Map.of("feature-creep.notifications.delivery.max-attempts",
				"3", "feature-creep.notifications.delivery.backoff", "PT0.2S"));
		discord = nodes.discord;
		node1 = nodes.node1;
		node2 = nodes.node2;
	}

	@AfterAll
	static void stopNodes() {
		nodes.close();
	}

	static int port(ConfigurableApplicationContext node) {
		return TwoNodes.port(node);
	}

	String token(String subject) {
		return nodes.token(subject);
	}

	@Test
	void aVoteOnOneNodeReachesAWatcherOnTheOtherAndTheReportIsSentOnce() throws Exception {
		String owner = token(UUID.randomUUID().toString());
		HttpGraphQl onNode1 = new HttpGraphQl(port(node1), owner);
		String squadId = onNode1.execute(null, "mutation { createSquad(input: {name: \"Scaled\"}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		onNode1.execute(null, "mutation($s: String!, $w: String) { setNotificationConfig(input: {squadId: $s, discordWebhook: $w}) { id } }",
				Map.of("s", squadId, "w", "https://discord.com/api/webhooks/77/node-" + squadId))
			.ok();
		GraphQlResponse session = onNode1
			.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", Map.of("s", squadId))
			.ok();
		String sessionId = session.text("createSession.id");

		try (Subscriber watcher = Subscriber.connect(port(node2), owner);
				Subscriber sameNode = Subscriber.connect(port(node1), owner)) {
			for (Subscriber each : List.of(watcher, sameNode)) {
				each.subscribe("1", "subscription($s: String!) { sessionChanged(sessionId: $s) { change questionId } }",
						Map.of("s", sessionId));
				assertThat(change(each.next())).isEqualTo("CURRENT_STATE");
			}
			onNode1.execute(null, "mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2}) { id } }",
					Map.of("s", sessionId, "q", session.text("createSession.questions.0.id")))
				.ok();
			JsonNode vote = watcher.next();
			assertThat(change(vote)).isEqualTo("VOTE_CAST");
			assertThat(change(sameNode.next())).as("the node where the vote was cast tells its own watchers").isEqualTo("VOTE_CAST");
			assertThat(sameNode.nextWithin(Duration.ofSeconds(1)))
				.as("and only once: its own message, back from Redis, is skipped").isNull();
		}

		try (EventStream screen = EventStream.open(port(node2), sessionId, owner)) {
			assertThat(screen.next()).isEqualTo("sync");
			onNode1.execute(null, "mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 1}) { id } }",
					Map.of("s", sessionId, "q", session.text("createSession.questions.1.id")))
				.ok();
			assertThat(screen.next()).as("a browser on node 2 hears of the vote on node 1").isEqualTo("votes");
		}

		onNode1.execute(null, "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", Map.of("s", sessionId)).ok();
		String reportPath = "/api/webhooks/77/node-" + squadId;
		await().atMost(Duration.ofSeconds(20))
			.until(() -> discord.to(reportPath).stream().filter(r -> r.body().contains("embeds")).count() == 1);
		Thread.sleep(2000);
		assertThat(discord.to(reportPath).stream().filter(r -> r.body().contains("embeds")).toList()).hasSize(1);

		StringRedisTemplate redis = node1.getBean(StringRedisTemplate.class);
		String prefix = node1.getEnvironment().getProperty("feature-creep.events.redis-prefix");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> redis.opsForStream().pending(prefix + "jobs", "fc-workers").getTotalPendingMessages() == 0);
		List<String> statuses = node1.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select distinct status from event_outbox where payload like ?")
			.param("%" + sessionId + "%")
			.query(String.class)
			.list();
		assertThat(statuses).containsOnly("DONE");
		assertThat(node1.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("""
					select o.status, o.attempts from event_outbox o join notification_delivery d
					  on o.payload = '{"deliveryId":"' || d.id || '"}'
					where o.handler = 'notifications.deliver' and d.session_id = ?""")
			.param(sessionId)
			.query((rs, row) -> rs.getString(1) + "/" + rs.getInt(2))
			.list()).as("the report's one work item, done on its first attempt").containsExactly("DONE/1");
	}

	/**
	 * With Redis, a report to a receiver that stays down is tried by the queue (three times here), parked once across
	 * the two nodes (DEAD, moved to the dead-letter stream, FAILED in the delivery log), and an owner's retry on the
	 * other node queues it again and sends it once.
	 */
	@Test
	void aReportParkedAcrossNodesIsFailedInTheLogAndAnOwnersRetrySendsItOnce() throws Exception {
		String owner = token(UUID.randomUUID().toString());
		HttpGraphQl onNode1 = new HttpGraphQl(port(node1), owner);
		HttpGraphQl onNode2 = new HttpGraphQl(port(node2), owner);
		String squadId = onNode1.execute(null, "mutation { createSquad(input: {name: \"Unlucky\"}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		String path = "/api/webhooks/80/down-" + squadId;
		onNode1.execute(null, "mutation($s: String!, $w: String) { setNotificationConfig(input: {squadId: $s, discordWebhook: $w}) { id } }",
				Map.of("s", squadId, "w", "https://discord.com" + path))
			.ok();
		discord.answer(path, 500);
		String sessionId = onNode1.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", Map.of("s", squadId))
			.ok()
			.text("createSession.id");
		onNode1.execute(null, "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", Map.of("s", sessionId)).ok();

		await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(report(onNode2, squadId, sessionId).path("status").asString()));
		JsonNode failed = report(onNode2, squadId, sessionId);
		// three, or more if a starved node's lease (3 s here) ran out while it was sending: every send is logged
		assertThat(failed.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
		int sends = discord.to(path).stream().filter(r -> r.body().contains("embeds")).toList().size();
		assertThat(sends).isEqualTo(failed.path("attempts").asInt());
		org.springframework.jdbc.core.simple.JdbcClient jdbc = node1.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		String work = "select status from event_outbox where handler = 'notifications.deliver' and payload = ?";
		String payload = "{\"deliveryId\":\"" + failed.path("id").asString() + "\"}";
		assertThat(jdbc.sql(work).param(payload).query(String.class).list()).containsExactly("DEAD");
		StringRedisTemplate redis = node1.getBean(StringRedisTemplate.class);
		String prefix = node1.getEnvironment().getProperty("feature-creep.events.redis-prefix");
		assertThat(redis.opsForStream().range(prefix + "jobs:dead", org.springframework.data.domain.Range.unbounded())
			.stream()
			.filter(job -> payload.equals(job.getValue().get("payload")))
			.count()).as("moved to the dead-letter stream once").isEqualTo(1);

		discord.answer(path, 200);
		onNode2.execute(null, "mutation($d: String!) { retryDelivery(deliveryId: $d) { status } }", Map.of("d", failed.path("id").asString()))
			.ok();
		await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(report(onNode1, squadId, sessionId).path("status").asString()));
		Thread.sleep(2000);
		assertThat(discord.to(path).stream().filter(r -> r.body().contains("embeds")).toList()).hasSize(sends + 1);
		assertThat(jdbc.sql(work).param(payload).query(String.class).list()).containsExactlyInAnyOrder("DEAD", "DONE");
	}

	static JsonNode report(HttpGraphQl api, String squadId, String sessionId) {
		for (JsonNode delivery : api
			.execute(null, "query($s: String!) { squad(id: $s) { deliveries { id purpose status attempts sessionId } } }",
					Map.of("s", squadId))
			.ok()
			.data("squad.deliveries")) {
			if ("REPORT".equals(delivery.path("purpose").asString()) && sessionId.equals(delivery.path("sessionId").asString())) {
				return delivery;
			}
		}
		return JSON_MISSING;
	}

	static final JsonNode JSON_MISSING = tools.jackson.databind.node.MissingNode.getInstance();

	@Test
	void aJobLeftPendingByADeadNodeIsTakenOverAndDoneOnce() throws Exception {
		String owner = token(UUID.randomUUID().toString());
		HttpGraphQl onNode2 = new HttpGraphQl(port(node2), owner);
		String squadId = onNode2.execute(null, "mutation { createSquad(input: {name: \"Orphaned\"}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		onNode2.execute(null, "mutation($s: String!, $w: String) { setNotificationConfig(input: {squadId: $s, discordWebhook: $w}) { id } }",
				Map.of("s", squadId, "w", "https://discord.com/api/webhooks/78/dead-" + squadId))
			.ok();
		String sessionId = onNode2.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", Map.of("s", squadId))
			.ok()
			.text("createSession.id");

		// a third node takes the session's end job from the stream and dies before acknowledging it
		nodes.pauseJobs();
		StringRedisTemplate redis = node1.getBean(StringRedisTemplate.class);
		String jobs = node1.getEnvironment().getProperty("feature-creep.events.redis-prefix") + "jobs";
		onNode2.execute(null, "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", Map.of("s", sessionId)).ok();
		await().atMost(Duration.ofSeconds(10)).until(() -> redis.opsForStream().size(jobs) > 0
				&& !redis.opsForStream().read(org.springframework.data.redis.connection.stream.Consumer.from("fc-workers", "dead-node"),
						org.springframework.data.redis.connection.stream.StreamOffset.create(jobs,
								org.springframework.data.redis.connection.stream.ReadOffset.lastConsumed()))
					.isEmpty());
		assertThat(redis.opsForStream().pending(jobs, "fc-workers").getTotalPendingMessages()).isPositive();
		nodes.resumeJobs();

		String reportPath = "/api/webhooks/78/dead-" + squadId;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> discord.to(reportPath).stream().filter(r -> r.body().contains("embeds")).count() == 1);
		Thread.sleep(2000);
		assertThat(discord.to(reportPath).stream().filter(r -> r.body().contains("embeds")).toList()).hasSize(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> redis.opsForStream().pending(jobs, "fc-workers").getTotalPendingMessages() == 0);
	}

	/**
	 * An async session's reminder is recorded once, held in the outbox until it is due, and then sent once to the
	 * squad's channel, whichever of the two nodes takes it.
	 */
	@Test
	void aReminderGoesOutOnceFromTwoNodes() throws Exception {
		String owner = token(UUID.randomUUID().toString());
		HttpGraphQl onNode1 = new HttpGraphQl(port(node1), owner);
		HttpGraphQl onNode2 = new HttpGraphQl(port(node2), owner);
		String squadId = onNode1.execute(null, "mutation { createSquad(input: {name: \"Reminded twice?\"}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		onNode1.execute(null, "mutation($s: String!, $w: String) { setNotificationConfig(input: {squadId: $s, discordWebhook: $w}) { id } }",
				Map.of("s", squadId, "w", "https://discord.com/api/webhooks/79/remind-" + squadId))
			.ok();
		String deadline = java.time.Instant.now().plus(Duration.ofHours(1)).plusSeconds(5).toString();
		String sessionId = onNode2
			.execute(null, "mutation($s: String!, $d: String) { createSession(input: {squadId: $s, mode: ASYNC, deadline: $d, reminderHours: 1}) { id } }",
					Map.of("s", squadId, "d", deadline))
			.ok()
			.text("createSession.id");

		String path = "/api/webhooks/79/remind-" + squadId;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> discord.to(path).stream().filter(r -> r.body().contains("not voted yet")).count() == 1);
		Thread.sleep(3000);
		assertThat(discord.to(path).stream().filter(r -> r.body().contains("not voted yet")).toList()).hasSize(1);
		org.springframework.jdbc.core.simple.JdbcClient jdbc = node1.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from session_reminder_sent where session_id = ?").param(sessionId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification_delivery where session_id = ? and purpose = 'REMINDER'")
			.param(sessionId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/**
	 * Found by the live-session benchmark: every blocking read (the broadcast's and the job consumer's, a new one
	 * each second when idle and far more often under load) opened a connection of its own and closed it again,
	 * which cost every change that crossed nodes a connection set-up. The reads now take pooled connections.
	 */
	@Test
	void blockingReadsKeepTheirConnections() throws Exception {
		StringRedisTemplate redis = node1.getBean(StringRedisTemplate.class);
		long before = connectionsReceived(redis);
		Thread.sleep(3_000); // each node's readers wait at most a second per read: three rounds at least
		assertThat(connectionsReceived(redis) - before).isLessThanOrEqualTo(2);
	}

	private static long connectionsReceived(StringRedisTemplate redis) {
		java.util.Properties stats = redis.execute(
				(org.springframework.data.redis.core.RedisCallback<java.util.Properties>) connection -> connection
					.serverCommands()
					.info("stats"));
		return Long.parseLong(stats.getProperty("total_connections_received"));
	}

	@Test
	void aQuestionAddedOnOneNodeIsFoundOnTheOther() {
		String owner = token(UUID.randomUUID().toString());
		HttpGraphQl onNode1 = new HttpGraphQl(port(node1), owner);
		HttpGraphQl onNode2 = new HttpGraphQl(port(node2), owner);
		String squadId = onNode1.execute(null, "mutation { createSquad(input: {name: \"Library\"}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		String sessionId = onNode1.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", Map.of("s", squadId))
			.ok()
			.text("createSession.id");
		String title = "Quarkonium observability " + UUID.randomUUID().toString().substring(0, 6);
		onNode1.execute(null, "mutation($s: String!, $t: String!) { addQuestion(input: {sessionId: $s, question: {question: $t}}) { id } }",
				Map.of("s", sessionId, "t", title))
			.ok();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> onNode2.execute(null, "query($q: String!) { search(search: $q) { question } }", Map.of("q", "quarkonium"))
				.ok()
				.data("search")
				.findValues("question")
				.stream()
				.anyMatch(found -> found.asString().equals(title)));
	}

	/**
	 * An anonymous session voted on through both nodes leaves nothing in Redis (streams of jobs and broadcasts, any
	 * other key) nor in the database that ties a vote or comment to its voter.
	 */
	@Test
	void anAnonymousSessionAcrossNodesLeavesNoVoterInRedisOrTheDatabase() {
		String owner = token(UUID.randomUUID().toString());
		HttpGraphQl ownerOnNode1 = new HttpGraphQl(port(node1), owner);
		String squadId = ownerOnNode1
			.execute(null, "mutation { createSquad(input: {name: \"Hidden\", anonymous: true}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		String invite = ownerOnNode1
			.execute(null, "mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", Map.of("s", squadId))
			.ok()
			.text("createInvite.token");
		GraphQlResponse session = ownerOnNode1
			.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", Map.of("s", squadId))
			.ok();
		String sessionId = session.text("createSession.id");
		List<String> voterIds = new java.util.ArrayList<>();
		List<String> comments = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			HttpGraphQl voter = new HttpGraphQl(port(i % 2 == 0 ? node1 : node2), token(UUID.randomUUID().toString()));
			voter.execute(null, "mutation($t: String!) { joinSquad(token: $t) { id } }", Map.of("t", invite)).ok();
			voterIds.add(voter.execute(null, "query { me { id } }", Map.of()).ok().text("me.id"));
			String comment = "secret " + UUID.randomUUID();
			comments.add(comment);
			voter.execute(null, "mutation($s: String!, $q: String!, $c: String) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 1, comment: $c}) { id } }",
					Map.of("s", sessionId, "q", session.text("createSession.questions.0.id"), "c", comment))
				.ok();
		}
		ownerOnNode1.execute(null, "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", Map.of("s", sessionId)).ok();
		org.springframework.jdbc.core.simple.JdbcClient jdbc = node1.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from question_result where session_id = ?")
				.param(sessionId)
				.query(Integer.class)
				.single() > 0);

		StringRedisTemplate redis = node1.getBean(StringRedisTemplate.class);
		String prefix = node1.getEnvironment().getProperty("feature-creep.events.redis-prefix");
		List<String> redisTexts = new java.util.ArrayList<>();
		for (String key : redis.keys(prefix + "*")) {
			String type = redis.type(key).code();
			switch (type) {
				case "stream" -> redis.opsForStream()
					.range(key, org.springframework.data.domain.Range.unbounded())
					.forEach(record -> redisTexts.add(key + " " + record.getValue()));
				case "string" -> redisTexts.add(key + " " + redis.opsForValue().get(key));
				case "hash" -> redisTexts.add(key + " " + redis.opsForHash().entries(key));
				case "list" -> redisTexts.add(key + " " + redis.opsForList().range(key, 0, -1));
				case "set" -> redisTexts.add(key + " " + redis.opsForSet().members(key));
				case "zset" -> redisTexts.add(key + " " + redis.opsForZSet().range(key, 0, -1));
				default -> redisTexts.add(key + " of type " + type);
			}
		}
		assertThat(redisTexts).as("the session's traffic went through Redis").isNotEmpty();
		for (String text : redisTexts) {
			assertThat(text).doesNotContain(voterIds).doesNotContain(comments);
		}
		List<io.featurecreep.support.DatabaseDump.Row> rows = io.featurecreep.support.DatabaseDump.everyRow(jdbc);
		assertThat(rows).as("the votes are in the dump")
			.anyMatch(row -> row.table().equalsIgnoreCase("vote") && comments.stream().anyMatch(row::contains));
		for (io.featurecreep.support.DatabaseDump.Row row : rows) {
			boolean hasVoter = voterIds.stream().anyMatch(row::contains);
			boolean hasComment = comments.stream().anyMatch(row::contains);
			assertThat(hasVoter && hasComment).as("a row of %s ties a voter to a comment: %s", row.table(), row.text())
				.isFalse();
			if (row.table().toLowerCase(java.util.Locale.ROOT).contains("outbox")) {
				assertThat(hasVoter).as("a row of %s names a voter: %s", row.table(), row.text()).isFalse();
			}
		}
	}

	private static String change(JsonNode message) {
		return message.path("payload").path("data").path("sessionChanged").path("change").asString();
	}

}
