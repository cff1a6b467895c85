package io.featurecreep.insights;

import java.security.Principal;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.insights.ActionItem.Status;
import io.featurecreep.squads.Squad;

/** Notes and action items over GraphQL. */
@Controller
class DiscussionGraphQlController {

	private final NotesAndActions discussion;

	private final People people;

	DiscussionGraphQlController(NotesAndActions discussion, People people) {
		this.discussion = discussion;
		this.people = people;
	}

	@SchemaMapping(typeName = "Session")
	List<Note> notes(HealthSession session, Principal principal) {
		return discussion.notes(Callers.id(principal), session.id());
	}

	@SchemaMapping(typeName = "Session")
	List<ActionItem> actionsToReview(HealthSession session, Principal principal) {
		return discussion.toReview(Callers.id(principal), session.id());
	}

	@SchemaMapping(typeName = "Squad")
	List<ActionItem> actions(Squad squad, @Argument String status, Principal principal) {
		return discussion.actions(Callers.id(principal), squad.id(), status == null ? null : Status.valueOf(status));
	}

	@SchemaMapping(typeName = "Note")
	Person author(Note note) {
		return people.findById(note.authorId()).orElse(null);
	}

	@SchemaMapping(typeName = "ActionItem")
	Person owner(ActionItem action) {
		return action.ownerId() == null ? null : people.findById(action.ownerId()).orElse(null);
	}

	@MutationMapping
	Note addNote(@Argument AddNoteInput input, Principal principal) {
		return discussion.addNote(Callers.id(principal), input.sessionId(), input.questionId(), input.body());
	}

	@MutationMapping
	ActionItem addAction(@Argument AddActionInput input, Principal principal) {
		return discussion.addAction(Callers.id(principal), input.sessionId(), input.title(), input.questionId(),
				input.ownerId(), ActionItem.dueDate(input.dueDate()), null);
	}

	@MutationMapping
	ActionItem updateAction(@Argument UpdateActionInput input, Principal principal) {
		return discussion.updateAction(Callers.id(principal), input.actionId(), input.status(), input.title(),
				input.ownerId(), ActionItem.dueDate(input.dueDate()));
	}

	record AddNoteInput(String sessionId, String questionId, String body) {
	}

	/** The due date is a calendar date, YYYY-MM-DD, read by {@link ActionItem#dueDate}. */
	record AddActionInput(String sessionId, String title, String questionId, String ownerId, String dueDate) {
	}

	/** Only what is given changes; the status is the schema's enum. */
	record UpdateActionInput(String actionId, Status status, String title, String ownerId, String dueDate) {
	}

}
