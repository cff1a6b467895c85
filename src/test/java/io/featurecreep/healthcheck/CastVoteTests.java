package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.WithH2;
import io.featurecreep.WithPostgres;
import io.featurecreep.healthcheck.SessionChanged.Change;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A vote through the API, on H2 and on PostgreSQL: every refusal in the original's order, what is stored, the live
 * event and the metric, and votes racing a reveal. On PostgreSQL a vote that passes every check is written by one
 * statement ({@link VoteUpsert}); these tests also make sure that it really is, and that the refusals are not.
 */
@FeatureCreepTest
class CastVoteTests {

	/** Runs on H2 always, and on PostgreSQL where FC_TEST_POSTGRES_URL is set. */
	abstract class Contract {

		static final String ANSWER = """
				mutation($s: String!, $q: String!, $a: Int!, $t: Trend, $c: String) {
				  answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t, comment: $c}) { id answer trend comment person { id } }
				}""";

		static final String REVEAL = "mutation($s: String!, $q: String!) { revealQuestion(input: {sessionId: $s, questionId: $q}) { id } }";

		static final String END = "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }";

		static final String DISCARD = "mutation($s: String!) { discardSession(sessionId: $s) { sessionId } }";

		static final String INVALID_SESSION = "Invalid session ID";

		static final String RANGE = "Answer must be a number 0-2";

		static final String ENDED = "Session has ended";

		static final String UNKNOWN_QUESTION = "Invalid question ID";

		static final String REVEALED = "This question has been revealed: its votes are final";

		static final String BAD_COMMENT = "Comment must not contain control characters other than line breaks and tabs";

		@Autowired
		GraphQlApi api;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		VoteUpsert upsert;

		@Autowired
		LiveSessionFeed feed;

		@Autowired
		MeterRegistry meters;

		@Autowired
		SessionStore store;

		@Autowired
		TransactionTemplate transactions;

		/** Whether votes that pass every check are written by one statement here. */
		abstract boolean inOneStatement();


		record Session(String id, List<String> questionIds) {

			String question() {
				return questionIds.get(0);
			}

		}

		VoterSquad squad(int members, boolean anonymous) {
			return VoterSquad.create(api, members, anonymous);
		}

		Session start(VoterSquad squad) {
			GraphQlResponse started = squad.owner()
				.execute("mutation($s: String!) { createSession(input: {squadId: $s, resultVisibility: ON_REVEAL}) { id questions { id } } }",
						"s", squad.id())
				.ok();
			List<String> questions = new ArrayList<>();
			started.data("createSession.questions").forEach(q -> questions.add(q.path("id").asString()));
			return new Session(started.text("createSession.id"), questions);
		}

		GraphQlResponse vote(Caller voter, Session session, String questionId, int colour) {
			return voter.execute(ANSWER, "s", session.id(), "q", questionId, "a", colour);
		}

		int storedVotes(String questionId) {
			return jdbc.sql("select count(*) from vote where question_id = ?").param(questionId).query(Integer.class).single();
		}

		/** Asserts how many of the votes made meanwhile were written by the one statement: all of them, or none on H2. */
		void assertWrittenInOneStatement(long before, int votes) {
			assertThat(upsert.written() - before).as("votes written by the one statement")
				.isEqualTo(inOneStatement() ? votes : 0);
		}

