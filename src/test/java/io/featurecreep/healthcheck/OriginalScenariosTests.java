package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.featurecreep.WithH2;
import io.featurecreep.WithPostgres;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import tools.jackson.databind.JsonNode;

/** The original server's own test scenarios (spec section 9), restated against our GraphQL endpoint. */
@FeatureCreepTest
class OriginalScenariosTests {

	/** Runs on H2 always, and on PostgreSQL where FC_TEST_POSTGRES_URL is set. */
	abstract class Contract {

		@Autowired
		GraphQlApi api;

		Caller me;

		@BeforeEach
		void signIn() {
			me = api.as(api.newPerson("Harry"));
		}

		String createSquad(String name) {
			return me.execute("mutation test($input: CreateSquad){ createSquad(input: $input){ name id } }", "input",
					java.util.Map.of("name", name))
				.ok()
				.text("createSquad.id");
		}

		String createSession(String squadId) {
			return me.execute("mutation($input: createSessionInput!){ createSession(input: $input){ id active } }",
					"input", java.util.Map.of("squadId", squadId))
				.ok()
				.text("createSession.id");
		}

		@Test
		void sessionActivity_answersAreStringsAndEndedSessionsRefuseChanges() {
			String squadId = createSquad("testing Squad");
			GraphQlResponse created = me.execute(
					"mutation($input: createSessionInput!){ createSession(input: $input){ id active } }", "input",
					java.util.Map.of("squadId", squadId))
				.ok();
			String sessionId = created.text("createSession.id");
			assertThat(created.data("createSession.active").asBoolean()).isTrue();

			GraphQlResponse squads = me.execute("{ squads(filter: {filter: MEMBEROF}) { name id activeSession { id } } }").ok();
			assertThat(squads.data("squads").size()).isEqualTo(1);
			assertThat(squads.text("squads.0.activeSession.id")).isEqualTo(sessionId);

			String addQuestion = "mutation($input: addQuestion){ addQuestion(input: $input){ id question answers { answer } } }";
			java.util.Map<String, Object> question = java.util.Map.of("question", java.util.Map.of("question", "How you doin"),
					"sessionId", sessionId);
			GraphQlResponse added = me.execute(addQuestion, "input", question).ok();
			String questionId = added.text("addQuestion.id");
			assertThat(added.text("addQuestion.question")).isEqualTo("How you doin");
			assertThat(added.data("addQuestion.answers").isEmpty()).isTrue();

			String answer = "mutation($input: answerQuestion){ answerQuestion(input: $input){ id answer person { id } } }";
			GraphQlResponse answered = me
				.execute(answer, "input", java.util.Map.of("answer", 1, "questionId", questionId, "sessionId", sessionId))
				.ok();
			assertThat(answered.data("answerQuestion.answer").isString()).isTrue();
			assertThat(answered.text("answerQuestion.answer")).isEqualTo("1");
			assertThat(answered.text("answerQuestion.person.id")).isEqualTo(me.person().id());

			GraphQlResponse ended = me.execute("mutation($input: endSession){ endSession(input: $input){ id active } }",
					"input", java.util.Map.of("sessionId", sessionId))
				.ok();
			assertThat(ended.text("endSession.id")).isEqualTo(sessionId);
			assertThat(ended.data("endSession.active").asBoolean()).isFalse();

			me.execute(answer, "input", java.util.Map.of("answer", 2, "questionId", questionId, "sessionId", sessionId))
				.failsWith("Session has ended", "BAD_USER_INPUT");
			me.execute(addQuestion, "input", question).failsWith("Session has ended", "BAD_USER_INPUT");
		}

		@Test
		void squadGets_addingAMemberTwiceKeepsOneEntry() {
			assertThat(me.execute("{ person { id } }").ok().text("person.id")).isEqualTo(me.person().id());
			String squadId = createSquad("coolste squad");
			assertThat(me.execute("{ squads(filter: {filter: MEMBEROF}) { name id } }").ok().data("squads").size())
				.isEqualTo(1);
			me.execute("mutation($input: SetOpenStatusInput){ setSquadOpen(input: $input){ id open } }", "input",
					java.util.Map.of("squadId", squadId))
				.ok();
			me.execute("mutation($input: AddMemberType){ addMemberToSquad(input: $input){ name } }", "input",
					java.util.Map.of("personId", me.person().id(), "squadId", squadId))
				.ok();
			assertThat(memberIds(squadId)).containsExactly(me.person().id());
			assertThat(me.execute("{ squads(filter: {filter: MEMBEROF}) { name id } }").ok().data("squads").size())
				.isEqualTo(1);
		}

