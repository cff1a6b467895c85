package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V71 and V72 (ADR 8) on a database with data of the older version, on H2 and on PostgreSQL: a delivery still
 * waiting becomes a work item of the one queue, due when it was; the rest of the delivery log stays readable; the
 * older version's unfinished planning work stays runnable. No application context: Flyway on a fresh database.
 */
class OneWorkQueueMigrationTests {

	static final String ORGANISATION = "00000000-0000-0000-0000-000000000001";

	@Test
	void onH2() {
		// one connection, as the application's pool keeps them: H2 refused the check constraints of tables made on
		// another connection of the in-memory database ("Check constraint invalid")
		SingleConnectionDataSource h2 = new SingleConnectionDataSource(
				"jdbc:h2:mem:wq-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
		try {
			upgradeWithData(h2, null);
		}
		finally {
			h2.destroy();
		}
	}

	@Test
	@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL, matches = "jdbc:postgresql:.+")
	void onPostgres() {
		String schema = "wq_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		DriverManagerDataSource admin = new DriverManagerDataSource(System.getenv(TestDatabase.POSTGRES_URL),
				System.getenv(TestDatabase.POSTGRES_USER), System.getenv(TestDatabase.POSTGRES_PASSWORD));
		JdbcClient.create(admin).sql("create schema " + schema).update();
		try {
			String url = System.getenv(TestDatabase.POSTGRES_URL);
			upgradeWithData(new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					System.getenv(TestDatabase.POSTGRES_USER), System.getenv(TestDatabase.POSTGRES_PASSWORD)), schema);
		}
		finally {
			JdbcClient.create(admin).sql("drop schema " + schema + " cascade").update();
		}
	}

	void upgradeWithData(DataSource dataSource, String schema) {
		var configuration = Flyway.configure().dataSource(dataSource);
		if (schema != null) {
			configuration.schemas(schema);
		}
		configuration.target("70").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		OffsetDateTime then = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);
		String person = id();
		String squad = id();
		String channel = id();
		jdbc.sql("insert into person (id, organisation_id, status, created_at) values (?, ?, 'ACTIVE', ?)")
			.params(person, ORGANISATION, then)
			.update();
		jdbc.sql("insert into squad (id, organisation_id, name, anonymous, created_at) values (?, ?, ?, ?, ?)")
			.params(squad, ORGANISATION, "Upgraded", false, then)
			.update();
		jdbc.sql("""
				insert into notification_channel (id, squad_id, kind, target, created_by, created_at)
				values (?, ?, 'WEBHOOK', 'https://receiver.example/x', ?, ?)""").params(channel, squad, person, then).update();
		String waiting = id();
		String delivered = id();
		String delivery = """
				insert into notification_delivery (id, squad_id, channel_id, session_id, purpose, status, attempts,
				  next_attempt_at, locked_until, last_error, created_at, delivered_at)
				values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?)""";
		jdbc.sql(delivery).params(waiting, squad, channel, "REPORT", "PENDING", 2, then.plusMinutes(1), null,
				"The receiver answered HTTP 503", then, null).update();
		jdbc.sql(delivery).params(delivered, squad, channel, "TEST", "DELIVERED", 1, then, null, null, then, then).update();
		jdbc.sql("""
				insert into event_outbox (id, event_type, payload, handler, status, attempts, next_attempt_at, created_at)
				values (?, 'io.featurecreep.healthcheck.ResultsRecorded', '{"sessionId":"s","squadId":"q"}',
				  'notifications.plan-reports', 'PENDING', 0, ?, ?)""").params(id(), then, then).update();

		configuration.target("latest").load().migrate();

		List<Map<String, Object>> work = jdbc.sql("""
				select event_type, payload, status, attempts, next_attempt_at from event_outbox
				where handler = 'notifications.deliver'""").query().listOfRows();
		assertThat(work).hasSize(1);
		assertThat(work.getFirst().get("event_type")).isEqualTo("io.featurecreep.notifications.DeliveryDue");
		assertThat(work.getFirst().get("payload")).isEqualTo("{\"deliveryId\":\"" + waiting + "\"}");
		assertThat(work.getFirst().get("status")).isEqualTo("PENDING");
		assertThat(jdbc.sql("select next_attempt_at from event_outbox where handler = 'notifications.deliver'")
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).as("due when it was").isEqualTo(then.plusMinutes(1).toInstant());
		assertThat(jdbc.sql("select status, attempts, last_error from notification_delivery where id = ?")
			.param(waiting)
			.query()
			.singleRow()).containsValues("PENDING", 2, "The receiver answered HTTP 503");
		assertThat(jdbc.sql("select status from notification_delivery where id = ?").param(delivered).query(String.class).single())
			.isEqualTo("DELIVERED");
		assertThat(jdbc.sql("select event_type from event_outbox where handler = 'notifications.plan-reports'")
			.query(String.class)
			.single()).isEqualTo("io.featurecreep.notifications.PlanReports$Earlier");
	}

	static String id() {
		return UUID.randomUUID().toString();
	}

}
