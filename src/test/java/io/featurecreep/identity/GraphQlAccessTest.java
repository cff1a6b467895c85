package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Who gets through to /graphql, with which credentials, from which origin. No JWT issuer is configured here. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GraphQlAccessTest {

	static final String INVALID_TOKEN_BODY = """
			{"errors":[{"message":"Context creation failed: Invalid JWT.","extensions":{"code":"UNAUTHENTICATED"}}]}""";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		browser = new Browser(port);
	}

	@Test
	void withoutCredentialsGraphQlAsksForAJwt() {
		Browser.Page answer = browser.graphQl("{ person { id } }");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("/errors/0/message")).isEqualTo("Context creation failed: JWT is required");
		assertThat(answer.text("/errors/0/extensions/code")).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void emptyAuthorizationHeaderCountsAsNoCredentials() {
		Browser.Page empty = browser.graphQl("{ ping }", "Authorization", "");
		Browser.Page bareScheme = browser.graphQl("{ ping }", "Authorization", "Bearer ");

		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.text("/errors/0/message")).isEqualTo("Context creation failed: JWT is required");
		assertThat(bareScheme.status()).isEqualTo(200);
		assertThat(bareScheme.text("/errors/0/message")).isEqualTo("Context creation failed: JWT is required");
	}

	@Test
	void jwtIsRefusedWhenNoIssuerIsConfigured() {
		Browser.Page answer = browser.graphQl("{ ping }", "Authorization",
				"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJl");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.body()).isEqualTo(INVALID_TOKEN_BODY);
	}

	@Test
	void malformedBearerTokenIsRefusedWithoutDetails() {
		Browser.Page answer = browser.graphQl("{ ping }", "Authorization", "Bearer not a token");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo(INVALID_TOKEN_BODY);
	}

	@Test
	void sessionCookieOnGraphQlNeedsTheCsrfHeader() {
		String personId = SignUps.signedUpPerson(browser);

		Browser.Page withoutToken = browser.graphQl("{ me { id } }");
		Browser.Page withWrongToken = browser.graphQl("{ me { id } }", "X-CSRF-TOKEN", "forged");
		Browser.Page withToken = browser.graphQl("{ me { id } }", "X-CSRF-TOKEN", browser.csrfHeaderToken());

		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(withoutToken.text("/errors/0/extensions/code")).isEqualTo("FORBIDDEN");
		assertThat(withWrongToken.status()).isEqualTo(403);
		assertThat(withToken.status()).isEqualTo(200);
		assertThat(withToken.text("/data/me/id")).isEqualTo(personId);
	}

	@Test
	void signedOutSessionCookieNeedsNoCsrfAndActsAsNobody() {
		browser.get("/signin");
		assertThat(browser.cookie("JSESSIONID")).isNotNull();

		Browser.Page answer = browser.graphQl("{ ping }");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("/errors/0/message")).isEqualTo("Context creation failed: JWT is required");
	}

	@Test
	void corsPreflightOnGraphQlIsAnswered() {
		Browser.Page preflight = browser.options("/graphql", "Origin", "https://client.example.org",
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");

		assertThat(preflight.status()).isIn(200, 204);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST").contains("GET");
		assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization")
			.containsIgnoringCase("content-type");
		assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
	}

	@Test
	void crossOriginGraphQlAnswerCarriesCorsHeader() {
		Browser.Page answer = browser.graphQl("{ ping }", "Origin", "https://client.example.org");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
	}

	@Test
	void corsIsOnlyForGraphQl() {
		Browser.Page preflight = browser.options("/signin", "Origin", "https://client.example.org",
				"Access-Control-Request-Method", "POST");

		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

}