		@Test
		void eachRefusalComesInTheOriginalsOrderAndWritesNothing() {
			VoterSquad squad = squad(1, false);
			Caller member = squad.members().get(0);
			Caller outsider = api.as(api.newPerson("Outsider"));
			Session running = start(squad);
			long before = upsert.written();

			// the session comes first, even before the colour
			vote(outsider, running, running.question(), 7).failsWith(INVALID_SESSION, "BAD_USER_INPUT");
			vote(outsider, running, running.question(), 1).failsWith(INVALID_SESSION, "BAD_USER_INPUT");
			member.execute(ANSWER, "s", "no-such-session", "q", running.question(), "a", 1)
				.failsWith(INVALID_SESSION, "BAD_USER_INPUT");
			// then the colour, then the comment, then the question
			vote(member, running, "no-such-question", 3).failsWith(RANGE, "BAD_USER_INPUT");
			member.execute(ANSWER, "s", running.id(), "q", "no-such-question", "a", 1, "c", "ring\u0007")
				.failsWith(BAD_COMMENT, "BAD_USER_INPUT");
			member.execute(ANSWER, "s", running.id(), "q", running.question(), "a", 1, "c", "ring\u0007")
				.failsWith(BAD_COMMENT, "BAD_USER_INPUT");
			vote(member, running, "no-such-question", 1).failsWith(UNKNOWN_QUESTION, "BAD_USER_INPUT");
			Session other = start(squad(0, false));
			// a question of another session
			vote(squad.owner(), running, other.question(), 1).failsWith(UNKNOWN_QUESTION, "BAD_USER_INPUT");
			squad.owner().execute(REVEAL, "s", running.id(), "q", running.question()).ok();
			vote(member, running, running.question(), 1).failsWith(REVEALED, "BAD_USER_INPUT");

			// an ended session: the colour still comes first, then the end, before the comment and the question
			squad.owner().execute(END, "s", running.id()).ok();
			vote(member, running, running.question(), -1).failsWith(RANGE, "BAD_USER_INPUT");
			vote(member, running, running.questionIds().get(1), 1).failsWith(ENDED, "BAD_USER_INPUT");
			member.execute(ANSWER, "s", running.id(), "q", "no-such-question", "a", 1, "c", "ring\u0007")
				.failsWith(ENDED, "BAD_USER_INPUT");

			// a discarded one no longer exists for anyone
			Session discarded = start(squad);
			squad.owner().execute(DISCARD, "s", discarded.id()).ok();
			vote(member, discarded, discarded.question(), 1).failsWith(INVALID_SESSION, "BAD_USER_INPUT");
			vote(member, discarded, discarded.question(), 9).failsWith(INVALID_SESSION, "BAD_USER_INPUT");

			assertThat(running.questionIds()).allSatisfy(questionId -> assertThat(storedVotes(questionId)).isZero());
			assertThat(storedVotes(discarded.question())).isZero();
			assertWrittenInOneStatement(before, 0);
		}

		@Test
		void aNamedVoteIsStoredWithItsVoterAndChangedInPlace() {
			VoterSquad squad = squad(1, false);
			Caller member = squad.members().get(0);
			Session session = start(squad);
			long before = upsert.written();

			GraphQlResponse first = vote(member, session, session.question(), 0).ok();
			assertThat(first.text("answerQuestion.answer")).isEqualTo("0");
			assertThat(first.text("answerQuestion.person.id")).isEqualTo(member.person().id());
			GraphQlResponse changed = member
				.execute(ANSWER, "s", session.id(), "q", session.question(), "a", 2, "t", "IMPROVING", "c", "  better now \n")
				.ok();
			assertThat(changed.text("answerQuestion.id")).isEqualTo(first.text("answerQuestion.id"));
			assertThat(changed.text("answerQuestion.answer")).isEqualTo("2");
			assertThat(changed.text("answerQuestion.trend")).isEqualTo("IMPROVING");
			assertThat(changed.text("answerQuestion.comment")).isEqualTo("better now");
			assertThat(changed.text("answerQuestion.person.id")).isEqualTo(member.person().id());

			List<Map<String, Object>> rows = jdbc.sql("select * from vote where question_id = ?")
				.param(session.question())
				.query()
				.listOfRows();
			assertThat(rows).hasSize(1);
			Map<String, Object> row = lowerCaseKeys(rows.get(0));
			assertThat(row).containsEntry("id", first.text("answerQuestion.id"))
				.containsEntry("voter_key", member.person().id())
				.containsEntry("person_id", member.person().id())
				.containsEntry("trend", "IMPROVING")
				.containsEntry("comment", "better now");
			assertThat(((Number) row.get("colour")).intValue()).isEqualTo(2);
			GraphQlResponse mine = member.execute(
					"query($s: String!, $q: String!) { question(sessionId: $s, questionId: $q) { myAnswer { answer trend comment } } }",
					"s", session.id(), "q", session.question())
				.ok();
			assertThat(mine.text("question.myAnswer.answer")).isEqualTo("2");
			assertThat(mine.text("question.myAnswer.comment")).isEqualTo("better now");
			assertWrittenInOneStatement(before, 2);
		}

