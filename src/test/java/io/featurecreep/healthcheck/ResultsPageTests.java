package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.healthcheck.QuestionResult.Band;
import io.featurecreep.healthcheck.SessionLifecycle.StartOptions;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.identity.Person;
import io.featurecreep.squads.SquadManagement;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;

/**
 * The results page of an ended session says the same as every other surface: the colour of each average by the
 * one banding rule, the change against the last session that asked the indicator (and which one that was), and
 * "no votes" where nobody voted.
 */
@FeatureCreepTest
class ResultsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	SquadManagement squads;

	@Autowired
	SessionLifecycle lifecycle;

	@Autowired
	SessionStore store;

	@Autowired
	CastVote castVote;

	@Autowired
	ResultStore results;

	Person owner;

	List<Person> team;

	@BeforeEach
	void squadOfThree() {
		owner = api.newPerson("Owner");
		team = List.of(owner, api.newPerson("Bo"), api.newPerson("Cy"));
	}

	@Test
	void twoYellowsAndAGreenAreYellowOnTheResultsPageAsInTheOneRule() throws Exception {
		String squadId = squad(false);
		HealthSession sprint = session(squadId, "Sprint 1", "Easy to release");
		vote(sprint, 0, 1, 1, 2);
		end(sprint);

		assertThat(Band.of(4.0 / 3)).as("0 red, 2 yellow, 1 green").isEqualTo(Band.YELLOW);
		String overview = overview(page("/sessions/{id}/results", sprint.id()));
		assertThat(overview).contains("class=\"dot c-yellow\"").doesNotContain("c-green");
	}

	@Test
	void theChangeComparesWithTheLastSessionThatAskedTheIndicatorAndSaysWhichOne() throws Exception {
		String squadId = squad(false);
		HealthSession first = session(squadId, "Sprint 1", "Fun", "Speed");
		vote(first, 0, 2, 2, 2);
		vote(first, 1, 0, 0, 0);
		end(first);
		HealthSession second = session(squadId, "Sprint 2", "Fun");
		vote(second, 0, 1, 1, 1);
		end(second);
		HealthSession third = session(squadId, "Sprint 3", "Fun", "Speed");
		vote(third, 0, 1, 1, 1);
		vote(third, 1, 2, 2, 2);
		end(third);

		String page = page("/sessions/{id}/results", third.id());
		assertThat(section(page, "2. Speed")).contains("+2.0 since Sprint 1");
		assertThat(section(page, "1. Fun")).contains("Same as in Sprint 2");
	}

	@Test
	void aQuestionNobodyVotedOnSaysNoVotesNotWithheld() throws Exception {
		String squadId = squad(true);
		HealthSession sprint = session(squadId, "Quiet", "Fun", "Speed");
		vote(sprint, 0, 2, 2, 2);
		end(sprint);

		String page = page("/sessions/{id}/results", sprint.id());
		assertThat(section(page, "2. Speed")).contains("No votes").doesNotContain("Withheld");
	}

	@Test
	void theResultsPageSpeaksTheReadersLanguageAndWritesNumbersItsWay() throws Exception {
		String squadId = squad(false);
		HealthSession first = session(squadId, "Sprint 1", "Speed");
		vote(first, 0, 0, 0, 0);
		end(first);
		HealthSession second = session(squadId, "Sprint 2", "Speed");
		vote(second, 0, 1, 1, 2);
		end(second);

		String german = mvc.perform(get("/sessions/{id}/results", second.id()).header("Accept-Language", "de")
			.with(user(owner.id()))).andReturn().getResponse().getContentAsString();
		assertThat(german).contains("<title>Ergebnisse · Results · Feature Creep</title>", "Ergebnisse: Sprint 2",
				"Live-Health-Check, beendet am", "3 Mitglieder im Squad.", "Überblick", "Ø 1,3 · 3 Stimmen", "+1,3",
				"2× gelb", "Deine Stimme: gelb.", "Zurück zum Squad")
			.doesNotContain("avg", "Back to the squad");
		assertThat(mvc.perform(get("/sessions/{id}/results", second.id()).header("Accept-Language", "es")
			.with(user(owner.id()))).andReturn().getResponse().getContentAsString()).contains("media 1,3 · 3 votos",
					"2 amarillos", "Tu voto: amarillo.");
		assertThat(page("/sessions/{id}/results", second.id())).contains("1.3 avg · 3 votes", "+1.3");
	}

	String squad(boolean anonymous) {
		String squadId = squads.create(owner.id(), "Results", anonymous).id();
		String token = squads.createInvite(owner.id(), squadId, Duration.ofDays(1)).token();
		team.subList(1, team.size()).forEach(member -> squads.join(member.id(), token));
		return squadId;
	}

	HealthSession session(String squadId, String name, String... titles) {
		return lifecycle.start(owner.id(), squadId, new StartOptions(name, SessionMode.LIVE, null,
				ResultVisibility.ON_REVEAL, java.util.Arrays.stream(titles).map(t -> new NewQuestion(t, null, null)).toList()));
	}

	/** Each member of the team votes on the question at this index, in team order. */
	void vote(HealthSession session, int question, int... colours) {
		String questionId = store.questions(session.id()).get(question).id();
		for (int i = 0; i < colours.length; i++) {
			castVote.cast(team.get(i).id(), new Ballot(session.id(), questionId, colours[i], null, null));
		}
	}

	/** Ends the session and waits until its results are recorded, so that later sessions compare with it. */
	void end(HealthSession session) {
		lifecycle.end(owner.id(), session.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> results.hasResults(session.id()));
	}

	String page(String path, String id) throws Exception {
		return mvc.perform(get(path, id).with(user(owner.id()))).andReturn().getResponse().getContentAsString();
	}

	static String overview(String page) {
		int start = page.indexOf("aria-label=\"Overview\"");
		return page.substring(start, page.indexOf("</section>", start));
	}

	/** The part of the results page about one question, from its heading to the next. */
	static String section(String page, String heading) {
		int start = page.indexOf(">" + heading + "</h2>");
		assertThat(start).as("%s in %s", heading, page).isNotNegative();
		int next = page.indexOf("<h2", start + 1);
		return page.substring(start, next < 0 ? page.length() : next);
	}

}
