package io.featurecreep.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.SessionMode;
import io.featurecreep.healthcheck.SessionQuestion;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.insights.ActionItem.Status;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.SquadAccess;

/**
 * Notes and actions as the pages show them: names instead of ids, the indicator an action should move by its
 * title, and the choices the forms offer (the session's questions, the squad's members).
 */
@Component
class DiscussionViews {

	/** The note and action forms' choice for "whatever question the live page shows when I send this". */
	static final String QUESTION_ON_SCREEN = "current";

	private final NotesAndActions discussion;

	private final SessionLookup sessions;

	private final SquadAccess squads;

	private final People people;

	private final Clock clock;

	DiscussionViews(NotesAndActions discussion, SessionLookup sessions, SquadAccess squads, People people, Clock clock) {
		this.discussion = discussion;
		this.sessions = sessions;
		this.squads = squads;
		this.people = people;
		this.clock = clock;
	}

	/** Everything the notes-and-actions part of a session page shows. */
	Discussion discussion(String viewerId, HealthSession session) {
		List<SessionQuestion> questions = sessions.questions(session.id());
		Map<String, String> questionTitles = new HashMap<>();
		questions.forEach(question -> questionTitles.put(question.id(), question.title()));
		List<Note> notes = discussion.notes(viewerId, session.id());
		List<ActionItem> actions = discussion.agreedIn(viewerId, session.id());
		Map<String, Person> named = people.findAllById(personIds(notes.stream().map(Note::authorId), actions));
		return new Discussion(session.id(), session.squadId(), session.active() && session.mode() == SessionMode.LIVE,
				questions.stream().map(question -> new Option(question.id(), question.title())).toList(),
				members(session.squadId()),
				notes.stream()
					.map(note -> new NoteView(note.body(), name(named, note.authorId()),
							note.questionId() == null ? null : questionTitles.get(note.questionId()), note.createdAt()))
					.toList(),
				views(actions, named, indicatorTitles(actions, questions)));
	}

	/** The open actions of earlier sessions that a session reviews first. */
	List<ActionView> toReview(String viewerId, HealthSession session) {
		List<ActionItem> actions = discussion.toReview(viewerId, session.id());
		return views(actions, people.findAllById(personIds(Stream.empty(), actions)),
				indicatorTitles(actions, sessions.questions(session.id())));
	}

	/** A squad's open actions, oldest first: the list it works through. */
	List<ActionView> openActions(String viewerId, String squadId) {
		List<ActionItem> actions = discussion.actions(viewerId, squadId, Status.OPEN).reversed();
		return views(actions, people.findAllById(personIds(Stream.empty(), actions)), indicatorTitles(actions, List.of()));
	}

	List<Option> members(String squadId) {
		List<Membership> members = squads.members(squadId);
		Map<String, Person> named = people.findAllById(members.stream().map(Membership::personId).toList());
		return members.stream()
			.map(member -> new Option(member.personId(), name(named, member.personId())))
			.sorted(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	private List<ActionView> views(List<ActionItem> actions, Map<String, Person> named, Map<String, String> indicators) {
		return actions.stream()
			.map(action -> new ActionView(action.id(), action.title(),
					action.ownerId() == null ? null : name(named, action.ownerId()), action.dueDate(),
					action.indicatorId() == null ? null : indicators.get(action.indicatorId()), action.status(),
					action.overdue(clock)))
			.toList();
	}

	/**
	 * The title each action's indicator has in the given questions, else the title it had in the session that
	 * agreed on it.
	 */
	private Map<String, String> indicatorTitles(List<ActionItem> actions, List<SessionQuestion> current) {
		Map<String, String> titles = new HashMap<>();
		current.forEach(question -> titles.putIfAbsent(question.libraryQuestionId(), question.title()));
		Set<String> asked = new HashSet<>();
		for (ActionItem action : actions) {
			if (action.indicatorId() != null && !titles.containsKey(action.indicatorId()) && asked.add(action.sessionId())) {
				sessions.questions(action.sessionId())
					.forEach(question -> titles.putIfAbsent(question.libraryQuestionId(), question.title()));
			}
		}
		return titles;
	}

	private static Collection<String> personIds(Stream<String> authors, List<ActionItem> actions) {
		return Stream.concat(authors, actions.stream().map(ActionItem::ownerId))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	private static String name(Map<String, Person> named, String personId) {
		Person person = named.get(personId);
		return person == null ? "Someone who left" : person.displayName();
	}

	/** A choice in a form: what is sent, what is shown. */
	record Option(String value, String label) {
	}

	record NoteView(String body, String author, String question, Instant createdAt) {
	}

	record ActionView(String id, String title, String owner, LocalDate dueDate, String indicator, Status status,
			boolean overdue) {

		public String statusLabel() {
			return switch (status) {
				case OPEN -> overdue ? "Overdue" : "Open";
				case DONE -> "Done";
				case DROPPED -> "Dropped";
			};
		}

	}

	/**
	 * The notes and actions of one session. {@code live}: a running live session, where "the question on
	 * screen" is what notes and actions are about unless someone picks another.
	 */
	record Discussion(String sessionId, String squadId, boolean live, List<Option> questions, List<Option> members,
			List<NoteView> notes, List<ActionView> actions) {
	}

}