		@Test
		void anAnonymousVoteIsStoredWithoutItsVoterAndChangedInPlace() {
			VoterSquad squad = squad(2, true);
			Caller alice = squad.members().get(0);
			Caller bob = squad.members().get(1);
			Session session = start(squad);
			long before = upsert.written();

			GraphQlResponse first = vote(alice, session, session.question(), 0).ok();
			assertThat(first.text("answerQuestion.person.id")).as("voters see their own vote as theirs")
				.isEqualTo(alice.person().id());
			GraphQlResponse changed = vote(alice, session, session.question(), 1).ok();
			assertThat(changed.text("answerQuestion.id")).isEqualTo(first.text("answerQuestion.id"));
			vote(bob, session, session.question(), 2).ok();
			vote(alice, session, session.questionIds().get(1), 2).ok();

			List<Map<String, Object>> rows = jdbc.sql("select v.* from vote v join session_question q on q.id = v.question_id where q.session_id = ?")
				.param(session.id())
				.query()
				.listOfRows();
			assertThat(rows).hasSize(3);
			Set<String> keys = new HashSet<>();
			for (Map<String, Object> stored : rows) {
				Map<String, Object> row = lowerCaseKeys(stored);
				assertThat(row.get("person_id")).isNull();
				assertThat((String) row.get("voter_key")).startsWith("anon:");
				keys.add((String) row.get("voter_key"));
				assertThat(row.values().stream().map(String::valueOf))
					.noneMatch(value -> value.contains(alice.person().id()) || value.contains(bob.person().id()));
			}
			assertThat(keys).as("one key per voter and question: alice's two votes cannot be linked").hasSize(3);
			assertThat(rows.stream()
				.map(CastVoteTests::lowerCaseKeys)
				.filter(row -> row.get("id").equals(first.text("answerQuestion.id")))
				.map(row -> ((Number) row.get("colour")).intValue())).containsExactly(1);
			assertWrittenInOneStatement(before, 4);
		}

		@Test
		void noVoteIsTakenOnceTheQuestionIsRevealedOrTheSessionEndedOrDiscarded() {
			VoterSquad squad = squad(1, false);
			Caller member = squad.members().get(0);

			Session revealed = start(squad);
			vote(member, revealed, revealed.question(), 0).ok();
			squad.owner().execute(REVEAL, "s", revealed.id(), "q", revealed.question()).ok();
			vote(member, revealed, revealed.question(), 2).failsWith(REVEALED, "BAD_USER_INPUT");
			// the other questions are still open
			vote(member, revealed, revealed.questionIds().get(1), 2).ok();

			squad.owner().execute(END, "s", revealed.id()).ok();
			vote(member, revealed, revealed.questionIds().get(1), 1).failsWith(ENDED, "BAD_USER_INPUT");
			vote(member, revealed, revealed.questionIds().get(2), 1).failsWith(ENDED, "BAD_USER_INPUT");

			Session discarded = start(squad);
			vote(member, discarded, discarded.question(), 0).ok();
			squad.owner().execute(DISCARD, "s", discarded.id()).ok();
			vote(member, discarded, discarded.question(), 2).failsWith(INVALID_SESSION, "BAD_USER_INPUT");

			assertThat(jdbc.sql("select colour from vote where question_id in (?, ?, ?, ?)")
				.params(revealed.question(), revealed.questionIds().get(1), revealed.questionIds().get(2), discarded.question())
				.query(Integer.class)
				.list()).as("as they were before").hasSize(3).containsOnly(0, 2);
		}

