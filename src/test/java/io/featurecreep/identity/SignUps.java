package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Test shortcuts for people with local accounts, going through the real pages. */
final class SignUps {

	static final String PASSWORD = "correct horse battery";

	private SignUps() {
	}

	static String uniqueEmail() {
		return "person-" + UUID.randomUUID() + "@example.org";
	}

	/** Posts the sign-up form; it ends on the sign-in page, signed in as nobody. */
	static Browser.Page signUp(Browser browser, String email) {
		return browser.submit("/signup", "/signup", "email", email, "password", PASSWORD, "passwordConfirm", PASSWORD,
				"firstName", "Ada", "lastName", "Lovelace");
	}

	/** Signs up, then signs in, as a person does; answers the sign-in's answer. */
	static Browser.Page signUpAndSignIn(Browser browser, String email) {
		assertThat(signUp(browser, email).location()).endsWith("/signin");
		return browser.submit("/signin", "/signin", "email", email, "password", PASSWORD);
	}

	/** Signs a new person up and in in the browser and answers their person id. */
	static String signedUpPerson(Browser browser) {
		assertThat(signUpAndSignIn(browser, uniqueEmail()).status()).isEqualTo(302);
		return meThroughSession(browser);
	}

	/** The caller's id as GraphQL sees it, over the browser's session (with its CSRF token). */
	static String meThroughSession(Browser browser) {
		Browser.Page answer = browser.graphQl("{ me { id } }", "X-CSRF-TOKEN", browser.csrfHeaderToken());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.text("/data/me/id");
	}

}
