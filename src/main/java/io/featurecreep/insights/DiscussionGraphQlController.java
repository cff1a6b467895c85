package io.featurecreep.insights;

import java.security.Principal;
import java.util.List;
import java.util.Map;

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
	Note addNote(@Argument Map<String, Object> input, Principal principal) {
		return discussion.addNote(Callers.id(principal), (String) input.get("sessionId"), (String) input.get("questionId"),
				(String) input.get("body"));
	}

	@MutationMapping
	ActionItem addAction(@Argument Map<String, Object> input, Principal principal) {
		return discussion.addAction(Callers.id(principal), (String) input.get("sessionId"), (String) input.get("title"),
				(String) input.get("questionId"), (String) input.get("ownerId"),
				ActionItem.dueDate((String) input.get("dueDate")), null);
	}

	@MutationMapping
	ActionItem updateAction(@Argument Map<String, Object> input, Principal principal) {
		Object status = input.get("status");
		return discussion.updateAction(Callers.id(principal), (String) input.get("actionId"),
				status == null ? null : Status.valueOf(status.toString()), (String) input.get("title"),
				(String) input.get("ownerId"), ActionItem.dueDate((String) input.get("dueDate")));
	}

}