		@Test
		void membersWhoLeftOrWereDeactivatedCannotVote() {
			VoterSquad squad = squad(2, false);
			Caller leaving = squad.members().get(0);
			Caller deactivated = squad.members().get(1);
			Session session = start(squad);
			vote(leaving, session, session.question(), 1).ok();
			vote(deactivated, session, session.question(), 1).ok();

			squad.owner()
				.execute("mutation($p: String!, $s: String!) { removeMemberFromSquad(input: {personId: $p, squadId: $s}) { id } }",
						"p", leaving.person().id(), "s", squad.id())
				.ok();
			Caller admin = api.as(api.newPerson("Admin"));
			jdbc.sql("insert into organisation_admin (organisation_id, person_id) select organisation_id, id from person where id = ?")
				.param(admin.person().id())
				.update();
			admin.execute("mutation($p: String!) { deactivatePerson(personId: $p) { status } }", "p", deactivated.person().id())
				.ok();
			long before = upsert.written();

			vote(leaving, session, session.question(), 2).failsWith(INVALID_SESSION, "BAD_USER_INPUT");
			vote(leaving, session, session.questionIds().get(1), 2).failsWith(INVALID_SESSION, "BAD_USER_INPUT");
			GraphQlResponse refused = vote(deactivated, session, session.questionIds().get(1), 2);
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.errorCodes()).containsExactly("UNAUTHENTICATED");

			assertThat(jdbc.sql("select colour from vote where question_id = ?").param(session.question()).query(Integer.class).list())
				.containsExactly(1, 1);
			assertThat(storedVotes(session.questionIds().get(1))).isZero();
			assertWrittenInOneStatement(before, 0);
		}

		@Test
		void eachVoteIsAnnouncedOnceAndCountedOnce() {
			VoterSquad squad = squad(2, false);
			Session session = start(squad);
			List<SessionChanged> heard = new CopyOnWriteArrayList<>();
			double counted = votesCounted();
			Runnable stop = feed.watch(session.id(), heard::add);
			try {
				vote(squad.members().get(0), session, session.question(), 0).ok();
				assertThat(heard).as("heard by the time the vote is answered")
					.containsExactly(new SessionChanged(session.id(), Change.VOTE_CAST, session.question()));
				vote(squad.members().get(0), session, session.question(), 1).ok();
				vote(squad.members().get(1), session, session.questionIds().get(1), 2).ok();
				vote(squad.members().get(1), session, session.questionIds().get(1), 5).failsWith(RANGE, "BAD_USER_INPUT");
				vote(squad.members().get(1), session, "no-such-question", 2).failsWith(UNKNOWN_QUESTION, "BAD_USER_INPUT");
			}
			finally {
				stop.run();
			}
			assertThat(heard).containsExactly(new SessionChanged(session.id(), Change.VOTE_CAST, session.question()),
					new SessionChanged(session.id(), Change.VOTE_CAST, session.question()),
					new SessionChanged(session.id(), Change.VOTE_CAST, session.questionIds().get(1)));
			assertThat(votesCounted() - counted).as("a changed vote counts again").isEqualTo(3.0);
		}

		/**
		 * Votes of many members race the question's reveal: each is either stored before the reveal is, or refused
		 * because of it. None lands after it (the results seen at the reveal never change), none answered as stored
		 * is lost, none refused is stored.
		 */
		@Test
		void votesRacingARevealLandBeforeItOrAreRefused() throws Exception {
			VoterSquad squad = squad(24, false);
			Session session = start(squad);
			race(squad, session, () -> squad.owner().execute(REVEAL, "s", session.id(), "q", session.question()).ok(),
					REVEALED);
		}

		/** The same for the end of the session, which closes its questions (a discard closes them the same way). */
		@Test
		void votesRacingTheEndLandBeforeItOrAreRefused() throws Exception {
			VoterSquad squad = squad(24, false);
			Session session = start(squad);
			race(squad, session, () -> squad.owner().execute(END, "s", session.id()).ok(), ENDED);
		}

