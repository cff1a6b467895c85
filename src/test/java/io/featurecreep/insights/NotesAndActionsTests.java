package io.featurecreep.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/** Notes during a session, actions agreed there, and their review at the squad's next session. */
@FeatureCreepTest
class NotesAndActionsTests {

	@Autowired
	GraphQlApi api;

	@Test
	void actionsAgreedInOneSessionComeBackForReviewInTheNext() {
		Caller lead = api.as(api.newPerson("Lead"));
		Caller outsider = api.as(api.newPerson("Outsider"));
		String squadId = lead.execute("mutation { createSquad(input: {name: \"Actions\"}) { id } }").ok().text("createSquad.id");
		GraphQlResponse first = lead
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String firstId = first.text("createSession.id");
		String releaseQuestion = first.text("createSession.questions.1.id");

		lead.execute("mutation($s: String!, $q: String) { addNote(input: {sessionId: $s, questionId: $q, body: \"Deploys take a day\"}) { id author { firstName } } }",
				"s", firstId, "q", releaseQuestion)
			.ok();
		GraphQlResponse action = lead
			.execute("mutation($s: String!, $q: String, $o: String, $d: String) { addAction(input: {sessionId: $s, title: \"Automate the release\", questionId: $q, ownerId: $o, dueDate: $d}) { id indicatorId status owner { firstName } dueDate } }",
					"s", firstId, "q", releaseQuestion, "o", lead.person().id(), "d",
					java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(1).toString())
			.ok();
		assertThat(action.text("addAction.indicatorId")).isEqualTo("00000000-0000-0000-0001-000000000002");
		assertThat(action.text("addAction.status")).isEqualTo("OPEN");
		assertThat(action.text("addAction.owner.firstName")).isEqualTo("Lead");
		lead.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", firstId).ok();

		String secondId = lead.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
		GraphQlResponse review = lead
			.execute("query($s: String!) { session(id: $s) { actionsToReview { title status } } }", "s", secondId)
			.ok();
		assertThat(review.text("session.actionsToReview.0.title")).isEqualTo("Automate the release");

		lead.execute("mutation($a: String!) { updateAction(input: {actionId: $a, status: DONE}) { status } }", "a",
				action.text("addAction.id"))
			.ok();
		assertThat(lead.execute("query($s: String!) { session(id: $s) { actionsToReview { title } } }", "s", secondId)
			.ok()
			.data("session.actionsToReview")
			.isEmpty()).isTrue();
		assertThat(lead.execute("query($s: String!) { squad(id: $s) { actions(status: DONE) { title } } }", "s", squadId)
			.ok()
			.text("squad.actions.0.title")).isEqualTo("Automate the release");
		assertThat(lead.execute("query($s: String!) { session(id: $s) { notes { body } } }", "s", firstId)
			.ok()
			.text("session.notes.0.body")).isEqualTo("Deploys take a day");

		outsider.execute("mutation($s: String!) { addNote(input: {sessionId: $s, body: \"hi\"}) { id } }", "s", firstId)
			.failsWith("Session not found", "NOT_FOUND");
		lead.execute("mutation($s: String!, $o: String) { addAction(input: {sessionId: $s, title: \"x\", ownerId: $o}) { id } }",
				"s", secondId, "o", outsider.person().id())
			.failsWith("An action's owner must be a member of the squad", "BAD_USER_INPUT");
		lead.execute("mutation($s: String!) { addAction(input: {sessionId: $s, title: \"x\", dueDate: \"soon\"}) { id } }",
				"s", secondId)
			.failsWith("Enter the due date as YYYY-MM-DD, e.g. 2026-12-31", "BAD_USER_INPUT");
	}

}
