package io.featurecreep.squads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.MovableClock;

/** Invites, joining, roles and squad settings, with a clock the tests move. */
@FeatureCreepTest
class SquadMembershipTests {

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	@Autowired
	GraphQlApi api;

	@Autowired
	MovableClock clock;

	Caller owner;

	String squadId;

	@BeforeEach
	void squad() {
		owner = api.as(api.newPerson("Owner"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Tribe\"}) { id } }").ok().text("createSquad.id");
	}

	String invite(int minutes) {
		return owner.execute("mutation($s: String!, $m: Int) { createInvite(input: {squadId: $s, validForMinutes: $m}) { token } }",
				"s", squadId, "m", minutes)
			.ok()
			.text("createInvite.token");
	}

	@Test
	void anInviteAdmitsUntilItExpires() {
		String token = invite(60);
		Caller early = api.as(api.newPerson("Early"));
		GraphQlResponse preview = early.execute("query($t: String!) { invite(token: $t) { squadName valid alreadyMember } }", "t", token)
			.ok();
		assertThat(preview.text("invite.squadName")).isEqualTo("Tribe");
		assertThat(preview.data("invite.valid").asBoolean()).isTrue();
		early.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();

		clock.advance(Duration.ofMinutes(61));
		Caller late = api.as(api.newPerson("Late"));
		assertThat(late.execute("query($t: String!) { invite(token: $t) { valid } }", "t", token).ok().data("invite.valid").asBoolean())
			.isFalse();
		late.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token)
			.failsWith("This invite link has expired or was revoked", "FORBIDDEN");
		assertThat(memberNames()).containsExactly("Owner", "Early");
	}