		@Test
		void squadManagement_joiningNeedsAnOpenSquadAndMembersCanLeave() {
			String squadId = createSquad("coolste squad");
			String addMember = "mutation($input: AddMemberType){ addMemberToSquad(input: $input){ name } }";
			java.util.Map<String, Object> self = java.util.Map.of("personId", me.person().id(), "squadId", squadId);
			me.execute(addMember, "input", self).failsWith("Cannot add a person to a squad that is not open", "UNAUTHENTICATED");
			me.execute("mutation($input: SetOpenStatusInput){ setSquadOpen(input: $input){ id open } }", "input",
					java.util.Map.of("squadId", squadId))
				.ok();
			assertThat(me.execute(addMember, "input", self).ok().text("addMemberToSquad.name")).isEqualTo("coolste squad");
			assertThat(memberIds(squadId)).containsExactly(me.person().id());
			me.execute("mutation($input: RemoveMemberType){ removeMemberFromSquad(input: $input){ name } }", "input", self)
				.ok();
			// the original answered members = []; we no longer show the member list to someone outside the squad
			me.execute("query($id: String!){ squad(id: $id){ members { id } } }", "id", squadId)
				.failsWith("Only members of this squad can see this", "FORBIDDEN");
			assertThat(me.execute("{ squads { id } }").ok().data("squads").isEmpty()).isTrue();
		}

		@Test
		void addQuestion_putsTheQuestionInTheLibrarySearch() {
			String sessionId = createSession(createSquad("search squad"));
			String unique = "abcdefghijklmnop" + System.nanoTime();
			me.execute("mutation($input: addQuestion){ addQuestion(input: $input){ id } }", "input",
					java.util.Map.of("sessionId", sessionId, "question", java.util.Map.of("question", unique)))
				.ok();
			GraphQlResponse found = me.execute("query($s: String!){ search(search: $s){ question descriptionBad descriptionGood } }",
					"s", unique)
				.ok();
			assertThat(found.data("search").size()).isEqualTo(1);
			assertThat(found.text("search.0.question")).isEqualTo(unique);
			assertThat(found.text("search.0.descriptionGood")).isEmpty();
		}

		@Test
		void search_findsTheDefaultIndicatorsByTheirWords() {
			GraphQlResponse codebase = me.execute("{ search(search: \"codebase\") { question } }").ok();
			assertThat(codebase.text("search.0.question")).isEqualTo("Health of codebase");
			GraphQlResponse boring = me.execute("{ search(search: \"Boooooooring\") { question } }").ok();
			assertThat(boring.data("search").size()).isEqualTo(1);
			assertThat(boring.text("search.0.question")).isEqualTo("Fun");
			GraphQlResponse we = me.execute("{ search(search: \"we\") { question } }").ok();
			assertThat(we.data("search").size()).isBetween(6, 10);
		}

		@Test
		void endedSessionsReportTotalsAsTheSumOfTheirAnswers() {
			String squadId = createSquad("totals");
			String sessionId = createSession(squadId);
			List<String> questionIds = new ArrayList<>();
			me.execute("query($id: String!){ session(id: $id){ questions { id total } } }", "id", sessionId)
				.ok()
				.data("session.questions")
				.forEach(q -> {
					questionIds.add(q.path("id").asString());
					assertThat(q.path("total").isNull()).as("no total while active").isTrue();
				});
			assertThat(questionIds).hasSize(8);
			for (int i = 0; i < questionIds.size(); i++) {
				me.execute("mutation($input: answerQuestion){ answerQuestion(input: $input){ id } }", "input",
						java.util.Map.of("answer", i % 3, "questionId", questionIds.get(i), "sessionId", sessionId))
					.ok();
			}
			me.execute("mutation($input: endSession){ endSession(input: $input){ id } }", "input",
					java.util.Map.of("sessionId", sessionId))
				.ok();
			String read = "query($id: String!){ session(id: $id){ questions { total answers { answer } } } }";
			// totals come from the results recorded in the background after the end, as in the original
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !me.execute(read, "id", sessionId).ok().data("session.questions.0.total").isNull());
			JsonNode questions = me.execute(read, "id", sessionId).ok().data("session.questions");
			for (JsonNode question : questions) {
				int sum = 0;
				for (JsonNode answer : question.path("answers")) {
					sum += Integer.parseInt(answer.path("answer").asString());
				}
				assertThat(question.path("total").asInt()).isEqualTo(sum);
			}
		}

