package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The dev profile: no credentials means the demo person; given credentials still count. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "dev" })
class DevModeTest {

	@LocalServerPort
	int port;

	@Test
	void withoutCredentialsActsAsTheDemoPerson() {
		Browser.Page answer = new Browser(port).graphQl("{ person { id } }");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("/data/person/id")).isEqualTo("01c78d7a-5926-41b2-90de-02b8937a82b1");
	}

	@Test
	void emptyAuthorizationHeaderAlsoActsAsTheDemoPerson() {
		Browser.Page answer = new Browser(port).graphQl("{ me { id } }", "Authorization", "");

		assertThat(answer.text("/data/me/id")).isEqualTo(DevMode.DEMO_PERSON_ID);
	}

	@Test
	void signedInSessionStillWinsAndNeedsNoCsrfOnGraphQl() {
		Browser browser = new Browser(port);
		SignUps.signUpAndSignIn(browser, SignUps.uniqueEmail());

		Browser.Page answer = browser.graphQl("{ me { id } }");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("/data/me/id")).isNotNull().isNotEqualTo(DevMode.DEMO_PERSON_ID);
	}

	@Test
	void givenBearerTokenStillWins() {
		Browser browser = new Browser(port);
		SignUps.signUpAndSignIn(browser, SignUps.uniqueEmail());
		String secret = browser.graphQl("mutation { createAccessToken(input: { name: \"dev\" }) { secret } }")
			.text("/data/createAccessToken/secret");
		String personId = browser.graphQl("{ me { id } }").text("/data/me/id");

		Browser.Page answer = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + secret);
		Browser.Page badToken = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer fcp_unknown");

		assertThat(answer.text("/data/me/id")).isEqualTo(personId);
		assertThat(badToken.status()).as("a bad token is refused, not replaced by the demo person").isEqualTo(401);
	}

	@Test
	void homePageShowsTheDemoPerson() {
		assertThat(new Browser(port).get("/").body()).contains("Signed in as");
	}

	@Test
	void formPostsStillNeedTheirCsrfToken() {
		assertThat(new Browser(port).postForm("/signout").status()).isEqualTo(403);
	}

}