	@Test
	void aRevokedInviteAdmitsNobody() {
		String token = invite(60);
		owner.execute("mutation($t: String!) { revokeInvite(token: $t) { revoked valid } }", "t", token).ok();
		api.as(api.newPerson("Late"))
			.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token)
			.failsWith("This invite link has expired or was revoked", "FORBIDDEN");
		api.as(api.newPerson("Guess"))
			.execute("mutation { joinSquad(token: \"made-up\") { id } }")
			.failsWith("Invite not found", "NOT_FOUND");
	}

	@Test
	void invitesLastBetweenAMinuteAndThirtyDays() {
		for (int minutes : new int[] { 0, -5, 43_201 }) {
			owner.execute("mutation($s: String!, $m: Int) { createInvite(input: {squadId: $s, validForMinutes: $m}) { token } }",
					"s", squadId, "m", minutes)
				.failsWith("An invite must be valid for between 1 minute and 30 days", "BAD_USER_INPUT");
		}
	}

	@Test
	void setSquadOpenKeepsTheSquadOpenForThirtyMinutes() {
		owner.execute("mutation($s: String!) { setSquadOpen(input: {squadId: $s}) { open } }", "s", squadId).ok();
		clock.advance(Duration.ofMinutes(29));
		assertThat(open()).isTrue();
		clock.advance(Duration.ofMinutes(2));
		assertThat(open()).isFalse();
		Caller late = api.as(api.newPerson("Late"));
		late.execute("mutation($s: String!, $p: String!) { addMemberToSquad(input: {squadId: $s, personId: $p}) { id } }",
				"s", squadId, "p", late.person().id())
			.failsWith("Squad does not exist", "BAD_USER_INPUT");
	}

	@Test
	void ownersShareTheSquadAndTheLastOwnerStays() {
		Caller member = api.as(api.newPerson("Member"));
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", invite(10)).ok();
		String promote = "mutation($s: String!, $p: String!, $r: SquadRole!) { changeMemberRole(input: {squadId: $s, personId: $p, role: $r}) { memberships { role person { firstName } } } }";
		owner.execute(promote, "s", squadId, "p", member.person().id(), "r", "OWNER").ok();
		assertThat(member.execute("query($s: String!) { squad(id: $s) { myRole } }", "s", squadId).ok().text("squad.myRole"))
			.isEqualTo("OWNER");
		member.execute(promote, "s", squadId, "p", owner.person().id(), "r", "MEMBER").ok();
		owner.execute(promote, "s", squadId, "p", member.person().id(), "r", "MEMBER")
			.failsWith("Only squad owners can change roles", "FORBIDDEN");
		member.execute(promote, "s", squadId, "p", member.person().id(), "r", "MEMBER")
			.failsWith("A squad needs at least one owner", "BAD_USER_INPUT");
	}

	@Test
	void ownersRenameASquadAndChooseAnonymity() {
		GraphQlResponse updated = owner
			.execute("mutation($s: String!) { updateSquad(input: {squadId: $s, name: \"Renamed\", anonymous: true}) { name anonymous } }",
					"s", squadId)
			.ok();
		assertThat(updated.text("updateSquad.name")).isEqualTo("Renamed");
		assertThat(updated.data("updateSquad.anonymous").asBoolean()).isTrue();
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { anonymous } }", "s", squadId)
			.ok();
		assertThat(session.data("createSession.anonymous").asBoolean()).as("sessions take the squad's setting").isTrue();
	}

	/**
	 * Owners choose the language of the squad's channel messages; English until they do. An unknown language is bad
	 * input, and only owners choose. The API keeps its English words whatever the squad's language.
	 */
	@Test
	void ownersChooseTheLanguageOfTheSquadsChannelMessages() {
		String choose = "mutation($s: String!, $l: String) { updateSquad(input: {squadId: $s, reportLocale: $l}) { name reportLocale } }";
		String read = "query($s: String!) { squad(id: $s) { reportLocale } }";
		assertThat(owner.execute(read, "s", squadId).ok().data("squad.reportLocale").isNull()).as("English, not chosen").isTrue();

		GraphQlResponse chosen = owner.execute(choose, "s", squadId, "l", "de").ok();
		assertThat(chosen.text("updateSquad.reportLocale")).isEqualTo("de");
		assertThat(chosen.text("updateSquad.name")).as("what was not given stays").isEqualTo("Tribe");
		owner.execute("mutation($s: String!) { updateSquad(input: {squadId: $s, name: \"Stamm\"}) { id } }", "s", squadId).ok();
		assertThat(owner.execute(read, "s", squadId).ok().text("squad.reportLocale")).isEqualTo("de");
		assertThat(owner.execute(choose, "s", squadId, "l", "NL").ok().text("updateSquad.reportLocale")).isEqualTo("nl");

		for (String unknown : new String[] { "xx", "", "de-DE", "english" }) {
			owner.execute(choose, "s", squadId, "l", unknown)
				.failsWith("Unknown report language " + unknown + ": choose one of en, de, fr, es, nl", "BAD_USER_INPUT");
		}
		Caller member = api.as(api.newPerson("Member"));
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", invite(10)).ok();
		member.execute(choose, "s", squadId, "l", "fr").failsWith("Only squad owners can change squad settings", "FORBIDDEN");
		assertThat(member.execute(read, "s", squadId).ok().text("squad.reportLocale")).as("members see it").isEqualTo("nl");

		// while the squad is open, anyone signed in sees its name, but the rest stays with its members
		owner.execute("mutation($s: String!) { setSquadOpen(input: {squadId: $s}) { open } }", "s", squadId).ok();
		Caller outsider = api.as(api.newPerson("Outsider"));
		outsider.execute(read, "s", squadId).failsWith("Only members of this squad can see this", "FORBIDDEN");
		outsider.execute(choose, "s", squadId, "l", "fr").failsWith("Squad not found", "NOT_FOUND");
	}

	@Test
	void aCustomTemplateStartsNewSessionsAndAnEmptyOneRestoresTheDefaults() {
		owner.execute("""
				mutation($s: String!) { setSquadTemplate(input: {squadId: $s, questions: [
				  {question: "Fun", descriptionGood: "g", descriptionBad: "b"},
				  {question: "Our own question", descriptionGood: "good", descriptionBad: "bad"}]}) { id } }""", "s", squadId)
			.ok();
		GraphQlResponse template = owner.execute("query($s: String!) { squad(id: $s) { template { position question libraryQuestionId } } }",
				"s", squadId)
			.ok();
		assertThat(template.text("squad.template.0.libraryQuestionId")).as("a known title reuses its indicator")
			.isEqualTo("00000000-0000-0000-0001-000000000003");
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { question } } }", "s", squadId)
			.ok();
		assertThat(session.data("createSession.questions").size()).isEqualTo(2);
		assertThat(session.text("createSession.questions.1.question")).isEqualTo("Our own question");
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", session.text("createSession.id")).ok();

		owner.execute("mutation($s: String!) { setSquadTemplate(input: {squadId: $s, questions: []}) { id } }", "s", squadId).ok();
		assertThat(owner.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { questions { id } } }", "s", squadId)
			.ok()
			.data("createSession.questions")
			.size()).isEqualTo(8);
	}

	@Test
	void aQuestionWithoutVotesCanBeRemoved() {
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s, resultVisibility: ON_REVEAL}) { id questions { id } } }",
					"s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		String first = session.text("createSession.questions.0.id");
		String second = session.text("createSession.questions.1.id");
		owner.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 1}) { id } }",
				"s", sessionId, "q", second)
			.ok();
		owner.execute("mutation($s: String!, $q: String!) { removeQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
				"s", sessionId, "q", second)
			.failsWith("This question already has votes and cannot be removed", "BAD_USER_INPUT");
		GraphQlResponse removed = owner
			.execute("mutation($s: String!, $q: String!) { removeQuestion(input: {sessionId: $s, questionId: $q}) { questions { id } activeQuestion { id } } }",
					"s", sessionId, "q", first)
			.ok();
		assertThat(removed.data("removeQuestion.questions").size()).isEqualTo(7);
		assertThat(removed.text("removeQuestion.activeQuestion.id")).as("the next question becomes active").isEqualTo(second);
	}

	boolean open() {
		return owner.execute("query($s: String!) { squad(id: $s) { open } }", "s", squadId).ok().data("squad.open").asBoolean();
	}

	List<String> memberNames() {
		List<String> names = new ArrayList<>();
		owner.execute("query($s: String!) { squad(id: $s) { members { firstName } } }", "s", squadId)
			.ok()
			.data("squad.members")
			.forEach(m -> names.add(m.path("firstName").asString()));
		return names;
	}

}
