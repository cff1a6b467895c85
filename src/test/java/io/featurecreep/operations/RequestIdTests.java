package io.featurecreep.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.featurecreep.identity.Person;
import io.featurecreep.support.GraphQlApi;

/**
 * Every request gets a correlation id: in the X-Request-Id response header and on each of its log lines, over the
 * real server (Tomcat, its error dispatch included).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class RequestIdTests {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	GraphQlApi api;

	@Test
	void everyResponseCarriesAnIdOfItsOwn() throws Exception {
		String first = send(get("/signin")).headers().firstValue("X-Request-Id").orElseThrow();
		String second = send(get("/signin")).headers().firstValue("X-Request-Id").orElseThrow();

		assertThat(first).matches("[0-9a-f]{32}");
		assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
	}

	@Test
	void aWellFormedIdFromTheCallerIsKeptAndAnythingElseReplaced() throws Exception {
		assertThat(send(get("/signin").header("X-Request-Id", "lb-7f3a:9c1e.0_A")).headers().firstValue("X-Request-Id"))
			.hasValue("lb-7f3a:9c1e.0_A");
		for (String bad : List.of("has space", "a".repeat(65), "quote\"d", "semi;colon", "ünïcode", "")) {
			assertThat(send(get("/signin").header("X-Request-Id", bad)).headers().firstValue("X-Request-Id")).as(bad)
				.hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
		}
	}

	@Test
	void refusalsAndRedirectsCarryTheIdToo() throws Exception {
		assertThat(send(get("/squads")).headers().firstValue("X-Request-Id")).isPresent(); // to sign-in
		HttpResponse<String> refused = send(get("/actuator/prometheus")); // 401 through the error page
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void theRequestsLogLinesCarryItsId() throws Exception {
		Person person = api.newPerson("Logged");
		String token = api.as(person)
			.execute("mutation { createAccessToken(input: {name: \"used\"}) { secret } }")
			.ok()
			.text("createAccessToken.secret");
		String revoked = api.as(person)
			.execute("mutation { createAccessToken(input: {name: \"revoked\"}) { token { id } } }")
			.ok()
			.text("createAccessToken.token.id");
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		Logger identity = (Logger) LoggerFactory.getLogger("io.featurecreep.identity");
		identity.addAppender(logs);
		try {
			HttpResponse<String> revoking = send(HttpRequest.newBuilder(uri("/graphql"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"mutation { revokeAccessToken(id: \\\"" + revoked + "\\\") { id } }\"}")));

			assertThat(revoking.statusCode()).isEqualTo(200);
			assertThat(revoking.body()).doesNotContain("errors");
			String id = revoking.headers().firstValue("X-Request-Id").orElseThrow();
			ILoggingEvent line = logs.list.stream()
				.filter(event -> event.getFormattedMessage().contains("revoked access token " + revoked))
				.findFirst()
				.orElseThrow();
			assertThat(line.getMDCPropertyMap()).containsEntry("requestId", id);
		}
		finally {
			identity.detachAppender(logs);
		}
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
