package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.featurecreep.support.GraphQlApi;

/**
 * Requests that only the real server can show, since MockMvc maps filters itself and fails earlier than Tomcat
 * would: a charset nobody can read. Annotated like {@code LiveSubscriptionTests}, so both share one context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class RealServerRequestTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "application/json; charset=\"", "application/json; charset=\"\"",
			"application/json; charset=\"utf-8", "application/json; charset=bogus" })
	void aCharsetNobodyCanReadIsABadRequest(String contentType) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
				.header("Content-Type", contentType)
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as("%s: %s", contentType, response.body()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception");
	}

}
