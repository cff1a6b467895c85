package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlResponse;

/**
 * Whatever a client puts in the headers and body of a GraphQL POST, the answer is a 4xx with a GraphQL error and
 * a code: never a 500, never a stack trace in the log.
 */
@FeatureCreepTest
@ExtendWith(OutputCaptureExtension.class)
class GraphQlRequestGuardTests {

	@Autowired
	GraphQlApi api;

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "/", "application/json; charset=bogus", "application/" })
	void anUnreadableContentTypeIsABadRequestWithACode(String contentType, CapturedOutput output) {
		GraphQlResponse response = post(contentType, "{\"query\": \"{ ping }\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(response.errorMessages().get(0)).contains("Content-Type");
		assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
	void aContentTypeOtherThanJsonIsUnsupportedWithACode(String contentType) {
		GraphQlResponse response = post(contentType, "{\"query\": \"{ ping }\"}");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(response.errorMessages().get(0)).contains("application/json");
	}

	@Test
	void aBodyWithoutContentTypeIsUnsupportedWithACode() {
		GraphQlResponse response = post(null, "{\"query\": \"{ ping }\"}");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "null", "[]", "42", "\"{ ping }\"", "", "{ ping }" })
	void anApplicationGraphqlBodyMustBeOneJsonObjectToo(String body, CapturedOutput output) {
		GraphQlResponse response = post("application/graphql", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void anApplicationGraphqlBodyThatIsAnObjectStillRuns() {
		GraphQlResponse response = post("application/graphql", "{\"query\": \"{ ping }\"}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.ok().text("ping")).isNotBlank();
	}

	@Test
	void anUnreadableAcceptHeaderIsABadRequestWithACode(CapturedOutput output) {
		GraphQlResponse response = post("application/json", "{\"query\": \"{ ping }\"}", "garbage");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(response.errorMessages().get(0)).contains("Accept");
		assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
	}

	private GraphQlResponse post(String contentType, String body) {
		return post(contentType, body, "application/json");
	}

	private GraphQlResponse post(String contentType, String body, String accept) {
		return api.as(api.newPerson("Header")).raw(body, contentType, accept);
	}

}
