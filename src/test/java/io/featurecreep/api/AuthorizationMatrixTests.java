package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/**
 * Every query and mutation, called by someone not signed in, an outsider (signed in, not in the squad), a
 * member and an owner, against a fresh squad with a running session. "ok" means no error; otherwise the
 * expected error code, and where the code alone is ambiguous, its message.
 */
@FeatureCreepTest
class AuthorizationMatrixTests {

	static final String OK = "ok";

	static final String UNAUTH = "UNAUTHENTICATED:Context creation failed: JWT is required";

	@Autowired
	GraphQlApi api;

	@Autowired
	JdbcClient jdbc;

	Fixture fixture;

	record Fixture(Caller owner, Caller member, Caller outsider, Caller anonymous, String squadId, String sessionId,
			String questionId, String inviteToken, String ownerTokenId) {

		Caller as(String role) {
			return switch (role) {
				case "anonymous" -> anonymous;
				case "outsider" -> outsider;
				case "member" -> member;
				case "owner" -> owner;
				default -> throw new IllegalArgumentException(role);
			};
		}

	}

	@BeforeEach
	void freshSquad() {
		Caller owner = api.as(api.newPerson("Owner"));
		Caller member = api.as(api.newPerson("Member"));
		Caller outsider = api.as(api.newPerson("Outsider"));
		// the first person of a fresh database administers the organisation: none of these may be that person
		for (Caller each : List.of(owner, member, outsider)) {
			jdbc.sql("delete from organisation_admin where person_id = ?").param(each.person().id()).update();
		}
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Matrix\"}) { id } }").ok().text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
		GraphQlResponse session = owner.execute(
				"mutation($s: String!) { createSession(input: {squadId: $s, resultVisibility: ON_REVEAL}) { id questions { id } } }",
				"s", squadId)
			.ok();
		String ownerTokenId = owner.execute("mutation { createAccessToken(input: {name: \"mine\"}) { token { id } } }")
			.ok()
			.text("createAccessToken.token.id");
		fixture = new Fixture(owner, member, outsider, api.anonymous(), squadId, session.text("createSession.id"),
				session.text("createSession.questions.0.id"), token, ownerTokenId);
	}

	record Row(String operation, Function<Fixture, Object[]> request, String anonymous, String outsider, String member,
			String owner) {

		String expected(String role) {
			return switch (role) {
				case "anonymous" -> anonymous;
				case "outsider" -> outsider;
				case "member" -> member;
				default -> owner;
			};
		}

		@Override
		public String toString() {
			return operation;
		}

	}

	static Row row(String operation, Function<Fixture, Object[]> request, String outsider, String member, String owner) {
		return new Row(operation, request, UNAUTH, outsider, member, owner);
	}

	static Object[] doc(String document, Object... variables) {
		Object[] all = new Object[variables.length + 1];
		all[0] = document;
		System.arraycopy(variables, 0, all, 1, variables.length);
		return all;
	}

	static final String BAD = "BAD_USER_INPUT";

	static List<Row> rows() {
		return List.of(
				row("ping", f -> doc("{ ping }"), OK, OK, OK),
				row("person", f -> doc("{ person { id } }"), OK, OK, OK),
				row("me", f -> doc("{ me { id } }"), OK, OK, OK),
				row("setMyLocale", f -> doc("mutation { setMyLocale(locale: \"de\") { id locale } }"), OK, OK, OK),
				row("squads", f -> doc("{ squads { id } }"), OK, OK, OK),
				row("squads ALL", f -> doc("{ squads(filter: {filter: ALL}) { id } }"), OK, OK, OK),
				row("squad", f -> doc("query($s: String!) { squad(id: $s) { id name members { id } } }", "s", f.squadId()),
						BAD + ":Invalid squad ID", OK, OK),
				row("invite", f -> doc("query($t: String!) { invite(token: $t) { squadName valid } }", "t", f.inviteToken()),
						OK, OK, OK),
				row("session", f -> doc("query($s: String!) { session(id: $s) { id activeQuestion { id } } }", "s",
						f.sessionId()), BAD + ":Session not found", OK, OK),
				row("question", f -> doc("query($s: String!, $q: String!) { question(sessionId: $s, questionId: $q) { id } }",
						"s", f.sessionId(), "q", f.questionId()), BAD + ":Invalid session ID", OK, OK),
				row("timeseries", f -> doc("query($s: String!) { timeseries(squadId: $s, questionName: \"Fun\") { value } }",
						"s", f.squadId()), BAD + ":Invalid squad ID", OK, OK),
				row("search", f -> doc("{ search(search: \"fun\") { question } }"), OK, OK, OK),
				row("libraryQuestions", f -> doc("{ libraryQuestions(search: \"fun\") { questions { id } } }"), OK, OK, OK),
				row("editPerson", f -> doc("mutation { editPerson(person: {firstName: \"New\"}) { id } }"), OK, OK, OK),
				row("createSquad", f -> doc("mutation { createSquad(input: {name: \"Mine\"}) { id } }"), OK, OK, OK),
				row("updateSquad", f -> doc("mutation($s: String!) { updateSquad(input: {squadId: $s, name: \"R\"}) { id } }",
						"s", f.squadId()), "NOT_FOUND", "FORBIDDEN", OK),
				row("setSquadOpen", f -> doc("mutation($s: String!) { setSquadOpen(input: {squadId: $s}) { open } }", "s",
						f.squadId()), BAD + ":Invalid squad ID", "FORBIDDEN", OK),
				row("createInvite", f -> doc("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s",
						f.squadId()), "NOT_FOUND", "FORBIDDEN", OK),
				row("revokeInvite", f -> doc("mutation($t: String!) { revokeInvite(token: $t) { revoked } }", "t",
						f.inviteToken()), "NOT_FOUND", "FORBIDDEN", OK),
				row("joinSquad", f -> doc("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", f.inviteToken()),
						OK, OK, OK),
				row("addMemberToSquad (self, closed squad)",
						f -> doc("mutation($s: String!, $p: String!) { addMemberToSquad(input: {squadId: $s, personId: $p}) { id } }",
								"s", f.squadId(), "p", "SELF"),
						BAD + ":Squad does not exist",
						"UNAUTHENTICATED:Cannot add a person to a squad that is not open",
						"UNAUTHENTICATED:Cannot add a person to a squad that is not open"),
				row("removeMemberFromSquad (the member)",
						f -> doc("mutation($s: String!, $p: String!) { removeMemberFromSquad(input: {squadId: $s, personId: $p}) { id } }",
								"s", f.squadId(), "p", f.member().person().id()),
						BAD + ":Squad does not exist", OK, OK),
				row("removeMemberFromSquad (the owner)",
						f -> doc("mutation($s: String!, $p: String!) { removeMemberFromSquad(input: {squadId: $s, personId: $p}) { id } }",
								"s", f.squadId(), "p", f.owner().person().id()),
						BAD + ":Squad does not exist", "FORBIDDEN",
						BAD + ":The last owner cannot leave while others remain; make someone else an owner first"),
				row("changeMemberRole",
						f -> doc("mutation($s: String!, $p: String!) { changeMemberRole(input: {squadId: $s, personId: $p, role: OWNER}) { id } }",
								"s", f.squadId(), "p", f.member().person().id()),
						"NOT_FOUND", "FORBIDDEN", OK),
				row("setNotificationConfig",
						f -> doc("mutation($s: String!) { setNotificationConfig(input: {squadId: $s, discordWebhook: \"https://example.com/x\"}) { id } }",
								"s", f.squadId()),
						BAD + ":Invalid squad ID", "FORBIDDEN", BAD + ":Discord webhook failed validation"),
				row("clearNotificationConfig", f -> doc("mutation($s: String!) { clearNotificationConfig(squadId: $s) { id } }",
						"s", f.squadId()), "NOT_FOUND", "FORBIDDEN", OK),
				row("notificationConfig", f -> doc("query($s: String!) { squad(id: $s) { notificationConfig { discordWebhook } } }",
						"s", f.squadId()), BAD + ":Invalid squad ID", OK, OK),
				row("setSquadTemplate",
						f -> doc("mutation($s: String!) { setSquadTemplate(input: {squadId: $s, questions: [{question: \"Fun\"}]}) { id } }",
								"s", f.squadId()),
						"NOT_FOUND", "FORBIDDEN", OK),
				row("createSession", f -> doc("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s",
						f.squadId()), BAD + ":Invalid squad ID", OK, OK),
				row("addQuestion",
						f -> doc("mutation($s: String!) { addQuestion(input: {sessionId: $s, question: {question: \"Q?\"}}) { id } }",
								"s", f.sessionId()),
						BAD + ":Invalid session ID", OK, OK),
				row("answerQuestion",
						f -> doc("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2}) { id } }",
								"s", f.sessionId(), "q", f.questionId()),
						BAD + ":Invalid session ID", OK, OK),
				row("setActiveQuestion",
						f -> doc("mutation($s: String!, $q: String!) { setActiveQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
								"s", f.sessionId(), "q", f.questionId()),
						BAD + ":Invalid session ID", "FORBIDDEN", OK),
				row("revealQuestion",
						f -> doc("mutation($s: String!, $q: String!) { revealQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
								"s", f.sessionId(), "q", f.questionId()),
						BAD + ":Invalid session ID", "FORBIDDEN", OK),
				row("setTimer",
						f -> doc("mutation($s: String!) { setTimer(input: {sessionId: $s, seconds: 60}) { timerEndsAt } }",
								"s", f.sessionId()),
						BAD + ":Invalid session ID", "FORBIDDEN", OK),
				row("removeQuestion",
						f -> doc("mutation($s: String!, $q: String!) { removeQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
								"s", f.sessionId(), "q", f.questionId()),
						BAD + ":Invalid session ID", "FORBIDDEN", OK),
				row("accessTokens", f -> doc("{ accessTokens { id } }"), OK, OK, OK),
				row("outbox (organisation admins only)", f -> doc("{ outbox { dead } }"),
						"FORBIDDEN:Only organisation admins can see background work",
						"FORBIDDEN:Only organisation admins can see background work",
						"FORBIDDEN:Only organisation admins can see background work"),
				row("createAccessToken", f -> doc("mutation { createAccessToken(input: {name: \"ci\"}) { secret } }"), OK, OK,
						OK),
				row("revokeAccessToken (the owner's)", f -> doc("mutation($t: String!) { revokeAccessToken(id: $t) { revoked } }",
						"t", f.ownerTokenId()), "NOT_FOUND:Access token not found", "NOT_FOUND:Access token not found", OK),
				row("endSession", f -> doc("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s",
						f.sessionId()), BAD + ":Invalid session ID", "FORBIDDEN", OK),
				row("alerts", f -> doc("query($s: String!) { alerts(squadId: $s) { id } }", "s", f.squadId()),
						"NOT_FOUND:Squad not found", OK, OK),
				row("dismissAlert (no such alert)", f -> doc("mutation { dismissAlert(alertId: \"none\", note: \"n\") { id } }"),
						"NOT_FOUND:Alert not found.", "NOT_FOUND:Alert not found.", "NOT_FOUND:Alert not found."),
				row("discardSession", f -> doc("mutation($s: String!) { discardSession(sessionId: $s) { sessionId } }", "s",
						f.sessionId()), "NOT_FOUND:Session not found", "FORBIDDEN:Only squad owners can discard sessions", OK),
				adminsOnly("organisationPeople", f -> doc("{ organisationPeople { person { id } } }")),
				adminsOnly("signUpPolicy", f -> doc("{ signUpPolicy { mode } }")),
				adminsOnly("organisationInvites", f -> doc("{ organisationInvites { id } }")),
				adminsOnly("auditLog", f -> doc("{ auditLog { hasMore } }")),
				adminsOnly("setSignUpPolicy", f -> doc("mutation { setSignUpPolicy(input: {mode: OPEN}) { mode } }")),
				adminsOnly("createOrganisationInvite",
						f -> doc("mutation { createOrganisationInvite(input: {maxUses: 1}) { path } }")),
				adminsOnly("revokeOrganisationInvite", f -> doc("mutation { revokeOrganisationInvite(id: \"none\") { id } }")),
				// the people these aim at do not exist, so that an admin by accident changes nobody
				adminsOnly("promoteToAdmin", f -> doc("mutation { promoteToAdmin(personId: \"nobody\") { admin } }")),
				adminsOnly("demoteAdmin", f -> doc("mutation { demoteAdmin(personId: \"nobody\") { admin } }")),
				adminsOnly("deactivatePerson", f -> doc("mutation { deactivatePerson(personId: \"nobody\") { status } }")),
				adminsOnly("reactivatePerson", f -> doc("mutation { reactivatePerson(personId: \"nobody\") { status } }")),
				adminsOnly("erasePerson", f -> doc("mutation { erasePerson(personId: \"nobody\") { status } }")));
	}

	/** An operation of organisation admins: everyone else gets FORBIDDEN. */
	static Row adminsOnly(String operation, Function<Fixture, Object[]> request) {
		return row(operation + " (organisation admins only)", request, "FORBIDDEN", "FORBIDDEN", "FORBIDDEN");
	}

	static Stream<Arguments> cases() {
		return rows().stream()
			.flatMap(row -> Stream.of("anonymous", "outsider", "member", "owner").map(role -> Arguments.of(row, role)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cases")
	void everyOperationChecksWhoIsAsking(Row row, String role) {
		Caller caller = fixture.as(role);
		Object[] request = row.request().apply(fixture);
		Object[] variables = new Object[request.length - 1];
		System.arraycopy(request, 1, variables, 0, variables.length);
		for (int i = 1; i < variables.length; i += 2) {
			if ("SELF".equals(variables[i])) {
				variables[i] = caller.person() == null ? "nobody" : caller.person().id();
			}
		}
		GraphQlResponse response = caller.execute((String) request[0], variables);
		String expected = row.expected(role);
		if (expected.equals(OK)) {
			response.ok();
		}
		else if (expected.contains(":")) {
			String[] parts = expected.split(":", 2);
			response.failsWith(parts[1], parts[0]);
		}
		else {
			assertThat(response.errorCodes()).as("%s", response.body()).containsExactly(expected);
		}
	}

	@org.junit.jupiter.api.Test
	void outsidersSeeNoPersonOutsideTheirSquads() {
		String ownerId = fixture.owner().person().id();
		GraphQlResponse seenByOutsider = fixture.outsider()
			.execute("query($p: String) { person(id: $p) { id email } }", "p", ownerId)
			.ok();
		assertThat(seenByOutsider.data("person").isNull()).isTrue();
		GraphQlResponse seenByMember = fixture.member()
			.execute("query($p: String) { person(id: $p) { id } }", "p", ownerId)
			.ok();
		assertThat(seenByMember.text("person.id")).isEqualTo(ownerId);
	}

	@org.junit.jupiter.api.Test
	void squadListsShowOnlyOwnSquads() {
		assertThat(fixture.outsider().execute("{ squads(filter: {filter: ALL}) { id } }").ok().data("squads").isEmpty())
			.isTrue();
		assertThat(fixture.member().execute("{ squads(filter: {filter: ALL}) { id } }").ok().text("squads.0.id"))
			.isEqualTo(fixture.squadId());
	}

	@org.junit.jupiter.api.Test
	void onlyOwnersSeeInvites() {
		fixture.member()
			.execute("query($s: String!) { squad(id: $s) { invites { token } } }", "s", fixture.squadId())
			.failsWith("Only squad owners can see invites", "FORBIDDEN");
		assertThat(fixture.owner()
			.execute("query($s: String!) { squad(id: $s) { invites { token } } }", "s", fixture.squadId())
			.ok()
			.text("squad.invites.0.token")).isEqualTo(fixture.inviteToken());
	}

	@org.junit.jupiter.api.Test
	void aTokenInviteDoesNotOpenTheSquadToEveryone() {
		String squadId = fixture.squadId();
		assertThat(fixture.owner().execute("query($s: String!) { squad(id: $s) { open } }", "s", squadId).ok()
			.data("squad.open").asBoolean()).isFalse();
		fixture.outsider()
			.execute("mutation($s: String!, $p: String!) { addMemberToSquad(input: {squadId: $s, personId: $p}) { id } }",
					"s", squadId, "p", fixture.outsider().person().id())
			.failsWith("Squad does not exist", "BAD_USER_INPUT");
	}

}
