package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.featurecreep.WithH2;
import io.featurecreep.WithPostgres;
import io.featurecreep.insights.ResultHistory;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/** Voting: nothing lost under load, one vote per person, hidden until revealed, anonymous in storage. */
@FeatureCreepTest
class VotingTests {

	/** Runs on H2 always, and on PostgreSQL where FC_TEST_POSTGRES_URL is set. */
	abstract class Contract {

		static final String ANSWER = """
				mutation($s: String!, $q: String!, $a: Int!, $t: Trend, $c: String) {
				  answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t, comment: $c}) { id answer trend comment person { id } }
				}""";

		@Autowired
		GraphQlApi api;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		ResultHistory history;


		VoterSquad squad(int members, boolean anonymous) {
			return VoterSquad.create(api, members, anonymous);
		}

		GraphQlResponse start(VoterSquad squad, String visibility) {
			return squad.owner()
				.execute("mutation($s: String!, $v: ResultVisibility) { createSession(input: {squadId: $s, resultVisibility: $v}) { id questions { id } } }",
						"s", squad.id(), "v", visibility)
				.ok();
		}

		@Test
		void simultaneousVotesOfManyMembersAreAllKept() throws Exception {
			VoterSquad squad = squad(24, false);
			GraphQlResponse session = start(squad, "IMMEDIATE");
			String sessionId = session.text("createSession.id");
			List<String> questionIds = new ArrayList<>();
			session.data("createSession.questions").forEach(q -> questionIds.add(q.path("id").asString()));

			ExecutorService pool = Executors.newFixedThreadPool(12);
			try {
				List<Callable<GraphQlResponse>> votes = new ArrayList<>();
				for (Caller member : squad.members()) {
					for (String questionId : questionIds) {
						votes.add(() -> member.execute(ANSWER, "s", sessionId, "q", questionId, "a", 2));
					}
				}
				for (Future<GraphQlResponse> done : pool.invokeAll(votes)) {
					done.get().ok();
				}
			}
			finally {
				pool.shutdown();
			}
			for (String questionId : questionIds) {
				GraphQlResponse question = squad.owner()
					.execute("query($s: String!, $q: String!) { question(sessionId: $s, questionId: $q) { voteCount answers { answer } } }",
							"s", sessionId, "q", questionId)
					.ok();
				assertThat(question.data("question.voteCount").asInt()).isEqualTo(24);
				assertThat(question.data("question.answers").size()).isEqualTo(24);
			}
		}

