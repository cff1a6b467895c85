package io.featurecreep.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlResponse;

/**
 * The outbox with the database transport: work is recorded with the change, runs after the commit, is retried
 * with backoff, parked as dead after too many failures, never recorded for a rolled-back change, and taken over
 * when the node that claimed it stopped.
 */
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
@SpringBootTest(properties = { "feature-creep.events.max-attempts=3", "feature-creep.events.max-backoff=PT0.2S",
		"feature-creep.events.poll-interval=PT0.1S" })
class OutboxTests {

	record Ping(String id, boolean failAlways, int failFirst) {
	}

	static final class Recorder implements DurableHandler<Ping> {

		final List<String> handled = new CopyOnWriteArrayList<>();

		final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

		@Override
		public String name() {
			return "test.recorder";
		}

		@Override
		public Class<Ping> eventType() {
			return Ping.class;
		}

		@Override
		public void handle(Ping ping) {
			int attempt = tries.computeIfAbsent(ping.id(), id -> new AtomicInteger()).incrementAndGet();
			if (ping.failAlways() || attempt <= ping.failFirst()) {
				throw new IllegalStateException("receiver down (attempt " + attempt + ")");
			}
			handled.add(ping.id());
		}

	}

	@TestConfiguration
	static class Handlers {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	@Autowired
	Recorder recorder;

	@Autowired
	GraphQlApi api;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	String publish(boolean failAlways, int failFirst) {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(tx -> events.publishEvent(new Ping(id, failAlways, failFirst)));
		return id;
	}

	String status(String pingId) {
		return jdbc.sql("select status from event_outbox where payload like ?").param("%" + pingId + "%").query(String.class).single();
	}

	@Test
	void workRunsOnceAfterTheCommit() {
		String id = publish(false, 0);
		await().atMost(Duration.ofSeconds(5)).until(() -> recorder.handled.contains(id));
		await().atMost(Duration.ofSeconds(5)).until(() -> "DONE".equals(status(id)));
		assertThat(recorder.handled).containsOnlyOnce(id);
	}

	@Test
	void failedWorkIsRetriedUntilItSucceeds() {
		String id = publish(false, 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.handled.contains(id));
		assertThat(recorder.tries.get(id)).hasValue(3);
	}

	@Test
	void workThatKeepsFailingIsParkedAsDeadWithItsError() {
		String id = publish(true, 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> "DEAD".equals(status(id)));
		assertThat(recorder.tries.get(id)).hasValue(3);
		String error = jdbc.sql("select last_error from event_outbox where payload like ?").param("%" + id + "%")
			.query(String.class)
			.single();
		assertThat(error).contains("receiver down (attempt 3)");
	}

	@Test
	void theOrganisationAdminSeesDeadWorkAndOthersDoNot() {
		GraphQlApi.Caller admin = api.as(api.newPerson("Admin"));
		GraphQlApi.Caller someone = api.as(api.newPerson("Someone"));
		String id = publish(true, 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> "DEAD".equals(status(id)));
		GraphQlResponse seen = admin.execute("{ outbox { dead deadWork { handler attempts lastError } } }").ok();
		assertThat(seen.data("outbox.dead").asInt()).isPositive();
		assertThat(seen.text("outbox.deadWork.0.handler")).isEqualTo("test.recorder");
		someone.execute("{ outbox { dead } }").failsWith("Only organisation admins can see background work", "FORBIDDEN");
	}

	@Test
	void aRolledBackChangeLeavesNoWork() {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(tx -> {
			events.publishEvent(new Ping(id, false, 0));
			tx.setRollbackOnly();
		});
		assertThat(jdbc.sql("select count(*) from event_outbox where payload like ?").param("%" + id + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void workClaimedByANodeThatDiedIsTakenOverWhenItsLeaseRunsOut() {
		String id = UUID.randomUUID().toString();
		Instant longAgo = Instant.now().minusSeconds(120);
		// as a node leaves it when it dies between claiming and finishing: claimed, lease long expired
		jdbc.sql("""
				insert into event_outbox (id, event_type, payload, handler, status, attempts, next_attempt_at, locked_until, created_at)
				values (?, ?, ?, 'test.recorder', 'PENDING', 1, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), Ping.class.getName(),
					"{\"id\":\"" + id + "\",\"failAlways\":false,\"failFirst\":0}", utc(longAgo), utc(longAgo.plusSeconds(60)),
					utc(longAgo))
			.update();
		await().atMost(Duration.ofSeconds(5)).until(() -> recorder.handled.contains(id));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
