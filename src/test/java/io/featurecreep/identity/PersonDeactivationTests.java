package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A deactivated or erased person can no longer use Feature Creep, whichever way they signed in: their browser
 * session ends on its next request, their password leads nowhere, their access tokens stop. Over a real port, with
 * real sessions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonDeactivationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	AdminBrowser admin;

	Browser person;

	String personId;

	String email;

	@BeforeEach
	void aPersonSignedIn() {
		admin = AdminBrowser.signedUp(port, jdbc);
		person = new Browser(port);
		email = SignUps.uniqueEmail();
		SignUps.signUpAndSignIn(person, email);
		personId = SignUps.meThroughSession(person);
	}

	@Test
	void deactivationEndsTheBrowserSessionAtItsNextRequest() {
		String session = person.cookie("JSESSIONID");
		assertThat(person.get("/workspace").status()).isEqualTo(200);

		admin.graphQl("mutation { deactivatePerson(personId: \"" + personId + "\") { status } }");

		Browser.Page next = person.get("/workspace");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).endsWith("/signin?deactivated");
		assertThat(person.get("/signin?deactivated").body()).contains("your account is no longer active");
		Browser replay = new Browser(port);
		replay.setCookie("JSESSIONID", session);
		assertThat(replay.get("/").body()).as("the old session is gone").contains("You are not signed in.");
	}

	@Test
	void aScriptOfADeactivatedPersonsPageGetsAnErrorAndHtmxIsSentToSignIn() {
		admin.graphQl("mutation { deactivatePerson(personId: \"" + personId + "\") { status } }");

		Browser.Page fragment = person.get("/workspace", "HX-Request", "true");

		assertThat(fragment.status()).isEqualTo(401);
		assertThat(fragment.header("HX-Redirect")).isEqualTo("/signin?deactivated");
	}

	@Test
	void aDeactivatedPersonsPasswordLeadsOnlyToTheNoticeAndReactivationLetsThemBackIn() {
		admin.graphQl("mutation { deactivatePerson(personId: \"" + personId + "\") { status } }");

		Browser again = new Browser(port);
		Browser.Page signIn = again.submit("/signin", "/signin", "email", email, "password", SignUps.PASSWORD);
		Browser.Page landing = again.get(signIn.location());
		assertThat(landing.location()).endsWith("/signin?deactivated");
		assertThat(again.graphQl("{ me { id } }").text("/errors/0/extensions/code")).isEqualTo("UNAUTHENTICATED");

		admin.graphQl("mutation { reactivatePerson(personId: \"" + personId + "\") { status } }");

		Browser later = new Browser(port);
		later.submit("/signin", "/signin", "email", email, "password", SignUps.PASSWORD);
		assertThat(SignUps.meThroughSession(later)).isEqualTo(personId);
	}

	@Test
	void aDeactivatedPersonsAccessTokenStopsAtOnceAndWorksAgainAfterReactivation() {
		String token = person.graphQl("mutation { createAccessToken(input: {name: \"ci\"}) { secret } }", "X-CSRF-TOKEN",
				person.csrfHeaderToken()).text("/data/createAccessToken/secret");
		Browser api = new Browser(port);
		assertThat(api.graphQl("{ me { id } }", "Authorization", "Bearer " + token).text("/data/me/id")).isEqualTo(personId);

		admin.graphQl("mutation { deactivatePerson(personId: \"" + personId + "\") { status } }");

		Browser.Page refused = api.graphQl("{ me { id } }", "Authorization", "Bearer " + token);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.text("/errors/0/extensions/code")).isEqualTo("UNAUTHENTICATED");
		assertThat(refused.text("/errors/0/message")).isEqualTo(GraphQlSecurityErrors.INACTIVE_ACCOUNT);

		admin.graphQl("mutation { reactivatePerson(personId: \"" + personId + "\") { status } }");
		assertThat(api.graphQl("{ me { id } }", "Authorization", "Bearer " + token).text("/data/me/id")).isEqualTo(personId);
	}

	@Test
	void anErasedPersonCannotSignInAgainNorBeRestored() {
		admin.graphQl("mutation { erasePerson(personId: \"" + personId + "\") { status } }");

		assertThat(person.get("/workspace").location()).endsWith("/signin?deactivated");
		Browser again = new Browser(port);
		assertThat(again.submit("/signin", "/signin", "email", email, "password", SignUps.PASSWORD).location())
			.endsWith("/signin?error");
		Browser.Page restore = admin.graphQlRaw("mutation { reactivatePerson(personId: \"" + personId + "\") { status } }");
		assertThat(restore.text("/errors/0/extensions/code")).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void signingInWithAPasswordIsRecordedForTheAdmins() {
		String quiet = SignUps.uniqueEmail();
		String quietId = accounts.signUp(quiet, SignUps.PASSWORD, "Quiet", "Person").id();
		assertThat(lastSignIn(quietId)).as("never signed in").isNull();

		new Browser(port).submit("/signin", "/signin", "email", quiet, "password", SignUps.PASSWORD);

		assertThat(lastSignIn(quietId)).isNotNull();
	}

	@Test
	void theSignInAfterSigningUpIsRecorded() {
		Browser.Page people = admin.graphQl("{ organisationPeople { person { id } lastSignInAt } }");

		boolean found = false;
		for (var line : people.json().at("/data/organisationPeople")) {
			if (line.at("/person/id").asString().equals(personId)) {
				found = true;
				assertThat(line.at("/lastSignInAt").isNull()).as("the sign-in after sign-up is recorded").isFalse();
			}
		}
		assertThat(found).isTrue();
	}

	private Object lastSignIn(String id) {
		return jdbc.sql("select last_sign_in_at from person where id = ?").param(id).query((rs, row) -> java.util.Optional.ofNullable(rs.getObject(1))).single().orElse(null);
	}

}
