package io.featurecreep.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.Scrape;

/**
 * /actuator/prometheus on the main port: only a scraper with the configured bearer token gets the metrics; everyone
 * else, signed in or not, gets 401. The health endpoint stays open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class MetricsEndpointTests {

	@LocalServerPort
	int port;

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Test
	void aScraperWithTheTokenGetsThePrometheusTextFormat() {
		HttpResponse<String> scrape = Scrape.request(port, "Bearer " + Scrape.TOKEN);

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
		assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge", "http_server_requests_seconds_count",
				"hikaricp_connections_active", "feature_creep_votes_cast_total");
		assertThat(scrape.headers().firstValue("Set-Cookie")).as("a scrape starts no session").isEmpty();
	}

	@Test
	void theSchemeIsCaseInsensitiveAsHttpSaysButTheTokenIsNot() {
		assertThat(Scrape.request(port, "bearer " + Scrape.TOKEN).statusCode()).isEqualTo(200);
		assertThat(Scrape.request(port, "Bearer " + Scrape.TOKEN.toUpperCase()).statusCode()).isEqualTo(401);
	}

	@Test
	void withoutTheTokenOrWithAnotherTheAnswerIs401AndNoMetrics() {
		for (String authorization : new String[] { null, "", "Bearer", "Bearer wrong-token-of-some-length",
				"Bearer " + Scrape.TOKEN + "x", "Bearer " + Scrape.TOKEN.substring(1),
				"Basic " + java.util.Base64.getEncoder().encodeToString(("scraper:" + Scrape.TOKEN).getBytes()),
				Scrape.TOKEN }) {
			HttpResponse<String> refused = Scrape.request(port, authorization);

			assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
			assertThat(refused.body()).doesNotContain("jvm_");
		}
	}

	@Test
	void aSignedInPersonEvenAnAdminGetsNoMetricsWithoutTheToken() throws Exception {
		String personId = api.newPerson("Curious").id();

		int status = mvc.perform(get("/actuator/prometheus").with(user(personId).roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(status).isEqualTo(401);
	}

	@Test
	void healthStaysOpenToEveryone() throws Exception {
		assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

}
