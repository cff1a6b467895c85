package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.featurecreep.healthcheck.SessionLifecycle.StartOptions;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.identity.Person;
import io.featurecreep.library.QuestionLibrary;
import io.featurecreep.shared.DomainException;
import io.featurecreep.squads.SquadManagement;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;

/** Starting with questions chosen before the start, and the facilitator's timer; services and GraphQL alike. */
@FeatureCreepTest
class SessionSetupTests {

	@Autowired
	GraphQlApi api;

	@Autowired
	SquadManagement squads;

	@Autowired
	SessionLifecycle lifecycle;

	@Autowired
	SessionFacilitation facilitation;

	@Autowired
	SessionStore store;

	@Autowired
	QuestionLibrary library;

	@Test
	void aSessionStartsWithTheQuestionsChosenInTheirOrder() {
		Person owner = api.newPerson("Owner");
		String squadId = squads.create(owner.id(), "Chosen", true).id();

		HealthSession session = lifecycle.start(owner.id(), squadId, new StartOptions(null, SessionMode.LIVE, null,
				ResultVisibility.ON_REVEAL, List.of(new NewQuestion("Pairing", "We pair", null), new NewQuestion("fun ", null, null))));

		List<SessionQuestion> questions = store.questions(session.id());
		assertThat(questions).extracting(SessionQuestion::title).containsExactly("Pairing", "fun");
		assertThat(session.activeQuestionId()).isEqualTo(questions.get(0).id());
		assertThat(questions.get(1).libraryQuestionId()).as("a default indicator, matched by its title")
			.isEqualTo(library.defaults().stream().filter(q -> q.title().equals("Fun")).findFirst().orElseThrow().id());
		assertThat(library.search(api.newPerson("Colleague").organisationId(), "pairing", 5))
			.extracting(q -> q.title())
			.contains("Pairing");
	}

	@Test
	void anEmptyListStartsNothing() {
		Person owner = api.newPerson("Owner");
		String squadId = squads.create(owner.id(), "Empty", true).id();

		assertThatThrownBy(() -> lifecycle.start(owner.id(), squadId,
				new StartOptions(null, SessionMode.LIVE, null, ResultVisibility.ON_REVEAL, List.of())))
			.isInstanceOf(DomainException.class)
			.hasMessage("A session needs at least one question");
		assertThatThrownBy(() -> lifecycle.start(owner.id(), squadId, new StartOptions(null, SessionMode.LIVE, null,
				ResultVisibility.ON_REVEAL, List.of(new NewQuestion(" ", null, null)))))
			.hasMessage("Question must not be empty");
		assertThat(store.findActive(squadId)).isEmpty();
	}

	@Test
	void theTimerRunsForTheActiveQuestionUntilTheFacilitatorMovesOn() {
		Person owner = api.newPerson("Owner");
		Person member = api.newPerson("Member");
		String squadId = squads.create(owner.id(), "Timed", true).id();
		squads.join(member.id(), squads.createInvite(owner.id(), squadId, Duration.ofHours(1)).token());
		HealthSession session = lifecycle.start(owner.id(), squadId,
				new StartOptions(null, SessionMode.LIVE, null, ResultVisibility.ON_REVEAL));

		HealthSession timed = facilitation.setTimer(owner.id(), session.id(), Duration.ofMinutes(2));

		assertThat(timed.timerEndsAt()).isAfter(session.createdAt().plusSeconds(100));
		assertThatThrownBy(() -> facilitation.setTimer(member.id(), session.id(), Duration.ofMinutes(1)))
			.hasMessageContaining("Only the facilitator");
		assertThatThrownBy(() -> facilitation.setTimer(owner.id(), session.id(), Duration.ofHours(2)))
			.hasMessage("A timer runs for between 1 second and 60 minutes");
		String second = store.questions(session.id()).get(1).id();
		assertThat(facilitation.setActiveQuestion(owner.id(), session.id(), second).timerEndsAt()).isNull();
	}

	@Test
	void graphQlStartsWithChosenQuestionsAndSetsTheTimer() {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Api\"}) { id } }").ok().text("createSquad.id");

		String sessionId = owner.execute("""
				mutation($s: String!) { createSession(input: {squadId: $s, resultVisibility: ON_REVEAL,
				  questions: [{question: "Pairing"}, {question: "Speed"}]}) { id questions { question } } }""", "s", squadId)
			.ok()
			.text("createSession.id");
		assertThat(store.questions(sessionId)).extracting(SessionQuestion::title).containsExactly("Pairing", "Speed");

		String endsAt = owner
			.execute("mutation($s: String!) { setTimer(input: {sessionId: $s, seconds: 90}) { timerEndsAt } }", "s",
					sessionId)
			.ok()
			.text("setTimer.timerEndsAt");
		assertThat(endsAt).isNotNull();
		assertThat(owner
			.execute("mutation($s: String!) { setTimer(input: {sessionId: $s, seconds: 0}) { timerEndsAt } }", "s",
					sessionId)
			.ok()
			.text("setTimer.timerEndsAt")).isNull();
	}

}
