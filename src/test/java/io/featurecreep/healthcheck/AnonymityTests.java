package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.featurecreep.support.DatabaseDump;
import io.featurecreep.support.EventStream;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Subscriber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The curious member: someone in an anonymous squad who uses everything a member may use (queries, the
 * subscription, the live page and its parts, the results page, the page's event stream) to find out how one of
 * the others voted. Nobody but the voter may learn that: before a question is revealed (or an async session
 * ends) a member sees nothing of others' votes but that they voted; afterwards only aggregates of at least
 * {@code k} votes ({@code feature-creep.insights.min-votes-anonymous}, 3), never beside names, never in an order
 * that tells who or when; with fewer votes only the count. Nor does the database tie a vote to its voter.
 *
 * <p>Annotated like {@link LiveSubscriptionTests}, so both run in one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class AnonymityTests {

	/** The default {@code feature-creep.insights.min-votes-anonymous}. */
	static final int K = 3;

	static final String START = """
			mutation($s: String!) {
			  createSession(input: {squadId: $s}) { id resultVisibility questions { id question } }
			}""";

	static final String START_WITH = """
			mutation($s: String!, $v: ResultVisibility) {
			  createSession(input: {squadId: $s, resultVisibility: $v}) { id resultVisibility questions { id question } }
			}""";

	static final String START_ASYNC = """
			mutation($s: String!, $d: String) {
			  createSession(input: {squadId: $s, mode: ASYNC, deadline: $d}) { id resultVisibility questions { id question } }
			}""";

	static final String VOTE = """
			mutation($s: String!, $q: String!, $a: Int!, $t: Trend, $c: String) {
			  answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t, comment: $c}) { id }
			}""";

	static final String REVEAL = "mutation($s: String!, $q: String!) { revealQuestion(input: {sessionId: $s, questionId: $q}) { id revealed } }";

	static final String MOVE_TO = "mutation($s: String!, $q: String!) { setActiveQuestion(input: {sessionId: $s, questionId: $q}) { id } }";

	static final String END = "mutation($s: String!) { endSession(input: {sessionId: $s}) { id active } }";

	static final String HISTORY = "query($s: String!) { squadHistory(squadId: $s) { sessions { sessionId } } }";

	/** Everything a member can ask about a session's questions (Answer.mine and Question.withheld are new). */
	static final String EVERYTHING = """
			query($s: String!) {
			  session(id: $s) {
			    questions {
			      id voteCount voters { id }
			      answers { id answer trend comment person { id } mine }
			      results {
			        votes colours { red yellow green } average trends { improving stable worsening }
			        comments previousAverage change
			      }
			      withheld total
			    }
			  }
			}""";

	/** One question, with the fields of today's schema only, so that leaks show even before the new fields exist. */
	static final String QUESTION = """
			query($s: String!, $q: String!) {
			  question(sessionId: $s, questionId: $q) {
			    revealed voteCount voters { id }
			    answers { id answer trend comment person { id } }
			    results {
			      votes colours { red yellow green } average trends { improving stable worsening }
			      comments previousAverage change
			    }
			    total
			  }
			}""";

	/** The new fields of one question. */
	static final String QUESTION_NEW_FIELDS = """
			query($s: String!, $q: String!) {
			  question(sessionId: $s, questionId: $q) { withheld answers { id person { id } mine } }
			}""";

	static final String SUBSCRIBE = """
			subscription($s: String!) {
			  sessionChanged(sessionId: $s) {
			    change questionId
			    session { questions { id results { votes colours { red yellow green } comments } answers { answer person { id } } withheld } }
			  }
			}""";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	// ----- GraphQL: how sessions of anonymous squads start

	@Test
	void anAnonymousSquadsSessionsShowResultsOnRevealAndNeverAsVotesComeIn() {
		Squad squad = squad(true, "Bob");
		GraphQlResponse immediate = squad.owner().execute(START_WITH, "s", squad.id(), "v", "IMMEDIATE");
		assertThat(immediate.errorCodes()).as("errors in %s", immediate.body()).containsExactly("BAD_USER_INPUT");
		assertThat(immediate.data("createSession").isNull() || immediate.data("createSession").isMissingNode()).isTrue();
		GraphQlResponse sessions = squad.owner()
			.execute("query($s: String!) { squad(id: $s) { activeSession { id } sessions { id } } }", "s", squad.id())
			.ok();
		assertThat(sessions.data("squad.sessions").isEmpty()).as("no session was created").isTrue();
		assertThat(sessions.data("squad.activeSession").isNull()).isTrue();

		GraphQlResponse started = squad.owner().execute(START, "s", squad.id()).ok();
		assertThat(started.text("createSession.resultVisibility")).isEqualTo("ON_REVEAL");
	}

	@Test
	void namedSquadsKeepTheOriginalBehaviour() {
		Squad squad = squad(false, "Bob", "Carol");
		assertThat(squad.owner()
			.execute("query($s: String!) { squad(id: $s) { anonymous } }", "s", squad.id())
			.ok()
			.data("squad.anonymous")
			.asBoolean()).as("createSquad without anonymous makes a named squad").isFalse();
		Session session = start(squad);
		assertThat(session.visibility()).isEqualTo("IMMEDIATE");
		vote(squad.member("Bob"), session, 0, 2, null, "fine");
		vote(squad.member("Carol"), session, 0, 0, null, "not fine");

		GraphQlResponse seen = squad.member("Bob").execute(QUESTION, "s", session.id(), "q", session.question(0)).ok();
		assertThat(personIds(seen.data("question.answers"))).containsExactlyInAnyOrder(squad.member("Bob").person().id(),
				squad.member("Carol").person().id());
		assertThat(seen.data("question.voters").size()).isEqualTo(2);
		assertThat(seen.data("question.results.votes").asInt()).isEqualTo(2);
	}

	// ----- GraphQL: before the reveal

	/**
	 * Bob records all he can see after each of Carol's, Dave's and Eve's votes: apart from how many voted and who,
	 * nothing changes, and nothing of theirs shows.
	 */
	@Test
	void aCuriousMemberLearnsNothingFromOthersVotesButThatTheyVoted() {
		Squad squad = squad(true, "Bob", "Carol", "Dave", "Eve");
		Session session = start(squad);
		Caller bob = squad.member("Bob");
		vote(bob, session, 0, 1, "STABLE", "bob's own words");

		List<JsonNode> snapshots = new ArrayList<>();
		snapshots.add(bob.execute(EVERYTHING, "s", session.id()).ok().data("session"));
		Map<String, String> othersComments = new LinkedHashMap<>();
		int colour = 0;
		for (String name : List.of("Carol", "Dave", "Eve")) {
			String comment = name + " says " + UUID.randomUUID();
			othersComments.put(name, comment);
			vote(squad.member(name), session, 0, colour, colour == 2 ? "IMPROVING" : "WORSENING", comment);
			colour++;
			snapshots.add(bob.execute(EVERYTHING, "s", session.id()).ok().data("session"));
		}

		for (int i = 0; i < snapshots.size(); i++) {
			JsonNode first = snapshots.get(i).path("questions").path(0);
			assertThat(first.path("voteCount").asInt()).isEqualTo(i + 1);
			assertThat(ids(first.path("voters"))).as("who has voted may show before the reveal").hasSize(i + 1);
			for (JsonNode question : snapshots.get(i).path("questions")) {
				assertThat(question.path("results").isNull()).as("results before the reveal: %s", question).isTrue();
				assertThat(question.path("total").isNull()).as("total before the end: %s", question).isTrue();
			}
			JsonNode answers = first.path("answers");
			assertThat(answers.size()).as("only Bob's own answer: %s", answers).isEqualTo(1);
			assertThat(answers.path(0).path("person").path("id").asString()).isEqualTo(bob.person().id());
			assertThat(answers.path(0).path("mine").asBoolean()).isTrue();
			assertThat(answers.path(0).path("comment").asString()).isEqualTo("bob's own words");
			assertThat(snapshots.get(i).toString()).doesNotContain(othersComments.values());
			assertThat(withoutCountsAndVoters(snapshots.get(i)))
				.as("apart from voteCount and voters, the view after vote %d is the one before", i)
				.isEqualTo(withoutCountsAndVoters(snapshots.get(0)));
		}
	}

	// ----- GraphQL: after the reveal

	@Test
	void revealedQuestionWithTooFewVotesShowsOnlyItsCount() {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		Caller bob = squad.member("Bob");
		vote(squad.member("Carol"), session, 0, 0, "WORSENING", "carol is unhappy");
		vote(bob, session, 0, 2, "IMPROVING", "bob is happy");
		squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(0)).ok();

		JsonNode seen = bob.execute(QUESTION, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(seen.path("revealed").asBoolean()).isTrue();
		assertThat(seen.path("voteCount").asInt()).isEqualTo(2);
		assertThat(seen.path("results").isNull()).as("results of %d votes: %s", 2, seen).isTrue();
		assertThat(seen.path("total").isNull()).isTrue();
		assertThat(seen.path("voters").isNull()).as("no names beside revealed votes: %s", seen).isTrue();
		assertThat(seen.path("answers").size()).as("only Bob's own answer: %s", seen).isEqualTo(1);
		assertThat(seen.path("answers").path(0).path("person").path("id").asString()).isEqualTo(bob.person().id());
		assertThat(seen.toString()).doesNotContain("carol is unhappy");
		JsonNode ownerSees = squad.owner().execute(QUESTION, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(ownerSees.path("answers").isEmpty()).as("the owner did not vote: %s", ownerSees).isTrue();
		assertThat(ownerSees.path("results").isNull()).isTrue();

		JsonNode added = bob.execute(QUESTION_NEW_FIELDS, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(added.path("withheld").asBoolean()).isTrue();
		assertThat(added.path("answers").size()).isEqualTo(1);
		assertThat(added.path("answers").path(0).path("mine").asBoolean()).isTrue();
	}

	@Test
	void revealedQuestionWithEnoughVotesShowsAggregatesAndAnswersThatSayNotWhoNorWhen() {
		Squad squad = squad(true, "Bob", "Carol", "Dave", "Eve");
		Session session = start(squad);
		Caller bob = squad.member("Bob");
		// voted in an order unlike the sorted one (and the vote ids are random)
		vote(squad.member("Eve"), session, 0, 2, "IMPROVING", "zeta");
		vote(squad.member("Carol"), session, 0, 0, "STABLE", "alpha");
		vote(bob, session, 0, 2, "IMPROVING", "beta");
		vote(squad.member("Dave"), session, 0, 0, "IMPROVING", "omega");
		squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(0)).ok();

		JsonNode seen = bob.execute(QUESTION, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(seen.path("voteCount").asInt()).isEqualTo(4);
		assertThat(seen.path("voters").isNull()).as("no names beside revealed votes: %s", seen).isTrue();
		JsonNode results = seen.path("results");
		assertThat(results.path("votes").asInt()).isEqualTo(4);
		assertThat(results.path("colours").path("red").asInt()).isEqualTo(2);
		assertThat(results.path("colours").path("yellow").asInt()).isZero();
		assertThat(results.path("colours").path("green").asInt()).isEqualTo(2);
		assertThat(results.path("average").asDouble()).isEqualTo(1.0);
		assertThat(results.path("trends").path("improving").asInt()).isEqualTo(3);
		assertThat(results.path("trends").path("stable").asInt()).isEqualTo(1);
		assertThat(strings(results.path("comments"))).containsExactly("alpha", "beta", "omega", "zeta");

		List<String> order = new ArrayList<>();
		for (JsonNode answer : seen.path("answers")) {
			order.add(answer.path("answer").asString() + " " + answer.path("trend").asString() + " "
					+ answer.path("comment").asString());
			boolean own = "beta".equals(answer.path("comment").asString());
			if (own) {
				assertThat(answer.path("person").path("id").asString()).isEqualTo(bob.person().id());
				assertThat(answer.path("id").isNull()).as("the voter's own answer keeps its id").isFalse();
			}
			else {
				assertThat(answer.path("person").isNull()).as("others' answers carry no person: %s", answer).isTrue();
				assertThat(answer.path("id").isNull()).as("others' answers carry no id: %s", answer).isTrue();
			}
		}
		assertThat(order).as("by answer, trend and comment: an order that says neither who nor when")
			.containsExactly("0 IMPROVING omega", "0 STABLE alpha", "2 IMPROVING beta", "2 IMPROVING zeta");

		bob.execute(VOTE, "s", session.id(), "q", session.question(0), "a", 0)
			.failsWith("This question has been revealed: its votes are final", "BAD_USER_INPUT");
		squad.member("Carol")
			.execute(VOTE, "s", session.id(), "q", session.question(0), "a", 2)
			.failsWith("This question has been revealed: its votes are final", "BAD_USER_INPUT");

		JsonNode added = bob.execute(QUESTION_NEW_FIELDS, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(added.path("withheld").asBoolean()).isFalse();
		List<Boolean> mine = new ArrayList<>();
		added.path("answers").forEach(answer -> mine.add(answer.path("mine").asBoolean(false)));
		assertThat(mine).containsExactly(false, false, true, false);
	}

	@Test
	void anAnonymousAsyncSessionShowsResultsOnlyOnceItEnds() {
		Squad squad = squad(true, "Bob", "Carol", "Dave", "Eve");
		GraphQlResponse started = squad.owner()
			.execute(START_ASYNC, "s", squad.id(), "d", Instant.now().plus(Duration.ofHours(1)).toString())
			.ok();
		Session session = Session.of(started);
		for (String name : List.of("Carol", "Dave", "Eve")) {
			vote(squad.member(name), session, 0, 2, null, name + " likes it");
		}
		GraphQlResponse refused = squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(0));
		assertThat(refused.errorCodes()).as("errors in %s", refused.body()).containsExactly("BAD_USER_INPUT");

		JsonNode before = squad.member("Bob").execute(QUESTION, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(before.path("revealed").asBoolean()).isFalse();
		assertThat(before.path("results").isNull()).as("results before the end: %s", before).isTrue();
		assertThat(before.path("answers").isEmpty()).as("Bob did not vote: %s", before).isTrue();

		squad.owner().execute(END, "s", session.id()).ok();
		JsonNode after = squad.member("Bob").execute(QUESTION, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(after.path("results").path("votes").asInt()).isEqualTo(3);
		assertThat(after.path("results").path("colours").path("green").asInt()).isEqualTo(3);
	}

	// ----- GraphQL: history

	@Test
	void theTimeseriesHasNoPointForAQuestionWithTooFewVotes() {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		vote(squad.member("Bob"), session, 0, 0, null, null);
		vote(squad.member("Carol"), session, 0, 2, null, null);
		for (String name : List.of("Bob", "Carol", "Dave")) {
			vote(squad.member(name), session, 1, 1, null, null);
		}
		endAndAwaitResults(squad, session);

		String series = "query($s: String!, $n: String!) { timeseries(squadId: $s, questionName: $n) { timestamp value } }";
		assertThat(squad.member("Bob").execute(series, "s", squad.id(), "n", "Delivering value").ok().data("timeseries").isEmpty())
			.as("2 votes: no point")
			.isTrue();
		JsonNode enough = squad.member("Bob").execute(series, "s", squad.id(), "n", "Easy to release").ok().data("timeseries");
		assertThat(enough.size()).as("3 votes: a point").isEqualTo(1);
		assertThat(enough.path(0).path("value").asDouble()).isEqualTo(1.0);
	}

	@Test
	void aLaterSessionIsNeverComparedWithAQuestionThatHadTooFewVotes() throws Exception {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session earlier = start(squad);
		vote(squad.member("Bob"), earlier, 0, 0, null, null);
		vote(squad.member("Carol"), earlier, 0, 0, null, null);
		endAndAwaitResults(squad, earlier);

		Session later = start(squad);
		for (String name : List.of("Bob", "Carol", "Dave")) {
			vote(squad.member(name), later, 0, 2, null, null);
		}
		squad.owner().execute(REVEAL, "s", later.id(), "q", later.question(0)).ok();
		JsonNode results = squad.member("Bob")
			.execute(QUESTION, "s", later.id(), "q", later.question(0))
			.ok()
			.data("question.results");
		assertThat(results.path("average").asDouble()).isEqualTo(2.0);
		assertThat(results.path("previousAverage").isNull()).as("not from 2 anonymous votes: %s", results).isTrue();
		assertThat(results.path("change").isNull()).isTrue();

		endAndAwaitResults(squad, later);
		assertThat(squad.member("Bob")
			.execute(QUESTION, "s", later.id(), "q", later.question(0))
			.ok()
			.data("question.results.previousAverage")
			.isNull()).isTrue();
		String page = page("/sessions/{id}/results", squad.member("Bob"), later.id());
		assertThat(resultSections(page)).doesNotContain(" since ").doesNotContain("Same as in");
	}

	@Test
	void theHistoryItsPageAndItsExportsShowOnlyTheCountOfAQuestionWithTooFewVotes() throws Exception {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		vote(squad.member("Carol"), session, 0, 0, "WORSENING", null);
		vote(squad.member("Dave"), session, 0, 2, "IMPROVING", null);
		for (String name : List.of("Bob", "Carol", "Dave")) {
			vote(squad.member(name), session, 1, 1, "STABLE", null);
		}
		endAndAwaitResults(squad, session);
		Caller bob = squad.member("Bob");

		JsonNode indicators = bob
			.execute("query($s: String!) { squadHistory(squadId: $s) { indicators { title cells { votes average band "
					+ "trend red yellow green improving stable worsening hidden } } } }", "s", squad.id())
			.ok()
			.data("squadHistory.indicators");
		Map<String, JsonNode> cellOf = new LinkedHashMap<>();
		indicators.forEach(row -> cellOf.put(row.path("title").asString(), row.path("cells").path(0)));
		JsonNode tooFew = cellOf.get("Delivering value");
		assertThat(tooFew.path("votes").asInt()).isEqualTo(2);
		assertThat(tooFew.path("hidden").asBoolean()).isTrue();
		for (String field : List.of("average", "trend", "red", "yellow", "green", "improving", "stable", "worsening")) {
			assertThat(tooFew.path(field).isNull()).as("%s of 2 anonymous votes: %s", field, tooFew).isTrue();
		}
		assertThat(tooFew.path("band").asString()).isEqualTo("NONE");
		assertThat(cellOf.get("Easy to release").path("yellow").asInt()).as("3 votes show").isEqualTo(3);

		String csv = page("/squads/{id}/history.csv", bob, squad.id());
		String tooFewLine = csv.lines().filter(line -> line.contains("Delivering value")).findFirst().orElseThrow();
		List<String> columns = List.of(tooFewLine.split(",", -1));
		assertThat(columns.get(5)).as("votes in %s", tooFewLine).isEqualTo("2");
		assertThat(columns.subList(6, 15)).as("the rest of %s", tooFewLine).allMatch(value -> value.isEmpty() || value.equals("NONE"));
		assertThat(columns.get(15)).as("withheld in %s", tooFewLine).isEqualTo("true");

		JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(page("/squads/{id}/history.json", bob, squad.id()));
		for (JsonNode row : json.path("indicators")) {
			if (row.path("title").asString().equals("Delivering value")) {
				assertThat(row.path("cells").path(0).path("average").isNull()).isTrue();
				assertThat(row.path("cells").path(0).path("red").isNull()).isTrue();
				assertThat(row.path("cells").path(0).path("withheld").asBoolean()).isTrue();
			}
		}
		assertThat(page("/squads/{id}/history", bob, squad.id())).contains("Withheld: fewer than 3");
	}

	// ----- GraphQL: the subscription

	@Test
	void theSubscriptionShowsOthersNothingBeforeTheRevealAndOnlyTheCountOfAWithheldQuestion() throws Exception {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		Caller bob = squad.member("Bob");
		try (Subscriber subscriber = Subscriber.connect(port, tokenOf(bob))) {
			subscriber.subscribe("1", SUBSCRIBE, Map.of("s", session.id()));
			List<JsonNode> events = new ArrayList<>();
			events.add(nextEvent(subscriber, "CURRENT_STATE"));
			vote(squad.member("Carol"), session, 0, 0, "WORSENING", "carol in the stream");
			events.add(nextEvent(subscriber, "VOTE_CAST"));
			vote(squad.member("Dave"), session, 0, 2, "IMPROVING", "dave in the stream");
			events.add(nextEvent(subscriber, "VOTE_CAST"));
			for (JsonNode event : events) {
				for (JsonNode question : event.path("session").path("questions")) {
					assertThat(question.path("results").isNull()).as("before the reveal: %s", event).isTrue();
					assertThat(question.path("answers").isEmpty()).as("Bob has not voted: %s", event).isTrue();
				}
			}

			squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(0)).ok();
			JsonNode revealed = nextEvent(subscriber, "QUESTION_REVEALED");
			events.add(revealed);
			JsonNode first = revealed.path("session").path("questions").path(0);
			assertThat(first.path("results").isNull()).as("results of 2 votes: %s", revealed).isTrue();
			assertThat(first.path("answers").isEmpty()).as("Bob has not voted: %s", revealed).isTrue();
			assertThat(first.path("withheld").asBoolean()).as("2 votes: %s", revealed).isTrue();

			squad.owner().execute(END, "s", session.id()).ok();
			JsonNode ended = nextEvent(subscriber, "SESSION_ENDED");
			events.add(ended);
			assertThat(ended.path("session").path("questions").path(0).path("results").isNull()).as("in %s", ended).isTrue();
			assertThat(ended.path("session").path("questions").path(0).path("withheld").asBoolean()).isTrue();
			for (JsonNode event : events) {
				assertThat(event.toString()).doesNotContain("carol in the stream", "dave in the stream",
						squad.member("Carol").person().id(), squad.member("Dave").person().id());
			}
		}
	}

	// ----- GraphQL: a squad that becomes named

	@Test
	void switchingTheSquadToNamedChangesNothingOfAnEarlierAnonymousSession() {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		for (String name : List.of("Bob", "Carol", "Dave")) {
			vote(squad.member(name), session, 0, 1, null, name + " was anonymous");
		}
		vote(squad.member("Carol"), session, 1, 0, null, "carol, withheld");
		vote(squad.member("Dave"), session, 1, 2, null, "dave, withheld");
		endAndAwaitResults(squad, session);
		squad.owner()
			.execute("mutation($s: String!) { updateSquad(input: {squadId: $s, anonymous: false}) { anonymous } }", "s",
					squad.id())
			.ok();

		Caller bob = squad.member("Bob");
		JsonNode enough = bob.execute(QUESTION, "s", session.id(), "q", session.question(0)).ok().data("question");
		assertThat(enough.path("results").path("votes").asInt()).isEqualTo(3);
		assertThat(enough.path("voters").isNull()).isTrue();
		for (JsonNode answer : enough.path("answers")) {
			if (!answer.path("comment").asString().startsWith("Bob")) {
				assertThat(answer.path("person").isNull()).as("still without persons: %s", answer).isTrue();
				assertThat(answer.path("id").isNull()).isTrue();
			}
		}
		JsonNode tooFew = bob.execute(QUESTION, "s", session.id(), "q", session.question(1)).ok().data("question");
		assertThat(tooFew.path("voteCount").asInt()).isEqualTo(2);
		assertThat(tooFew.path("results").isNull()).as("still withheld: %s", tooFew).isTrue();
		assertThat(tooFew.path("total").isNull()).isTrue();
		assertThat(tooFew.path("answers").isEmpty()).as("Bob did not vote: %s", tooFew).isTrue();
		assertThat(tooFew.path("voters").isNull()).isTrue();
		assertThat(bob.execute(QUESTION_NEW_FIELDS, "s", session.id(), "q", session.question(1))
			.ok()
			.data("question.withheld")
			.asBoolean()).isTrue();
	}

	// ----- pages

	@Test
	void theStatusShowsWhoVotedBeforeTheRevealAndOnlyHowManyAfter() throws Exception {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		Caller bob = squad.member("Bob");
		vote(squad.member("Carol"), session, 0, 0, null, null);
		vote(squad.member("Dave"), session, 0, 2, null, null);
		assertThat(page("/sessions/{id}/parts/status", bob, session.id())).contains("2 of 4 voted")
			.contains("Carol Tester")
			.contains("Dave Tester");

		vote(bob, session, 0, 1, null, null);
		squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(0)).ok();
		assertThat(page("/sessions/{id}/parts/status", bob, session.id())).contains("3 of 4 voted")
			.doesNotContain("Carol Tester", "Dave Tester", "Owner Tester");
	}

	@Test
	void theStageShowsNothingOfAQuestionWithTooFewVotesAndNoNamesBesideOneWithEnough() throws Exception {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		Caller bob = squad.member("Bob");
		vote(squad.member("Carol"), session, 0, 0, null, "carol on the stage");
		vote(squad.member("Dave"), session, 0, 2, null, "dave on the stage");
		squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(0)).ok();
		assertThat(page("/sessions/{id}/parts/stage", bob, session.id())).doesNotContain("1 red", "1 green",
				"carol on the stage", "dave on the stage");

		squad.owner().execute(MOVE_TO, "s", session.id(), "q", session.question(1)).ok();
		for (String name : List.of("Bob", "Carol", "Dave")) {
			vote(squad.member(name), session, 1, 1, null, name + " waits");
		}
		squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(1)).ok();
		assertThat(page("/sessions/{id}/parts/stage", bob, session.id())).contains("3 yellow", "Bob waits", "Carol waits",
				"Dave waits")
			.doesNotContain("Who voted what", "Carol Tester", "Dave Tester");
	}

	@Test
	void theResultsPageShowsNothingOfAQuestionWithTooFewVotesAndNoNamesBesideOneWithEnough() throws Exception {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		vote(squad.member("Carol"), session, 0, 0, null, "carol in the results");
		vote(squad.member("Dave"), session, 0, 2, null, "dave in the results");
		for (String name : List.of("Bob", "Carol", "Dave")) {
			vote(squad.member(name), session, 1, 1, null, name + " is fine");
		}
		squad.owner().execute(END, "s", session.id()).ok();

		String results = resultSections(page("/sessions/{id}/results", squad.member("Bob"), session.id()));
		assertThat(results).doesNotContain("1 red", "1 green", "carol in the results", "dave in the results")
			.doesNotContainPattern("\\d\\.\\d avg\\W+2 votes")
			.contains("3 yellow", "Bob is fine", "Carol is fine", "Dave is fine")
			.doesNotContain("Who voted what", "Carol Tester", "Dave Tester");
	}

	@Test
	void thePagesEventStreamCarriesOnlyTheNamesOfChanges() throws Exception {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		Caller bob = squad.member("Bob");
		MvcResult raw = mvc.perform(get("/sessions/{id}/events", session.id()).with(user(bob.person().id()))
			.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
		try (EventStream stream = EventStream.open(port, session.id(), tokenOf(bob))) {
			assertThat(stream.next()).isEqualTo("sync");
			vote(squad.member("Carol"), session, 0, 0, "WORSENING", "carol on the wire");
			assertThat(stream.next()).isEqualTo("votes");
			vote(squad.member("Dave"), session, 0, 2, "IMPROVING", "dave on the wire");
			assertThat(stream.next()).isEqualTo("votes");
			squad.owner().execute(REVEAL, "s", session.id(), "q", session.question(0)).ok();
			assertThat(stream.next()).isEqualTo("question");
			squad.owner().execute(END, "s", session.id()).ok();
			assertThat(stream.next()).isEqualTo("ended");
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> raw.getResponse().getContentAsString().contains("event:ended"));
		String wire = raw.getResponse().getContentAsString();
		Set<String> changes = Set.of("sync", "votes", "question", "ended", "timer", "discussion");
		String event = null;
		for (String line : wire.split("\n")) {
			if (line.startsWith("event:")) {
				event = line.substring("event:".length());
				assertThat(changes).contains(event);
			}
			else if (line.startsWith("data:")) {
				assertThat(line.substring("data:".length())).as("the data of %s", event).isEqualTo(event);
			}
			else {
				assertThat(line).as("only events and comments").matches("|:.*");
			}
		}
		assertThat(wire).doesNotContain("carol on the wire", "dave on the wire", "red", "green",
				squad.member("Carol").person().id(), squad.member("Dave").person().id(), bob.person().id());
	}

	// ----- the database

	@Test
	void theDatabaseTiesNoVoteToItsVoter() {
		Squad squad = squad(true, "Bob", "Carol", "Dave");
		Session session = start(squad);
		Map<String, String> commentOf = new LinkedHashMap<>();
		for (String name : List.of("Bob", "Carol", "Dave")) {
			String comment = name + "'s secret " + UUID.randomUUID();
			commentOf.put(squad.member(name).person().id(), comment);
			vote(squad.member(name), session, 0, 1, "STABLE", comment);
			vote(squad.member(name), session, 2, 0, null, comment + " again");
		}
		vote(squad.member("Bob"), session, 1, 2, null, "bob, alone " + UUID.randomUUID());
		endAndAwaitResults(squad, session);
		List<String> voterIds = List.copyOf(commentOf.keySet());
		List<String> comments = new ArrayList<>(commentOf.values());
		comments.addAll(jdbc.sql("""
				select v.comment from vote v join session_question q on q.id = v.question_id
				where q.session_id = ? and v.comment is not null""").param(session.id()).query(String.class).list());

		List<DatabaseDump.Row> rows = DatabaseDump.everyRow(jdbc);
		assertThat(rows).extracting(DatabaseDump.Row::table).contains("VOTE", "EVENT_OUTBOX");
		for (DatabaseDump.Row row : rows) {
			boolean hasVoter = voterIds.stream().anyMatch(row::contains);
			boolean hasComment = comments.stream().anyMatch(row::contains);
			assertThat(hasVoter && hasComment).as("a row of %s ties a voter to a comment: %s", row.table(), row.text())
				.isFalse();
			if (row.table().contains("OUTBOX") || row.table().contains("EVENT") || row.table().contains("JOB")) {
				assertThat(hasVoter).as("a row of %s names a voter: %s", row.table(), row.text()).isFalse();
			}
		}

		List<Map<String, Object>> votes = jdbc.sql("""
				select v.person_id, v.voter_key from vote v join session_question q on q.id = v.question_id
				where q.session_id = ?""").param(session.id()).query().listOfRows();
		assertThat(votes).hasSize(7);
		for (Map<String, Object> vote : votes) {
			assertThat(vote.get("PERSON_ID")).isNull();
			assertThat(String.valueOf(vote.get("VOTER_KEY"))).doesNotContain(voterIds);
		}
	}

	// ----- helpers

	/** An owner and members, by first name; each person's display name is "<first name> Tester". */
	record Squad(String id, Caller owner, Map<String, Caller> members) {

		Caller member(String name) {
			return members.get(name);
		}

	}

	record Session(String id, String visibility, List<String> questions) {

		static Session of(GraphQlResponse created) {
			List<String> ids = new ArrayList<>();
			created.data("createSession.questions").forEach(q -> ids.add(q.path("id").asString()));
			return new Session(created.text("createSession.id"), created.text("createSession.resultVisibility"), ids);
		}

		String question(int index) {
			return questions.get(index);
		}

	}

	Squad squad(boolean anonymous, String... memberNames) {
		Caller owner = api.as(api.newPerson("Owner"));
		// a named squad as the original clients make it: without saying anonymous
		String squadId = owner
			.execute(anonymous ? "mutation { createSquad(input: {name: \"Curious\", anonymous: true}) { id } }"
					: "mutation { createSquad(input: {name: \"Curious\"}) { id } }")
			.ok()
			.text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		Map<String, Caller> members = new LinkedHashMap<>();
		for (String name : memberNames) {
			Caller member = api.as(api.newPerson(name));
			member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
			members.put(name, member);
		}
		return new Squad(squadId, owner, members);
	}

	/** A live session started by the owner, with the default questions ("Delivering value", "Easy to release", …). */
	Session start(Squad squad) {
		return Session.of(squad.owner().execute(START, "s", squad.id()).ok());
	}

	void vote(Caller voter, Session session, int question, int colour, String trend, String comment) {
		voter.execute(VOTE, "s", session.id(), "q", session.question(question), "a", colour, "t", trend, "c", comment).ok();
	}

	/** Ends the session and waits until its results are recorded (in the background) and in the squad's history. */
	void endAndAwaitResults(Squad squad, Session session) {
		squad.owner().execute(END, "s", session.id()).ok();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> squad.owner()
				.execute(HISTORY, "s", squad.id())
				.ok()
				.data("squadHistory.sessions")
				.findValues("sessionId")
				.stream()
				.anyMatch(id -> id.asString().equals(session.id())));
	}

	String tokenOf(Caller caller) {
		return caller.execute("mutation { createAccessToken(input: {name: \"curious\"}) { secret } }")
			.ok()
			.text("createAccessToken.secret");
	}

	String page(String path, Caller viewer, String sessionId) throws Exception {
		return mvc.perform(get(path, sessionId).with(user(viewer.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The overview and the per-question results of the results page, without the rest (the page's discussion
	 * part lists the squad's members as possible owners of actions).
	 */
	static String resultSections(String page) {
		int start = page.indexOf("aria-label=\"Overview\"");
		int lastResult = page.lastIndexOf("class=\"result\"");
		assertThat(start).as("the overview in %s", page).isNotNegative();
		assertThat(lastResult).as("the results in %s", page).isNotNegative();
		return page.substring(start, page.indexOf("</section>", lastResult));
	}

	/** The next event of the subscription, which must be of this kind. */
	static JsonNode nextEvent(Subscriber subscriber, String change) throws InterruptedException {
		JsonNode message = subscriber.next();
		assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
		assertThat(message.path("payload").path("errors").isMissingNode()).as("message %s", message).isTrue();
		JsonNode event = message.path("payload").path("data").path("sessionChanged");
		assertThat(event.path("change").asString()).as("message %s", message).isEqualTo(change);
		return event;
	}

	/** A session as seen, less what may change with others' votes before the reveal: how many voted and who. */
	static JsonNode withoutCountsAndVoters(JsonNode session) {
		JsonNode copy = session.deepCopy();
		for (JsonNode question : copy.path("questions")) {
			((ObjectNode) question).remove("voteCount");
			((ObjectNode) question).remove("voters");
		}
		return copy;
	}

	static List<String> personIds(JsonNode answers) {
		List<String> ids = new ArrayList<>();
		answers.forEach(answer -> ids.add(answer.path("person").path("id").asString(null)));
		return ids;
	}

	static List<String> ids(JsonNode people) {
		List<String> ids = new ArrayList<>();
		people.forEach(person -> ids.add(person.path("id").asString()));
		return ids;
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

}
