package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import tools.jackson.databind.JsonNode;

/**
 * What organisation admins do with people, through GraphQL and the admin pages: the list of people, admins
 * (never none), deactivation, erasure and what it leaves behind, and the audit log of it all. Everyone else is
 * refused.
 */
@FeatureCreepTest
class OrganisationAdminTests {

	static final String PEOPLE = "{ organisationPeople { person { id displayName email } admin status squads lastSignInAt } }";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Caller admin;

	Caller someone;

	@BeforeEach
	void anAdminAndSomeone() {
		admin = api.as(api.newPerson("Admin"));
		AdminBrowser.makeAdmin(jdbc, admin.person().id());
		someone = api.as(api.newPerson("Someone"));
	}

	@Test
	void adminsSeeEveryoneWithTheirSquadsRoleAndStatus() {
		someone.execute("mutation { createSquad(input: {name: \"Zebra crossing\"}) { id } }").ok();
		someone.execute("mutation { createSquad(input: {name: \"Aardvarks\"}) { id } }").ok();

		JsonNode line = lineOf(admin.execute(PEOPLE).ok(), someone.person().id());
		assertThat(line.at("/person/displayName").asString()).isEqualTo("Someone Tester");
		assertThat(line.at("/person/email").asString()).isEqualTo(someone.person().email());
		assertThat(line.at("/admin").asBoolean()).isFalse();
		assertThat(line.at("/status").asString()).isEqualTo("ACTIVE");
		assertThat(texts(line.at("/squads"))).containsExactly("Aardvarks", "Zebra crossing");
		assertThat(lineOf(admin.execute(PEOPLE).ok(), admin.person().id()).at("/admin").asBoolean()).isTrue();
	}

	@Test
	void theLastActiveAdminCannotStepDownButCanOnceThereIsAnother() {
		onlyAdmin(admin);

		admin.execute("mutation($p: String!) { demoteAdmin(personId: $p) { admin } }", "p", admin.person().id())
			.failsWith(PeopleAdministration.LAST_ADMIN, "BAD_USER_INPUT");

		admin.execute("mutation($p: String!) { promoteToAdmin(personId: $p) { admin } }", "p", someone.person().id()).ok();
		assertThat(admin.execute("mutation($p: String!) { demoteAdmin(personId: $p) { admin } }", "p", admin.person().id())
			.ok()
			.data("demoteAdmin.admin")
			.asBoolean()).isFalse();
		someone.execute("mutation($p: String!) { demoteAdmin(personId: $p) { admin } }", "p", someone.person().id())
			.failsWith(PeopleAdministration.LAST_ADMIN, "BAD_USER_INPUT");
		admin.execute("{ organisationPeople { admin } }").failsWith("Only organisation admins can see the organisation's people",
				"FORBIDDEN");
	}

	@Test
	void aDeactivatedAdminDoesNotCountAsTheActiveOneNorCanTheyBeTheLast() {
		onlyAdmin(admin);
		admin.execute("mutation($p: String!) { promoteToAdmin(personId: $p) { admin } }", "p", someone.person().id()).ok();
		admin.execute("mutation($p: String!) { deactivatePerson(personId: $p) { status } }", "p", someone.person().id()).ok();

		admin.execute("mutation($p: String!) { demoteAdmin(personId: $p) { admin } }", "p", admin.person().id())
			.failsWith(PeopleAdministration.LAST_ADMIN, "BAD_USER_INPUT");
	}

	@Test
	void adminsCannotDeactivateOrEraseThemselves() {
		admin.execute("mutation($p: String!) { deactivatePerson(personId: $p) { status } }", "p", admin.person().id())
			.failsWith("You cannot deactivate yourself; ask another admin", "BAD_USER_INPUT");
		admin.execute("mutation($p: String!) { erasePerson(personId: $p) { status } }", "p", admin.person().id())
			.failsWith("You cannot erase yourself; ask another admin", "BAD_USER_INPUT");
	}

