package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation admin signed in through a browser, who changes the organisation through the GraphQL API as the
 * admin page's scripts would (session cookie and CSRF header). For tests over a real port.
 */
final class AdminBrowser {

	static final String ORGANISATION = "00000000-0000-0000-0000-000000000001";

	private final Browser browser;

	private final String personId;

	private AdminBrowser(Browser browser, String personId) {
		this.browser = browser;
		this.personId = personId;
	}

	/** Signs a new person up (the sign-up policy must let them in) and makes them an admin. */
	static AdminBrowser signedUp(int port, JdbcClient jdbc) {
		Browser browser = new Browser(port);
		String personId = SignUps.signedUpPerson(browser);
		makeAdmin(jdbc, personId);
		return new AdminBrowser(browser, personId);
	}

	static void makeAdmin(JdbcClient jdbc, String personId) {
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) select ?, ? where not exists "
				+ "(select 1 from organisation_admin where person_id = ?)")
			.params(ORGANISATION, personId, personId)
			.update();
	}

	String personId() {
		return personId;
	}

	/** Runs a GraphQL document and answers the response, which must carry no errors. */
	Browser.Page graphQl(String document) {
		Browser.Page answer = browser.graphQl(document, "X-CSRF-TOKEN", browser.csrfHeaderToken());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.json().path("errors").isMissingNode()).as(answer.body()).isTrue();
		return answer;
	}

	/** Runs a GraphQL document and answers the response as it is, errors and all. */
	Browser.Page graphQlRaw(String document) {
		return browser.graphQl(document, "X-CSRF-TOKEN", browser.csrfHeaderToken());
	}

	void setSignUpPolicy(String mode, String... domains) {
		StringBuilder list = new StringBuilder();
		for (String domain : domains) {
			list.append(list.isEmpty() ? "" : ", ").append('"').append(domain).append('"');
		}
		graphQl("mutation { setSignUpPolicy(input: {mode: " + mode + ", domains: [" + list + "]}) { mode } }");
	}

	/** A new organisation invite; answers its path. */
	String organisationInvite(int maxUses) {
		return graphQl("mutation { createOrganisationInvite(input: {label: \"Newcomers\", maxUses: " + maxUses
				+ "}) { path } }").text("/data/createOrganisationInvite/path");
	}

}
