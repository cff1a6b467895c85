package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.featurecreep.support.PackagedJar;

/**
 * The packaged application run the way the README tells operators to: JSON logs from
 * LOGGING_STRUCTURED_FORMAT_CONSOLE, actuator on MANAGEMENT_SERVER_PORT, the scrape behind FEATURE_CREEP_METRICS_TOKEN,
 * all set as environment variables. Every line it prints is a JSON object, and a request's lines carry the id its
 * response sent back.
 */
class OperatingIT {

	static final String TOKEN = "it-scraper-token-" + UUID.randomUUID();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	Process node;

	Path output;

	@AfterEach
	void stop() {
		if (node != null) {
			node.destroy();
		}
	}

	@Test
	void jsonLogsWithRequestIdsAndTheScrapeOnTheManagementPortBehindItsToken() throws Exception {
		int port = freePort();
		int management = freePort();
		start(port, Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "MANAGEMENT_SERVER_PORT", Integer.toString(management),
				"FEATURE_CREEP_METRICS_TOKEN", TOKEN));
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
			.until(() -> send(get(management, "/actuator/health")).statusCode() == 200);

		String email = "operating-" + UUID.randomUUID() + "@example.org";
		String form = send(get(port, "/signup")).body();
		Matcher csrf = CSRF.matcher(form);
		assertThat(csrf.find()).as(form).isTrue();
		HttpResponse<String> signedUp = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/signup"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("_csrf", csrf.group(1), "email", email, "password",
					"a long enough passphrase", "passwordConfirm", "a long enough passphrase", "firstName", "Ops",
					"lastName", "Tester")))));
		assertThat(signedUp.statusCode()).isEqualTo(302);
		String requestId = signedUp.headers().firstValue("X-Request-Id").orElseThrow();

		assertThat(scrape(management, null).statusCode()).isEqualTo(401);
		HttpResponse<String> scraped = scrape(management, "Bearer " + TOKEN);
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("feature_creep_votes_cast_total", "http_server_requests_seconds_count");
		assertThat(scrape(port, "Bearer " + TOKEN).statusCode()).as("not on the main port any more").isNotEqualTo(200);

		List<JsonNode> lines = await().atMost(Duration.ofSeconds(10)).until(this::printedLines,
				printed -> printed.stream().anyMatch(line -> requestId.equals(line.path("requestId").asString())));
		JsonNode signUpLine = lines.stream()
			.filter(line -> line.path("message").asString().contains("through sign-up"))
			.findFirst()
			.orElseThrow();
		assertThat(signUpLine.path("requestId").asString()).isEqualTo(requestId);
		assertThat(signUpLine.path("@timestamp").isMissingNode()).isFalse();
		assertThat(signUpLine.toString()).doesNotContain(email);
	}

	/** Every line the node printed so far, each of which must be a JSON object. */
	private List<JsonNode> printedLines() throws IOException {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(output)) {
			if (!line.isBlank()) {
				JsonNode parsed = JSON.readTree(line);
				assertThat(parsed.isObject()).as(line).isTrue();
				lines.add(parsed);
			}
		}
		return lines;
	}

	private void start(int port, Map<String, String> environment) throws Exception {
		Path jar = PackagedJar.find();
		output = Path.of("target/operating-" + port + ".log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:mem:operating;DB_CLOSE_DELAY=-1",
				"--feature-creep.anonymity.key=dGVzdC1rZXktdGhhdC1pcy1hdC1sZWFzdC0zMi1ieXRlcy1sb25n",
				"--feature-creep.signup=open")
			// the JVM's own warnings go to standard error; the logs to standard output
			.redirectOutput(output.toFile())
			.redirectError(Path.of("target/operating-" + port + ".err").toFile());
		builder.environment().putAll(environment);
		node = builder.start();
	}

	private HttpResponse<String> scrape(int port, String authorization) throws Exception {
		HttpRequest.Builder request = get(port, "/actuator/prometheus");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private static HttpRequest.Builder get(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String formBody(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b)
			.orElse("");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