		@Test
		void onePersonVotingManyTimesAtOnceKeepsOneVote() throws Exception {
			VoterSquad squad = squad(1, false);
			GraphQlResponse session = start(squad, "IMMEDIATE");
			String sessionId = session.text("createSession.id");
			String questionId = session.text("createSession.questions.0.id");
			Caller member = squad.members().get(0);
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<Callable<GraphQlResponse>> votes = new ArrayList<>();
				for (int i = 0; i < 16; i++) {
					int colour = i % 3;
					votes.add(() -> member.execute(ANSWER, "s", sessionId, "q", questionId, "a", colour));
				}
				for (Future<GraphQlResponse> done : pool.invokeAll(votes)) {
					done.get().ok();
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(jdbc.sql("select count(*) from vote where question_id = ?").param(questionId).query(Integer.class).single())
				.isEqualTo(1);
		}

		@Test
		void aVoteCanBeChangedUntilTheQuestionIsRevealed() {
			VoterSquad squad = squad(1, false);
			GraphQlResponse session = start(squad, "ON_REVEAL");
			String sessionId = session.text("createSession.id");
			String questionId = session.text("createSession.questions.0.id");
			Caller member = squad.members().get(0);
			String first = member.execute(ANSWER, "s", sessionId, "q", questionId, "a", 0).ok().text("answerQuestion.id");
			GraphQlResponse changed = member.execute(ANSWER, "s", sessionId, "q", questionId, "a", 2, "t", "IMPROVING", "c", "better")
				.ok();
			assertThat(changed.text("answerQuestion.id")).isEqualTo(first);
			assertThat(changed.text("answerQuestion.answer")).isEqualTo("2");
			assertThat(changed.text("answerQuestion.trend")).isEqualTo("IMPROVING");

			squad.owner()
				.execute("mutation($s: String!, $q: String!) { revealQuestion(input: {sessionId: $s, questionId: $q}) { revealed } }",
						"s", sessionId, "q", questionId)
				.ok();
			member.execute(ANSWER, "s", sessionId, "q", questionId, "a", 1)
				.failsWith("This question has been revealed: its votes are final", "BAD_USER_INPUT");
		}

		@Test
		void othersVotesStayHiddenUntilRevealButWhoVotedIsShown() {
			VoterSquad squad = squad(2, false);
			GraphQlResponse session = start(squad, "ON_REVEAL");
			String sessionId = session.text("createSession.id");
			String questionId = session.text("createSession.questions.0.id");
			Caller alice = squad.members().get(0);
			Caller bob = squad.members().get(1);
			alice.execute(ANSWER, "s", sessionId, "q", questionId, "a", 0, "c", "too many meetings").ok();
			bob.execute(ANSWER, "s", sessionId, "q", questionId, "a", 2).ok();

			String read = "query($s: String!, $q: String!) { question(sessionId: $s, questionId: $q) { voteCount revealed voters { id } answers { answer person { id } } myAnswer { answer } results { votes average colours { red yellow green } comments } } }";
			GraphQlResponse before = bob.execute(read, "s", sessionId, "q", questionId).ok();
			assertThat(before.data("question.voteCount").asInt()).isEqualTo(2);
			assertThat(before.data("question.voters").size()).isEqualTo(2);
			assertThat(before.data("question.answers").size()).as("only bob's own vote").isEqualTo(1);
			assertThat(before.text("question.answers.0.person.id")).isEqualTo(bob.person().id());
			assertThat(before.text("question.myAnswer.answer")).isEqualTo("2");
			assertThat(before.data("question.results").isNull()).isTrue();

			squad.owner()
				.execute("mutation($s: String!, $q: String!) { revealQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
						"s", sessionId, "q", questionId)
				.ok();
			GraphQlResponse after = bob.execute(read, "s", sessionId, "q", questionId).ok();
			assertThat(after.data("question.answers").size()).isEqualTo(2);
			assertThat(after.data("question.results.votes").asInt()).isEqualTo(2);
			assertThat(after.data("question.results.average").asDouble()).isEqualTo(1.0);
			assertThat(after.data("question.results.colours.red").asInt()).isEqualTo(1);
			assertThat(after.data("question.results.colours.green").asInt()).isEqualTo(1);
			assertThat(after.text("question.results.comments.0")).isEqualTo("too many meetings");
		}

		@Test
		void anonymousVotesCannotBeTracedToTheirVoterEvenInTheDatabase() {
			VoterSquad squad = squad(2, true);
			GraphQlResponse session = start(squad, null);
			String sessionId = session.text("createSession.id");
			String questionId = session.text("createSession.questions.0.id");
			Caller alice = squad.members().get(0);
			Caller bob = squad.members().get(1);
			GraphQlResponse own = alice.execute(ANSWER, "s", sessionId, "q", questionId, "a", 0).ok();
			assertThat(own.text("answerQuestion.person.id")).as("voters see their own vote as theirs")
				.isEqualTo(alice.person().id());
			bob.execute(ANSWER, "s", sessionId, "q", questionId, "a", 2).ok();

			List<Map<String, Object>> rows = jdbc.sql("select * from vote where question_id = ?").param(questionId).query().listOfRows();
			assertThat(rows).hasSize(2);
			for (Map<String, Object> row : rows) {
				assertThat(row.get("PERSON_ID")).isNull();
				assertThat(row.values().stream().map(String::valueOf))
					.noneMatch(value -> value.contains(alice.person().id()) || value.contains(bob.person().id()));
			}

			GraphQlResponse seenByBob = bob
				.execute("query($s: String!, $q: String!) { question(sessionId: $s, questionId: $q) { voters { id } answers { answer person { id } } } }",
						"s", sessionId, "q", questionId)
				.ok();
			assertThat(seenByBob.data("question.voters").size()).as("who voted is still shown").isEqualTo(2);
			List<String> people = new ArrayList<>();
			seenByBob.data("question.answers").forEach(a -> people.add(a.path("person").path("id").asString(null)));
			assertThat(people).as("before the reveal, only their own answer").containsExactly(bob.person().id());
		}

		@Test
		void asyncSessionsNeedAFutureDeadlineAndCloseWhenItPasses() throws Exception {
			VoterSquad squad = squad(1, false);
			String create = "mutation($s: String!, $d: String) { createSession(input: {squadId: $s, mode: ASYNC, deadline: $d}) { id mode resultVisibility deadline questions { id } } }";
			squad.owner().execute(create, "s", squad.id(), "d", null)
				.failsWith("An async session needs a deadline in the future", "BAD_USER_INPUT");
			squad.owner().execute(create, "s", squad.id(), "d", "tomorrow")
				.failsWith("Deadline must be an ISO-8601 instant, for example 2026-12-31T17:00:00Z", "BAD_USER_INPUT");
			// far enough ahead for the vote below on a loaded machine (CI shares two cores)
			Instant deadline = Instant.now().plusSeconds(4);
			GraphQlResponse session = squad.owner().execute(create, "s", squad.id(), "d", deadline.toString()).ok();
			assertThat(session.text("createSession.resultVisibility")).isEqualTo("ON_REVEAL");
			String sessionId = session.text("createSession.id");
			String questionId = session.text("createSession.questions.3.id");
			squad.members().get(0).execute(ANSWER, "s", sessionId, "q", questionId, "a", 1).ok();

			Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).plusMillis(200).toMillis()));
			squad.members().get(0).execute(ANSWER, "s", sessionId, "q", questionId, "a", 2)
				.failsWith("Session has ended", "BAD_USER_INPUT");
			GraphQlResponse closed = squad.owner()
				.execute("query($s: String!) { session(id: $s) { active endedAt questions { results { votes } } } }", "s", sessionId)
				.ok();
			assertThat(closed.data("session.active").asBoolean()).isFalse();
			assertThat(closed.data("session.questions.3.results.votes").asInt()).isEqualTo(1);
		}

		@Test
		void aSquadHasOneActiveSessionAndAskingAgainReturnsIt() throws Exception {
			VoterSquad squad = squad(3, false);
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<GraphQlResponse>> starts = new ArrayList<>();
				for (Caller member : squad.members()) {
					starts.add(() -> member.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s",
							squad.id()));
				}
				List<String> ids = new ArrayList<>();
				for (Future<GraphQlResponse> done : pool.invokeAll(starts)) {
					ids.add(done.get().ok().text("createSession.id"));
				}
				assertThat(ids).hasSize(3).containsOnly(ids.get(0));
			}
			finally {
				pool.shutdown();
			}
		}

		@Test
		void endingASessionTwiceIsHarmless() {
			VoterSquad squad = squad(0, false);
			String sessionId = start(squad, "IMMEDIATE").text("createSession.id");
			for (int i = 0; i < 3; i++) {
				GraphQlResponse ended = squad.owner()
					.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id active } }", "s", sessionId)
					.ok();
				assertThat(ended.data("endSession.active").asBoolean()).isFalse();
			}
		}

		@Test
		void theLatestEndedSessionOfEachSquadIsReadForAllSquadsAtOnce() {
			VoterSquad first = squad(1, false);
			VoterSquad second = squad(1, false);
			VoterSquad never = squad(0, false);
			List<String> latest = new ArrayList<>();
			for (VoterSquad squad : List.of(first, first, second)) {
				GraphQlResponse session = start(squad, "IMMEDIATE");
				String sessionId = session.text("createSession.id");
				squad.members()
					.get(0)
					.execute(ANSWER, "s", sessionId, "q", session.text("createSession.questions.0.id"), "a", 2)
					.ok();
				squad.owner().execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
				latest.add(sessionId);
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> history.latestOf(List.of(first.id(), second.id(), never.id())).size() == 2
						&& history.latestOf(List.of(first.id())).get(first.id()).sessionId().equals(latest.get(1)));
			Map<String, ResultHistory.SessionOutcome> outcomes = history.latestOf(List.of(first.id(), second.id(), never.id()));
			assertThat(outcomes.get(first.id()).sessionId()).isEqualTo(latest.get(1));
			assertThat(outcomes.get(second.id()).sessionId()).isEqualTo(latest.get(2));
			assertThat(outcomes.get(second.id()).questions()).hasSize(8);
			assertThat(outcomes).doesNotContainKey(never.id());
		}

		@Test
		void timeseriesGivesOnePointPerEndedSessionOldestFirst() {
			VoterSquad squad = squad(1, false);
			Caller member = squad.members().get(0);
			for (int colour = 0; colour < 3; colour++) {
				GraphQlResponse session = start(squad, "IMMEDIATE");
				String sessionId = session.text("createSession.id");
				member.execute(ANSWER, "s", sessionId, "q", session.text("createSession.questions.0.id"), "a", colour).ok();
				squad.owner().execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
			}
			String read = "query($s: String!) { timeseries(squadId: $s, questionName: \"Delivering value\") { timestamp value } }";
			await().atMost(Duration.ofSeconds(10))
				.until(() -> member.execute(read, "s", squad.id()).ok().data("timeseries").size() == 3);
			GraphQlResponse series = member.execute(read, "s", squad.id()).ok();
			assertThat(series.data("timeseries").size()).isEqualTo(3);
			List<Double> values = new ArrayList<>();
			List<Long> times = new ArrayList<>();
			series.data("timeseries").forEach(p -> {
				values.add(p.path("value").asDouble());
				times.add(Long.parseLong(p.path("timestamp").asString()));
			});
			assertThat(values).containsExactly(0.0, 1.0, 2.0);
			assertThat(times).isSorted();
			assertThat(member
				.execute("query($s: String!) { timeseries(squadId: $s, questionName: \"Unknown\") { value } }", "s", squad.id())
				.ok()
				.data("timeseries")
				.isEmpty()).isTrue();
		}

	}

	@Nested
	@WithH2
	class OnH2 extends Contract {

	}

	@Nested
	@WithPostgres
	class OnPostgres extends Contract {

	}

}
