package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.MockIssuers;
import io.featurecreep.support.PackagedJar;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar started the way deploy/ starts it, with Spring AOT ({@code -Dspring.aot.enabled=true}): the bean
 * definitions were fixed when the jar was built, with none of the optional features configured, and every one of them
 * is configured here only at start. Each must work, as without AOT; and a setting that AOT did fix at build time stops
 * the start with a message instead of being ignored.
 */
class AotStartIT {

	static final String KEY = "dGVzdC1rZXktdGhhdC1pcy1hdC1sZWFzdC0zMi1ieXRlcy1sb25n";

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	final List<Process> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		nodes.forEach(Process::destroy);
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "FC_TEST_REDIS_URL", matches = "redis://.+")
	@EnabledIfEnvironmentVariable(named = "FC_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
	void redisPostgresJwtOidcAndMailConfiguredOnlyAtStartAllWork() throws Exception {
		MockOAuth2Server issuer = MockIssuers.started(new MockOAuth2Server(), "aot");
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		try {
			String schema = "aot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			sql("create schema " + schema);
			String prefix = "aot-" + UUID.randomUUID() + ":";
			int port = freePort();
			String publicUrl = "http://127.0.0.1:" + port;
			start(port, "--spring.datasource.url=" + System.getenv("FC_TEST_POSTGRES_URL") + "?currentSchema=" + schema,
					"--spring.datasource.username=" + System.getenv("FC_TEST_POSTGRES_USER"),
					"--spring.datasource.password=" + System.getenv("FC_TEST_POSTGRES_PASSWORD"),
					"--spring.flyway.schemas=" + schema, "--spring.data.redis.url=" + System.getenv("FC_TEST_REDIS_URL"),
					"--feature-creep.events.redis-prefix=" + prefix,
					"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUrl("aot"),
					"--spring.security.oauth2.client.provider.mock.issuer-uri=" + issuer.issuerUrl("aot"),
					"--spring.security.oauth2.client.registration.mock.client-id=feature-creep",
					"--spring.security.oauth2.client.registration.mock.client-secret=secret",
					"--spring.security.oauth2.client.registration.mock.client-name=Mock ID",
					"--spring.security.oauth2.client.registration.mock.scope=openid,profile,email",
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
					"--feature-creep.public-url=" + publicUrl);
			JsonNode health = awaitHealthy(port);

			// Redis: the Redis Streams transport runs (its health component exists only with it) and reaches Redis
			assertThat(health.path("components").path("redisTransport").path("status").asString()).isEqualTo("UP");

			// JWT bearer tokens of the issuer are accepted on /graphql
			String token = issuer.issueToken("aot", UUID.randomUUID().toString(), "feature-creep",
					Map.of("email", "jwt-" + UUID.randomUUID() + "@example.org")).serialize();
			String squadId = new HttpGraphQl(port, token)
				.execute(null, "mutation { createSquad(input: {name: \"AOT\"}) { id } }", Map.of())
				.ok()
				.text("createSquad.id");
			assertThat(squadId).isNotBlank();

			// OIDC sign-in: the sign-in page offers the provider
			assertThat(send(get(port, "/signin")).body()).contains("Mock ID", "/oauth2/authorization/mock");

			// SMTP with the public address: "forgot your password" e-mails a reset link
			String email = "aot-" + UUID.randomUUID() + "@example.org";
			signUp(port, email);
			String page = send(get(port, "/password-reset")).body();
			HttpResponse<String> asked = send(post(port, "/password-reset", Map.of("_csrf", csrf(page), "email", email)));
			assertThat(asked.statusCode()).isEqualTo(302);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> Arrays
				.stream(mail.getReceivedMessagesForDomain(email))
				.map(GreenMailUtil::getBody)
				.anyMatch(body -> body.contains(publicUrl + "/password-reset/")));
		}
		finally {
			mail.stop();
			issuer.shutdown();
		}
	}

	@Test
	void withNothingConfiguredItRunsOnItsOwnAndNeverTriesRedis() throws Exception {
		try (ServerSocket redisStandIn = new ServerSocket(0)) {
			AtomicInteger connections = new AtomicInteger();
			Thread.ofVirtual().start(() -> {
				while (!redisStandIn.isClosed()) {
					try (Socket socket = redisStandIn.accept()) {
						connections.incrementAndGet();
					}
					catch (IOException closed) {
						return;
					}
				}
			});
			int port = freePort();
			// Boot's Redis settings point here, but Redis is not configured (no spring.data.redis.url or host)
			start(port, "--spring.datasource.url=jdbc:h2:mem:aot;DB_CLOSE_DELAY=-1",
					"--spring.data.redis.port=" + redisStandIn.getLocalPort());
			JsonNode health = awaitHealthy(port);
			assertThat(health.path("components").has("redisTransport")).isFalse();
			assertThat(send(get(port, "/signin")).body()).doesNotContain("/oauth2/authorization/");
			signUp(port, "alone-" + UUID.randomUUID() + "@example.org");
			assertThat(send(get(port, "/signin")).body()).contains("Ask an organisation admin for a reset link.");
			HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(bearer.statusCode()).isEqualTo(401);
			assertThat(connections).hasValue(0);
		}
	}

	@Test
	void aSettingThatAotFixedAtBuildTimeStopsTheStartWithAMessage() throws Exception {
		int port = freePort();
		Process node = start(port, "--spring.datasource.url=jdbc:h2:mem:refused;DB_CLOSE_DELAY=-1",
				"--management.server.port=" + freePort(), "--spring.profiles.active=dev");
		assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(node.exitValue()).isNotZero();
		assertThat(Files.readString(log(port))).contains("APPLICATION FAILED TO START", "-Dspring.aot.enabled=true",
				"management.server.port: built with '', set now to", "(active profiles): built with '', set now to 'dev'");
	}

	private Process start(int port, String... settings) throws Exception {
		Path jar = PackagedJar.find();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=" + port,
				"--feature-creep.anonymity.key=" + KEY, "--feature-creep.signup=open"));
		command.addAll(List.of(settings));
		Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(port).toFile()).start();
		nodes.add(node);
		return node;
	}

	private static Path log(int port) {
		return Path.of("target/aot-" + port + ".log");
	}

	private JsonNode awaitHealthy(int port) throws Exception {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
			.until(() -> send(get(port, "/actuator/health")).statusCode() == 200);
		assertThat(Files.readString(log(port))).contains("Starting AOT-processed FeatureCreepApplication");
		return JSON.readTree(send(get(port, "/actuator/health")).body());
	}

	private void signUp(int port, String email) throws Exception {
		String form = send(get(port, "/signup")).body();
		HttpResponse<String> signedUp = send(post(port, "/signup", Map.of("_csrf", csrf(form), "email", email, "password",
				"a long enough passphrase", "passwordConfirm", "a long enough passphrase", "firstName", "Aot",
				"lastName", "Tester")));
		assertThat(signedUp.statusCode()).isEqualTo(302);
	}

	private static String csrf(String page) {
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).as(page).isTrue();
		return csrf.group(1);
	}

	private static HttpRequest.Builder get(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
	}

	private static HttpRequest.Builder post(int port, String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b)
			.orElse("");
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sql(String statement) throws Exception {
		try (Connection connection = DriverManager.getConnection(System.getenv("FC_TEST_POSTGRES_URL"),
				System.getenv("FC_TEST_POSTGRES_USER"), System.getenv("FC_TEST_POSTGRES_PASSWORD"));
				Statement st = connection.createStatement()) {
			st.execute(statement);
		}
	}

}