		@Test
		void squadQuery_listsItsSessions() {
			String squadId = createSquad("testers");
			for (int i = 0; i < 3; i++) {
				String sessionId = createSession(squadId);
				me.execute("mutation($input: endSession){ endSession(input: $input){ id } }", "input",
						java.util.Map.of("sessionId", sessionId))
					.ok();
			}
			GraphQlResponse squad = me.execute("query($id: String!){ squad(id: $id){ name sessions { id } } }", "id", squadId)
				.ok();
			assertThat(squad.text("squad.name")).isEqualTo("testers");
			assertThat(squad.data("squad.sessions").size()).isEqualTo(3);
		}

		@Test
		void person_editedProfileIsReadBack() {
			me.execute("mutation($person: EditPersonType!){ editPerson(person: $person){ firstName } }", "person",
					java.util.Map.of("firstName", "ron"))
				.ok();
			assertThat(me.execute("{ person { firstName lastName } }").ok().text("person.firstName")).isEqualTo("ron");
		}

		@Test
		void session_startsWithTheEightDefaultsInOrderAndRejectsBadAnswers() {
			String squadId = createSquad("defaults");
			GraphQlResponse created = me.execute(
					"mutation($input: createSessionInput!){ createSession(input: $input){ id questions { id question descriptionGood descriptionBad } activeQuestion { question } } }",
					"input", java.util.Map.of("squadId", squadId))
				.ok();
			List<String> titles = new ArrayList<>();
			created.data("createSession.questions").forEach(q -> {
				titles.add(q.path("question").asString());
				assertThat(q.path("descriptionGood").asString()).isNotBlank();
				assertThat(q.path("descriptionBad").asString()).isNotBlank();
			});
			assertThat(titles).containsExactly("Delivering value", "Easy to release", "Fun", "Health of codebase",
					"Learning", "Mission", "Pawns or players", "Speed");
			assertThat(created.text("createSession.activeQuestion.question")).isEqualTo("Delivering value");
			String sessionId = created.text("createSession.id");
			String questionId = created.text("createSession.questions.0.id");
			me.execute("mutation($input: answerQuestion){ answerQuestion(input: $input){ id } }", "input",
					java.util.Map.of("answer", 42, "questionId", questionId, "sessionId", sessionId))
				.failsWith("Answer must be a number 0-2", "BAD_USER_INPUT");
		}

		@Test
		void squad_isOpenOnlyAfterSetSquadOpenAndShowsItsActiveSession() {
			String squadId = createSquad("open or not");
			assertThat(me.execute("query($id: String!){ squad(id: $id){ open } }", "id", squadId).ok().data("squad.open").asBoolean())
				.isFalse();
			GraphQlResponse opened = me.execute("mutation($input: SetOpenStatusInput){ setSquadOpen(input: $input){ id open } }",
					"input", java.util.Map.of("squadId", squadId))
				.ok();
			assertThat(opened.data("setSquadOpen.open").asBoolean()).isTrue();
			String sessionId = createSession(squadId);
			GraphQlResponse squad = me.execute("query($id: String!){ squad(id: $id){ activeSession { id active } } }", "id", squadId)
				.ok();
			assertThat(squad.text("squad.activeSession.id")).isEqualTo(sessionId);
			assertThat(squad.data("squad.activeSession.active").asBoolean()).isTrue();
		}

		List<String> memberIds(String squadId) {
			List<String> ids = new ArrayList<>();
			me.execute("query($id: String!){ squad(id: $id){ members { id } } }", "id", squadId)
				.ok()
				.data("squad.members")
				.forEach(m -> ids.add(m.path("id").asString()));
			return ids;
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