		/**
		 * A vote sent while a reveal, an end or a discard is being committed waits for it, and is then refused: the
		 * vote's lock on the question conflicts with their update of it (a lock that did not, such as PostgreSQL's
		 * {@code FOR KEY SHARE} against the end's plain update, would let the vote read the question as open and
		 * commit after them).
		 */
		@Test
		void aVoteWaitsForARevealEndOrDiscardBeingCommittedAndIsThenRefused() throws Exception {
			VoterSquad squad = squad(1, false);
			Caller member = squad.members().get(0);
			Session revealed = start(squad);
			whileCommitting(() -> {
				store.lockQuestion(revealed.id(), revealed.question()).orElseThrow();
				store.reveal(revealed.question(), Instant.now());
			}, () -> vote(member, revealed, revealed.question(), 1)).failsWith(REVEALED, "BAD_USER_INPUT");
			whileCommitting(() -> store.end(revealed.id(), Instant.now()),
					() -> vote(member, revealed, revealed.questionIds().get(1), 1))
				.failsWith(ENDED, "BAD_USER_INPUT");
			Session discarded = start(squad);
			GraphQlResponse afterDiscard = whileCommitting(
					() -> store.discard(discarded.id(), squad.owner().person().id(), Instant.now()),
					() -> vote(member, discarded, discarded.question(), 1));
			// as ended if the session was read before the discard was committed, else as gone
			assertThat(afterDiscard.errorMessages()).as("refused").hasSize(1).containsAnyOf(ENDED, INVALID_SESSION);
			assertThat(afterDiscard.errorCodes()).containsExactly("BAD_USER_INPUT");
			assertThat(storedVotes(revealed.question()) + storedVotes(revealed.questionIds().get(1))
					+ storedVotes(discarded.question())).isZero();
		}

		/**
		 * Votes that come while others wait for the database share one statement, and each still gets its own answer:
		 * here the question is locked while twelve votes come, two of them the same member's, one an outsider's and
		 * one on a revealed question: thirteen votes, and at most five statements.
		 */
		@Test
		void votesCastTogetherShareAStatementAndEachGetsItsOwnAnswer() throws Exception {
			VoterSquad squad = squad(10, false);
			Caller outsider = api.as(api.newPerson("Outsider"));
			Session session = start(squad);
			String revealed = session.questionIds().get(1);
			squad.owner().execute(REVEAL, "s", session.id(), "q", revealed).ok();
			long votesBefore = upsert.written();
			long statementsBefore = upsert.statements();
			ExecutorService voters = Executors.newFixedThreadPool(12);
			try {
				List<Future<GraphQlResponse>> answers = transactions.execute(tx -> {
					jdbc.sql("select id from session_question where id = ? for update")
						.param(session.question())
						.query(String.class)
						.single();
					List<Future<GraphQlResponse>> sent = new ArrayList<>();
					for (int i = 0; i < 10; i++) {
						Caller member = squad.members().get(i);
						sent.add(voters.submit(() -> vote(member, session, session.question(), 2)));
					}
					sent.add(voters.submit(() -> vote(squad.members().get(0), session, session.question(), 1)));
					sent.add(voters.submit(() -> vote(outsider, session, session.question(), 1)));
					sent.add(voters.submit(() -> vote(squad.members().get(1), session, revealed, 1)));
					assertThatThrownBy(() -> sent.get(0).get(700, TimeUnit.MILLISECONDS)).as("the votes wait for the lock")
						.isInstanceOf(TimeoutException.class);
					return sent;
				});
				for (int i = 0; i < 11; i++) {
					String id = answers.get(i).get(30, TimeUnit.SECONDS).ok().text("answerQuestion.id");
					Caller voter = squad.members().get(i % 10);
					assertThat(id).as("the id of the vote of member %d, as stored", i % 10)
						.isEqualTo(jdbc.sql("select id from vote where question_id = ? and person_id = ?")
							.params(session.question(), voter.person().id())
							.query(String.class)
							.single());
				}
				answers.get(11).get(30, TimeUnit.SECONDS).failsWith(INVALID_SESSION, "BAD_USER_INPUT");
				answers.get(12).get(30, TimeUnit.SECONDS).failsWith(REVEALED, "BAD_USER_INPUT");
			}
			finally {
				voters.shutdownNow();
			}
			assertThat(storedVotes(session.question())).as("one vote per member").isEqualTo(10);
			assertThat(storedVotes(revealed)).isZero();
			assertWrittenInOneStatement(votesBefore, 11);
			if (inOneStatement()) {
				// one statement waits for the lock, and the votes that come meanwhile share the next; a member's second
				// vote on a question waits for a batch without their first
				assertThat(upsert.statements() - statementsBefore).as("statements for thirteen votes")
					.isBetween(2L, 5L);
			}
		}

