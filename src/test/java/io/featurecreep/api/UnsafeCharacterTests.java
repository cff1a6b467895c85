package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/**
 * Through the API, names and titles refuse control characters and direction overrides with a message naming the
 * field; comments, notes and descriptions keep their line breaks.
 */
@FeatureCreepTest
class UnsafeCharacterTests {

	static final String OVERRIDE = "\u202E";

	@Autowired
	GraphQlApi api;

	Caller owner;

	String squadId;

	String sessionId;

	String questionId;

	@BeforeEach
	void session() {
		owner = api.as(api.newPerson("Owner"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Chars\"}) { id } }").ok().text("createSquad.id");
		GraphQlResponse session = owner.execute(
				"mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		sessionId = session.text("createSession.id");
		questionId = session.text("createSession.questions.0.id");
	}

	@Test
	void namesAndTitlesRefuseControlCharactersAndDirectionOverrides() {
		owner.execute("mutation($n: String!) { createSquad(input: {name: $n}) { id } }", "n", "Web\u0007squad")
			.failsWith("Squad name must not contain control characters (such as line breaks or tabs)", "BAD_USER_INPUT");
		owner.execute("mutation($n: String!) { createSquad(input: {name: $n}) { id } }", "n", "Web" + OVERRIDE + "squad")
			.failsWith("Squad name must not contain characters that change the direction of the text", "BAD_USER_INPUT");
		owner.execute("mutation($n: String) { editPerson(person: {firstName: $n}) { id } }", "n", "Ada\u0007")
			.failsWith("First name must not contain control characters (such as line breaks or tabs)", "BAD_USER_INPUT");
		owner.execute("mutation($s: String!, $q: String!) { addQuestion(input: {sessionId: $s, question: {question: $q}}) { id } }",
				"s", sessionId, "q", "Fun\nagain")
			.failsWith("Question must not contain control characters (such as line breaks or tabs)", "BAD_USER_INPUT");
		owner.execute("mutation($s: String!, $t: String!) { addAction(input: {sessionId: $s, title: $t}) { id } }", "s",
				sessionId, "t", "Fix" + "\u2066" + " it")
			.failsWith("Action must not contain characters that change the direction of the text", "BAD_USER_INPUT");
	}

	@Test
	void longerTextsKeepTheirLinesButRefuseOtherControlCharacters() {
		owner.execute("mutation($s: String!, $q: String!, $c: String) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2, comment: $c}) { id } }",
				"s", sessionId, "q", questionId, "c", "bel\u0007")
			.failsWith("Comment must not contain control characters other than line breaks and tabs", "BAD_USER_INPUT");
		owner.execute("mutation($s: String!, $q: String!, $g: String) { addQuestion(input: {sessionId: $s, question: {question: $q, descriptionGood: $g}}) { id } }",
				"s", sessionId, "q", "Coffee", "g", "Hot" + OVERRIDE)
			.failsWith("Good description must not contain characters that change the direction of the text",
					"BAD_USER_INPUT");

		GraphQlResponse note = owner.execute("mutation($s: String!, $b: String!) { addNote(input: {sessionId: $s, body: $b}) { body } }",
				"s", sessionId, "b", "First point\n\tand its detail")
			.ok();
		assertThat(note.text("addNote.body")).isEqualTo("First point\n\tand its detail");
	}

}
