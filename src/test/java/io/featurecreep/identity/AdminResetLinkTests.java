package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;

/**
 * Without e-mail (the shared test context): no self-service reset, but organisation admins hand out reset links
 * (GraphQL {@code createPasswordResetLink}, and {@link PasswordResets#issueLink} for the people page); and access
 * tokens are rate limited per person.
 */
@FeatureCreepTest
class AdminResetLinkTests {

	static final String CREATE_LINK = "mutation($p: String!) { createPasswordResetLink(personId: $p) }";

	@Autowired
	GraphQlApi api;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordResets resets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	Caller admin() {
		Caller admin = api.as(api.newPerson("Admin"));
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) values (?, ?)")
			.params(Accounts.DEFAULT_ORGANISATION, admin.person().id())
			.update();
		return admin;
	}

	Person localPerson() {
		return accounts.signUp("person-" + UUID.randomUUID() + "@example.org", "correct horse battery", "Ada", "Lovelace");
	}

	@Test
	void withoutMailTheSignInPageSaysToAskAnAdminAndTheResetPageSendsNothing() throws Exception {
		assertThat(mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString())
			.contains("Forgot your password? Ask an organisation admin for a reset link.")
			.doesNotContain("href=\"/password-reset\"");
		assertThat(mvc.perform(get("/password-reset")).andReturn().getResponse().getContentAsString())
			.contains("This server sends no e-mail")
			.doesNotContain("Send me a link");
		String email = localPerson().email();
		assertThat(mvc.perform(post("/password-reset").with(csrf()).param("email", email)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from password_reset r join person p on p.id = r.person_id where p.email = ?")
			.param(email)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anAdminsLinkLetsThePersonChooseANewPassword() throws Exception {
		Person person = localPerson();

		String link = admin().execute(CREATE_LINK, "p", person.id()).ok().text("createPasswordResetLink");

		assertThat(link).matches("/password-reset/[A-Za-z0-9_-]{43}");
		assertThat(mvc.perform(post(link).with(csrf()).param("password", "a brand new passphrase")
			.param("passwordConfirm", "a brand new passphrase")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/signin?reset");
		assertThat(mvc.perform(get("/signin?reset")).andReturn().getResponse().getContentAsString())
			.contains("Your password was changed");
	}

	@Test
	void theServiceMethodIssuesLinksForThePeoplePage() {
		Person person = localPerson();

		String first = resets.issueLink(admin().person().id(), person.id());

		assertThat(first).startsWith("/password-reset/");
		assertThat(resets.usable(first.substring("/password-reset/".length()))).isTrue();
		String second = resets.issueLink(admin().person().id(), person.id());
		assertThat(resets.usable(first.substring("/password-reset/".length()))).as("replaced").isFalse();
		assertThat(resets.usable(second.substring("/password-reset/".length()))).isTrue();
	}

	@Test
	void onlyOrganisationAdminsGetLinks() {
		Person person = localPerson();

		api.as(api.newPerson("Member"))
			.execute(CREATE_LINK, "p", person.id())
			.failsWith("Only organisation admins may do this", "FORBIDDEN");
		api.anonymous().execute(CREATE_LINK, "p", person.id()).failsWith("Context creation failed: JWT is required", "UNAUTHENTICATED");
	}

	@Test
	void unknownPeopleAndPeopleWithoutPasswordAreRefused() {
		Caller admin = admin();

		admin.execute(CREATE_LINK, "p", "nobody-" + UUID.randomUUID()).failsWith("Person not found", "NOT_FOUND");
		admin.execute(CREATE_LINK, "p", api.newPerson("External").id())
			.failsWith("This person signs in through another service and has no password here", "BAD_USER_INPUT");
	}

	@Test
	void aPersonMintsAtMostFiveAccessTokensPerWindow() {
		Caller person = api.as(api.newPerson("Minter"));
		for (int i = 0; i < 5; i++) {
			person.execute("mutation { createAccessToken(input: { name: \"ci\" }) { secret } }").ok();
		}

		person.execute("mutation { createAccessToken(input: { name: \"ci\" }) { secret } }")
			.failsWith("Too many attempts. Please try again in 15 minutes.", "TOO_MANY_REQUESTS");
	}

}