	@Test
	void deactivatedPeopleAreRefusedAndKeepTheirVotes() {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Named\"}) { id } }").ok().text("createSquad.id");
		join(someone, owner, squadId);
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		someone.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2}) { id } }",
				"s", sessionId, "q", session.text("createSession.questions.0.id")).ok();

		admin.execute("mutation($p: String!) { deactivatePerson(personId: $p) { status } }", "p", someone.person().id())
			.ok();

		GraphQlResponse refused = someone.execute("{ me { id } }");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.errorCodes()).containsExactly("UNAUTHENTICATED");
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		assertThat(owner.execute("query($s: String!) { session(id: $s) { questions { answers { answer person { displayName } } } } }",
				"s", sessionId).ok().text("session.questions.0.answers.0.person.displayName")).isEqualTo("Someone Tester");
	}

	@Test
	void erasingLeavesAFormerMembersNamedVotesAndNotesAndAnonymousResultsAsTheyWere() throws Exception {
		Caller zelda = api.as(api.newPerson("Zelda"));
		Caller owner = api.as(api.newPerson("Owner"));
		String named = owner.execute("mutation { createSquad(input: {name: \"Named\"}) { id } }").ok().text("createSquad.id");
		join(zelda, owner, named);
		String namedSession = votedAndEnded(owner, named, List.of(zelda), true);
		String anonymous = owner.execute("mutation { createSquad(input: {name: \"Quiet\", anonymous: true}) { id } }")
			.ok()
			.text("createSquad.id");
		Caller other = api.as(api.newPerson("Other"));
		join(zelda, owner, anonymous);
		join(other, owner, anonymous);
		String anonymousSession = votedAndEnded(owner, anonymous, List.of(zelda, other, owner), false);
		String namedBefore = page(owner, "/sessions/" + namedSession + "/results");
		String anonymousBefore = page(owner, "/sessions/" + anonymousSession + "/results");
		assertThat(namedBefore).contains("Zelda Tester</span>: <span>green");

		admin.execute("mutation($p: String!) { erasePerson(personId: $p) { status person { displayName email firstName } } }",
				"p", zelda.person().id()).ok();

		assertThat(page(owner, "/sessions/" + namedSession + "/results")).contains("Former member</span>: <span>green")
			.doesNotContain("Zelda Tester");
		assertThat(mvc.perform(get("/sessions/" + namedSession + "/results").with(user(owner.person().id()))
			.header("Accept-Language", "de")).andReturn().getResponse().getContentAsString())
			.as("the former member in the reader's language")
			.contains("Ehemaliges Mitglied</span>: <span>grün");
		assertThat(results(page(owner, "/sessions/" + anonymousSession + "/results"))).as("the anonymous results")
			.isEqualTo(results(anonymousBefore))
			.contains("3 votes");
		GraphQlResponse answers = owner.execute(
				"query($s: String!) { session(id: $s) { questions { answers { person { id displayName firstName email } } } notes { author { displayName email } body } } }",
				"s", namedSession).ok();
		assertThat(answers.text("session.questions.0.answers.0.person.displayName")).isEqualTo(Person.FORMER_MEMBER);
		assertThat(answers.data("session.questions.0.answers.0.person.firstName").isNull()).isTrue();
		assertThat(answers.data("session.questions.0.answers.0.person.email").isNull()).isTrue();
		assertThat(answers.text("session.notes.0.author.displayName")).isEqualTo(Person.FORMER_MEMBER);
		assertThat(answers.text("session.notes.0.body")).isEqualTo("A note by Zelda");
	}

	@Test
	void erasingRemovesPersonalDataSignInsTokensAndMembershipsForGoodAndHandsOnTheSquad() {
		Caller zelda = api.as(api.newPerson("Zelda"));
		String squadId = zelda.execute("mutation { createSquad(input: {name: \"Zelda's\"}) { id } }").ok().text("createSquad.id");
		join(someone, zelda, squadId);
		zelda.execute("mutation { createAccessToken(input: {name: \"ci\"}) { secret } }").ok();
		String id = zelda.person().id();

		GraphQlResponse erased = admin.execute("mutation($p: String!) { erasePerson(personId: $p) { status squads person { displayName } } }",
				"p", id).ok();

		assertThat(erased.text("erasePerson.status")).isEqualTo("ERASED");
		assertThat(erased.text("erasePerson.person.displayName")).isEqualTo(Person.FORMER_MEMBER);
		assertThat(erased.data("erasePerson.squads").isEmpty()).isTrue();
		assertThat(jdbc.sql("select count(*) from person where id = ? and first_name is null and last_name is null and email is null")
			.param(id).query(Integer.class).single()).isOne();
		for (String table : List.of("external_identity", "access_token", "squad_member", "organisation_admin", "local_account")) {
			assertThat(jdbc.sql("select count(*) from " + table + " where person_id = ?").param(id).query(Integer.class).single())
				.as(table)
				.isZero();
		}
		assertThat(someone.execute("query($s: String!) { squad(id: $s) { myRole } }", "s", squadId).ok().text("squad.myRole"))
			.as("the longest-standing member takes over")
			.isEqualTo("OWNER");
		assertThat(lineOf(admin.execute(PEOPLE).ok(), id)).as("erased people leave the list").isNull();
		admin.execute("mutation($p: String!) { reactivatePerson(personId: $p) { status } }", "p", id)
			.failsWith("This person was erased: nothing about them can change any more", "BAD_USER_INPUT");
	}

	@Test
	void theAuditLogRecordsEveryAdminActionNewestFirst() {
		String target = someone.person().id();
		admin.execute("mutation { setSignUpPolicy(input: {mode: DOMAINS, domains: [\"audit.test\"]}) { mode } }").ok();
		admin.execute("mutation { setSignUpPolicy(input: {mode: OPEN}) { mode } }").ok();
		String invite = admin.execute("mutation { createOrganisationInvite(input: {label: \"Audit\", maxUses: 3}) { invite { id } } }")
			.ok()
			.text("createOrganisationInvite.invite.id");
		admin.execute("mutation($i: String!) { revokeOrganisationInvite(id: $i) { revoked } }", "i", invite).ok();
		for (String mutation : List.of("promoteToAdmin", "demoteAdmin", "deactivatePerson", "reactivatePerson", "erasePerson")) {
			admin.execute("mutation($p: String!) { " + mutation + "(personId: $p) { status } }", "p", target).ok();
		}

		GraphQlResponse log = admin.execute("{ auditLog(first: 9) { entries { action actor { id } subject { id displayName } detail at } hasMore } }")
			.ok();

		List<String> actions = new ArrayList<>();
		log.data("auditLog.entries").forEach(entry -> actions.add(entry.path("action").asString()));
		assertThat(actions).containsExactly("ERASED", "REACTIVATED", "DEACTIVATED", "DEMOTED", "PROMOTED", "INVITE_REVOKED",
				"INVITE_CREATED", "SIGNUP_POLICY_CHANGED", "SIGNUP_POLICY_CHANGED");
		assertThat(log.text("auditLog.entries.0.actor.id")).isEqualTo(admin.person().id());
		assertThat(log.text("auditLog.entries.0.subject.id")).isEqualTo(target);
		assertThat(log.text("auditLog.entries.0.subject.displayName")).isEqualTo(Person.FORMER_MEMBER);
		assertThat(log.text("auditLog.entries.6.detail")).isEqualTo("\u201cAudit\u201d, 3 uses, 7 days");
		assertThat(log.text("auditLog.entries.8.detail")).isEqualTo("DOMAINS: audit.test");
		assertThat(log.text("auditLog.entries.0.at")).isNotBlank();
		api.as(api.newPerson("Curious"))
			.execute("{ auditLog { hasMore } }")
			.failsWith("Only organisation admins can see the audit log", "FORBIDDEN");
	}

	@Test
	void badInputToTheAdminOperationsIsAClearRefusal() {
		admin.execute("mutation { setSignUpPolicy(input: {mode: DOMAINS}) { mode } }")
			.failsWith("List at least one e-mail domain, such as example.org", "BAD_USER_INPUT");
		admin.execute("mutation { setSignUpPolicy(input: {mode: DOMAINS, domains: [\"not a domain\"]}) { mode } }")
			.failsWith("Not an e-mail domain: not a domain", "BAD_USER_INPUT");
		admin.execute("mutation { createOrganisationInvite(input: {maxUses: 0}) { path } }")
			.failsWith("An invite can be used between 1 and 1000 times", "BAD_USER_INPUT");
		admin.execute("mutation { createOrganisationInvite(input: {validForDays: 31}) { path } }")
			.failsWith("An invite must be valid for between 1 and 30 days", "BAD_USER_INPUT");
		admin.execute("mutation { createOrganisationInvite(input: {label: \"" + "x".repeat(101) + "\"}) { path } }")
			.failsWith("Label is too long (at most 100 characters)", "BAD_USER_INPUT");
		admin.execute("{ auditLog(first: 1000) { hasMore } }").failsWith("Page size must be between 1 and 100", "BAD_USER_INPUT");
		admin.execute("{ auditLog(offset: -1) { hasMore } }").failsWith("Offset must be between 0 and 100000", "BAD_USER_INPUT");
		admin.execute("mutation { deactivatePerson(personId: \"nobody\") { status } }").failsWith("Person not found", "NOT_FOUND");
		admin.execute("mutation { revokeOrganisationInvite(id: \"nothing\") { revoked } }").failsWith("Invite not found", "NOT_FOUND");
	}

	@Test
	void theAdminPagesShowPeopleSignUpAndTheLogToAdmins() throws Exception {
		assertThat(page(admin, "/admin/people")).contains("Someone Tester").contains(someone.person().email());
		assertThat(page(admin, "/admin/sign-up")).contains("Sign-up policy").contains("Organisation invites");
		assertThat(page(admin, "/admin/audit")).contains("Audit log");
		assertThat(page(admin, "/admin/people/" + someone.person().id() + "/erase")).contains("Erase Someone Tester?")
			.contains("This cannot be undone.");
		assertThat(page(admin, "/workspace")).contains("id=\"admin-link\"");
		assertThat(page(someone, "/workspace")).doesNotContain("id=\"admin-link\"");
	}

	@Test
	void theAdminPagesFormsChangeWhatTheySayAndRefuseTheLastAdminWithAMessage() throws Exception {
		onlyAdmin(admin);
		String id = someone.person().id();
		MvcResult deactivated = mvc.perform(post("/admin/people/{id}/deactivate", id).with(user(admin.person().id())).with(csrf()))
			.andReturn();
		assertThat(deactivated.getResponse().getRedirectedUrl()).isEqualTo("/admin/people");
		assertThat(deactivated.getFlashMap().get("done")).isEqualTo("admin.people.done.deactivated");
		assertThat(lineOf(admin.execute(PEOPLE).ok(), id).at("/status").asString()).isEqualTo("DEACTIVATED");

		MvcResult refused = mvc.perform(post("/admin/people/{id}/demote", admin.person().id()).with(user(admin.person().id())).with(csrf()))
			.andReturn();
		assertThat(refused.getFlashMap().get("problem")).isEqualTo(PeopleAdministration.LAST_ADMIN);

		mvc.perform(post("/admin/sign-up").param("mode", "DOMAINS").param("domains", "pages.test, other.test")
			.with(user(admin.person().id()))
			.with(csrf()));
		assertThat(admin.execute("{ signUpPolicy { mode domains } }").ok().text("signUpPolicy.domains.1")).isEqualTo("other.test");
		mvc.perform(post("/admin/sign-up").param("mode", "OPEN").with(user(admin.person().id())).with(csrf()));

		MvcResult invite = mvc.perform(post("/admin/invites").param("label", "Pages").param("maxUses", "2").param("validForDays", "3")
			.with(user(admin.person().id()))
			.with(csrf())).andReturn();
		assertThat((String) invite.getFlashMap().get("newInviteLink")).contains("/invitations/");
		MvcResult badInvite = mvc.perform(post("/admin/invites").param("maxUses", "many").with(user(admin.person().id())).with(csrf()))
			.andReturn();
		assertThat(badInvite.getFlashMap().get("inviteProblem")).isEqualTo("Please enter a whole number of uses");

		mvc.perform(post("/admin/people/{id}/erase", id).with(user(admin.person().id())).with(csrf()));
		assertThat(lineOf(admin.execute(PEOPLE).ok(), id)).isNull();
	}

	@Test
	void theAdminPagesSayRefusalsAndTheLogInTheAdminsLanguageWhileTheApiStaysEnglish() throws Exception {
		onlyAdmin(admin);
		MvcResult lastAdmin = mvc.perform(post("/admin/people/{id}/demote", admin.person().id()).with(user(admin.person().id()))
			.with(csrf())
			.locale(Locale.GERMAN)).andReturn();
		assertThat(lastAdmin.getFlashMap().get("problem"))
			.isEqualTo("Die Organisation braucht mindestens einen aktiven Admin: Mach zuerst jemand anderen zum Admin");
		admin.execute("mutation($p: String!) { demoteAdmin(personId: $p) { admin } }", "p", admin.person().id())
			.failsWith("The organisation needs at least one active admin: make someone else an admin first", "BAD_USER_INPUT");

		MvcResult badDomain = mvc.perform(post("/admin/sign-up").param("mode", "DOMAINS").param("domains", "not a domain!")
			.with(user(admin.person().id()))
			.with(csrf())
			.locale(Locale.FRENCH)).andReturn();
		assertThat(badDomain.getFlashMap().get("policyProblem")).isEqualTo("Ce n’est pas un domaine e-mail : not");
		MvcResult badUses = mvc.perform(post("/admin/invites").param("maxUses", "many").with(user(admin.person().id()))
			.with(csrf())
			.locale(Locale.of("es"))).andReturn();
		assertThat(badUses.getFlashMap().get("inviteProblem")).isEqualTo("Escribe un número entero de usos");
		MvcResult tooManyDays = mvc.perform(post("/admin/invites").param("validForDays", "99").with(user(admin.person().id()))
			.with(csrf())
			.locale(Locale.of("nl"))).andReturn();
		assertThat(tooManyDays.getFlashMap().get("inviteProblem")).isEqualTo("Een uitnodiging moet 1 tot 30 dagen geldig zijn");

		mvc.perform(post("/admin/sign-up").param("mode", "DOMAINS").param("domains", "audit.test")
			.with(user(admin.person().id()))
			.with(csrf()));
		mvc.perform(post("/admin/invites").param("label", "Design").param("maxUses", "2").param("validForDays", "3")
			.with(user(admin.person().id()))
			.with(csrf()));
		mvc.perform(post("/admin/sign-up").param("mode", "INVITE").with(user(admin.person().id())).with(csrf()));
		String german = mvc.perform(get("/admin/audit").with(user(admin.person().id())).locale(Locale.GERMAN))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(german).contains("nach E-Mail-Domain (audit.test)")
			.contains("„Design“, 2-mal nutzbar, 3 Tage")
			.contains("nur mit Einladung");
		String english = page(admin, "/admin/audit");
		assertThat(english).contains("Admin Tester set who may sign up: by e-mail domain (audit.test)")
			.contains("Admin Tester created an organisation invite (“Design”, 2 uses, 3 days)")
			.contains("Admin Tester set who may sign up: by invitation");
		assertThat(admin.execute("{ auditLog(first: 3) { entries { action detail } } }").ok().text("auditLog.entries.1.detail"))
			.as("the log keeps what it stored")
			.isEqualTo("“Design”, 2 uses, 3 days");

		assertThat(mvc.perform(get("/admin/audit").with(user(someone.person().id())).locale(Locale.GERMAN))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Nur Admins der Organisation können das Audit-Log sehen");
		someone.execute("{ auditLog(first: 3) { hasMore } }").failsWith("Only organisation admins can see the audit log", "FORBIDDEN");
	}

	@Test
	void everyAdminPageAndFormRefusesEveryoneElse() throws Exception {
		String id = admin.person().id();
		for (String path : List.of("/admin/people", "/admin/sign-up", "/admin/audit", "/admin/people/" + id + "/erase")) {
			assertThat(mvc.perform(get(path).with(user(someone.person().id()))).andReturn().getResponse().getStatus())
				.as(path)
				.isEqualTo(403);
		}
		for (String path : List.of("/admin/people/" + id + "/promote", "/admin/people/" + id + "/demote",
				"/admin/people/" + id + "/deactivate", "/admin/people/" + id + "/reactivate", "/admin/people/" + id + "/erase",
				"/admin/invites", "/admin/invites/some-invite/revoke")) {
			assertThat(mvc.perform(post(path).with(user(someone.person().id())).with(csrf())).andReturn().getResponse().getStatus())
				.as(path)
				.isEqualTo(403);
		}
		assertThat(mvc.perform(post("/admin/sign-up").param("mode", "OPEN").with(user(someone.person().id())).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(lineOf(admin.execute(PEOPLE).ok(), id).at("/status").asString()).isEqualTo("ACTIVE");
	}

	/** Makes the given admin the organisation's only one, as on a small installation. */
	private void onlyAdmin(Caller only) {
		jdbc.sql("delete from organisation_admin where person_id <> ?").param(only.person().id()).update();
	}

	private void join(Caller joining, Caller owner, String squadId) {
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		joining.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
	}

	/** A session where each voter votes green on the first question (the first voter also writes a note), then ended. */
	private String votedAndEnded(Caller owner, String squadId, List<Caller> voters, boolean withNote) {
		GraphQlResponse session = owner.execute(
				"mutation($s: String!) { createSession(input: {squadId: $s, resultVisibility: ON_REVEAL}) { id questions { id } } }",
				"s", squadId).ok();
		String sessionId = session.text("createSession.id");
		String questionId = session.text("createSession.questions.0.id");
		for (Caller voter : voters) {
			voter.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2}) { id } }",
					"s", sessionId, "q", questionId).ok();
		}
		if (withNote) {
			voters.get(0).execute("mutation($s: String!) { addNote(input: {sessionId: $s, body: \"A note by Zelda\"}) { id } }", "s",
					sessionId).ok();
		}
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		return sessionId;
	}

	/** A page's HTML without its CSRF tokens, which differ on every rendering. */
	private String page(Caller caller, String path) throws Exception {
		String html = mvc.perform(get(path).with(user(caller.person().id()))).andReturn().getResponse().getContentAsString();
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\">", "");
	}

	/** The results of a results page: its overview and each question's result, not who is in the squad now. */
	private static String results(String page) {
		int overview = page.indexOf("aria-label=\"Overview\"");
		int eachResult = page.indexOf("</section>", overview) + 1;
		return page.substring(overview, page.indexOf("</section>", eachResult));
	}

	private static JsonNode lineOf(GraphQlResponse people, String personId) {
		for (JsonNode line : people.data("organisationPeople")) {
			if (line.at("/person/id").asString().equals(personId)) {
				return line;
			}
		}
		return null;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asString()));
		return texts;
	}

}