		/**
		 * Sends the vote while {@code change} is made in a transaction that is not yet committed, asserts that the vote
		 * waits for it, commits it, and returns the vote's answer.
		 */
		GraphQlResponse whileCommitting(Runnable change, Callable<GraphQlResponse> vote) throws Exception {
			ExecutorService voter = Executors.newSingleThreadExecutor();
			try {
				Future<GraphQlResponse> answer = transactions.execute(tx -> {
					change.run();
					Future<GraphQlResponse> sent = voter.submit(vote);
					assertThatThrownBy(() -> sent.get(700, TimeUnit.MILLISECONDS)).as("the vote waits for the change")
						.isInstanceOf(TimeoutException.class);
					return sent;
				});
				return answer.get(30, TimeUnit.SECONDS);
			}
			finally {
				voter.shutdownNow();
			}
		}

		/** Every member votes on the first question, 8 at a time, while {@code stop} stops the voting. */
		void race(VoterSquad squad, Session session, Runnable stop, String refusal) throws Exception {
			long before = upsert.written();
			ExecutorService pool = Executors.newFixedThreadPool(8);
			CountDownLatch someAnswered = new CountDownLatch(6);
			AtomicLong stopAnswered = new AtomicLong(Long.MAX_VALUE);
			try {
				List<Future<Attempt>> attempts = new ArrayList<>();
				for (Caller member : squad.members()) {
					attempts.add(pool.submit(() -> {
						long started = System.nanoTime();
						GraphQlResponse answer = vote(member, session, session.question(), 2);
						someAnswered.countDown();
						return new Attempt(answer, started > stopAnswered.get());
					}));
				}
				assertThat(someAnswered.await(60, TimeUnit.SECONDS)).isTrue();
				stop.run();
				stopAnswered.set(System.nanoTime());
				int seenWhenStopped = storedVotes(session.question());

				Set<String> stored = new HashSet<>();
				int refused = 0;
				for (Future<Attempt> done : attempts) {
					Attempt attempt = done.get(60, TimeUnit.SECONDS);
					if (attempt.answer().errorMessages().isEmpty() && !attempt.afterStop()) {
						stored.add(attempt.answer().ok().text("answerQuestion.id"));
					}
					else {
						attempt.answer().failsWith(refusal, "BAD_USER_INPUT");
						refused++;
					}
				}
				Set<String> inDatabase = new HashSet<>(jdbc.sql("select id from vote where question_id = ?")
					.param(session.question())
					.query(String.class)
					.list());
				assertThat(inDatabase).as("every vote answered as stored, and no other").isEqualTo(stored);
				assertThat(stored.size() + refused).isEqualTo(squad.members().size());
				assertThat(stored.size()).as("answered before the voting stopped").isGreaterThanOrEqualTo(6);
				assertThat(seenWhenStopped).as("the votes when the voting stopped are final").isEqualTo(stored.size());
				vote(squad.members().get(0), session, session.question(), 0).failsWith(refusal, "BAD_USER_INPUT");
				assertWrittenInOneStatement(before, stored.size());
			}
			finally {
				pool.shutdownNow();
			}
		}

		/** A vote's answer, and whether it was sent after the voting stopped (it must then be refused). */
		record Attempt(GraphQlResponse answer, boolean afterStop) {
		}

		double votesCounted() {
			return meters.get("feature.creep.votes.cast").tag("mode", "live").counter().count();
		}

	}

	static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
		Map<String, Object> lower = new HashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
		return lower;
	}

	@Nested
	@WithH2
	class OnH2 extends Contract {

		@Override
		boolean inOneStatement() {
			return false;
		}

	}

	@Nested
	@WithPostgres
	class OnPostgres extends Contract {

		@Override
		boolean inOneStatement() {
			return true;
		}

	}

}
