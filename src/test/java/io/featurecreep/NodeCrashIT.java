package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.MockIssuers;
import io.featurecreep.support.PackagedJar;
import io.featurecreep.support.Receiver;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A node is killed (SIGKILL) in the middle of sending a session's report; another node finishes the work and the
 * report arrives exactly once. The nodes are real processes of the packaged application on PostgreSQL and Redis.
 */
@EnabledIfEnvironmentVariable(named = "FC_TEST_REDIS_URL", matches = "redis://.+")
@EnabledIfEnvironmentVariable(named = "FC_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class NodeCrashIT {

	final List<Process> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		nodes.forEach(Process::destroyForcibly);
	}

	@Test
	void theReportOfANodeKilledWhileSendingIsSentOnceByAnother() throws Exception {
		MockOAuth2Server issuer = MockIssuers.started(new MockOAuth2Server(), "crash");
		try (Receiver discord = new Receiver()) {
			String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			sql("create schema " + schema);
			String prefix = "crash-" + UUID.randomUUID() + ":";
			List<String> common = List.of("--spring.datasource.url=" + System.getenv("FC_TEST_POSTGRES_URL") + "?currentSchema=" + schema,
					"--spring.datasource.username=" + System.getenv("FC_TEST_POSTGRES_USER"),
					"--spring.datasource.password=" + System.getenv("FC_TEST_POSTGRES_PASSWORD"),
					"--spring.flyway.schemas=" + schema, "--spring.data.redis.url=" + System.getenv("FC_TEST_REDIS_URL"),
					"--feature-creep.events.redis-prefix=" + prefix,
					"--feature-creep.anonymity.key=dGVzdC1rZXktdGhhdC1pcy1hdC1sZWFzdC0zMi1ieXRlcy1sb25n",
					"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUrl("crash"),
					"--feature-creep.outbound.stand-ins[discord.com]=" + discord.baseUrl(),
					"--feature-creep.events.lease=PT5S", "--feature-creep.events.poll-interval=PT0.5S");
			int port1 = freePort();
			Process node1 = start(common, port1, "--feature-creep.notifications.delivery.drill-pause-before-send=PT60S");
			awaitUp(port1);

			String token = issuer.issueToken("crash", UUID.randomUUID().toString(), "feature-creep", Map.of()).serialize();
			HttpGraphQl api = new HttpGraphQl(port1, token);
			String squadId = api.execute(null, "mutation { createSquad(input: {name: \"Crash\"}) { id } }", Map.of())
				.ok()
				.text("createSquad.id");
			api.execute(null, "mutation($s: String!, $w: String) { setNotificationConfig(input: {squadId: $s, discordWebhook: $w}) { id } }",
					Map.of("s", squadId, "w", "https://discord.com/api/webhooks/99/crash"))
				.ok();
			String sessionId = api.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", Map.of("s", squadId))
				.ok()
				.text("createSession.id");
			api.execute(null, "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", Map.of("s", sessionId)).ok();

			// node 1 has claimed the report's work item and is pausing before sending it: kill it there
			await().atMost(Duration.ofSeconds(60))
				.until(() -> count(schema, "select count(*) from event_outbox where handler = 'notifications.deliver' and locked_until is not null") == 1);
			node1.destroyForcibly().waitFor();
			assertThat(discord.to("/api/webhooks/99/crash").stream().filter(r -> r.body().contains("embeds")).toList()).isEmpty();

			int port2 = freePort();
			start(common, port2);
			await().atMost(Duration.ofSeconds(90))
				.until(() -> discord.to("/api/webhooks/99/crash").stream().filter(r -> r.body().contains("embeds")).count() == 1);
			Thread.sleep(3000);
			assertThat(discord.to("/api/webhooks/99/crash").stream().filter(r -> r.body().contains("embeds")).toList()).hasSize(1);
			assertThat(count(schema, "select count(*) from notification_delivery where purpose = 'REPORT' and status = 'DELIVERED'"))
				.isEqualTo(1);
			sql("drop schema " + schema + " cascade");
		}
		finally {
			issuer.shutdown();
		}
	}

	private Process start(List<String> common, int port, String... extra) throws Exception {
		Path jar = PackagedJar.find();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", jar.toString(), "--server.port=" + port));
		command.addAll(common);
		command.addAll(List.of(extra));
		File log = new File("target/node-" + port + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		nodes.add(process);
		return process;
	}

	private static void awaitUp(int port) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		});
	}

	private static int freePort() throws Exception {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sql(String statement) throws Exception {
		try (Connection connection = connect(); Statement st = connection.createStatement()) {
			st.execute(statement);
		}
	}

	private static int count(String schema, String query) throws Exception {
		try (Connection connection = connect(); Statement st = connection.createStatement()) {
			st.execute("set search_path to " + schema);
			try (ResultSet rs = st.executeQuery(query)) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static Connection connect() throws Exception {
		return DriverManager.getConnection(System.getenv("FC_TEST_POSTGRES_URL"), System.getenv("FC_TEST_POSTGRES_USER"),
				System.getenv("FC_TEST_POSTGRES_PASSWORD"));
	}

}
