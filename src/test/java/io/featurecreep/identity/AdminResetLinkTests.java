package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
import tools.jackson.databind.JsonNode;

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
		// the database's first person is its admin already
		jdbc.sql("""
				insert into organisation_admin (organisation_id, person_id) select ?, ?
				where not exists (select 1 from organisation_admin where person_id = ?)""")
			.params(Accounts.DEFAULT_ORGANISATION, admin.person().id(), admin.person().id())
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
	void thePeoplePageMakesALinkShowsItOnceAndTheAuditLogRecordsItButNotTheLink() throws Exception {
		Caller admin = admin();
		Person person = localPerson();

		var made = mvc.perform(post("/admin/people/{id}/reset-link", person.id()).with(user(admin.person().id())).with(csrf()))
			.andReturn();
		assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/admin/people");
		String link = (String) made.getFlashMap().get("resetLink");
		assertThat(link).matches("http://localhost/password-reset/[A-Za-z0-9_-]{43}");
		String page = mvc.perform(get("/admin/people").with(user(admin.person().id())).flashAttrs(made.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(link).contains("Hand it over yourself");
		assertThat(mvc.perform(post(link.substring("http://localhost".length())).with(csrf())
			.param("password", "a brand new passphrase")
			.param("passwordConfirm", "a brand new passphrase")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/signin?reset");

		JsonNode entry = admin.execute("{ auditLog { entries { action actor { id } subject { id } detail } } }")
			.ok()
			.data("auditLog.entries.0");
		assertThat(entry.path("action").asString()).isEqualTo("RESET_LINK_CREATED");
		assertThat(entry.path("subject").path("id").asString()).isEqualTo(person.id());
		assertThat(entry.toString()).doesNotContain(link.substring(link.lastIndexOf('/') + 1));
	}

	@Test
	void aDeactivatedPersonGetsNoLinkAndErasingAPersonDropsTheirLinks() {
		Caller admin = admin();
		Person person = localPerson();
		admin.execute(CREATE_LINK, "p", person.id()).ok();
		admin.execute("mutation($p: String!) { deactivatePerson(personId: $p) { status } }", "p", person.id()).ok();
		admin.execute(CREATE_LINK, "p", person.id())
			.failsWith("Reactivate this person before giving them a password reset link", "BAD_USER_INPUT");

		admin.execute("mutation($p: String!) { erasePerson(personId: $p) { status } }", "p", person.id()).ok();
		assertThat(jdbc.sql("select count(*) from password_reset where person_id = ?").param(person.id()).query(Integer.class).single())
			.isZero();
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
			.failsWith("Only organisation admins can make password reset links", "FORBIDDEN");
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
