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

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.SessionMode;
import io.featurecreep.healthcheck.SessionQuestion;
import io.featurecreep.identity.People;
import io.featurecreep.identity.PersonNames;
import io.featurecreep.identity.Person;
import io.featurecreep.insights.ActionItem.Status;
import io.featurecreep.library.Deck;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.SquadAccess;

/**
 * Notes and actions as the pages show them: names instead of ids, the indicator an action should move by its
 * title, and the choices the forms offer (the session's questions, the squad's members), in the reader's language
 * (the deck's questions too: {@link Deck}).
 */
@Component
class DiscussionViews {

	/** The note and action forms' choice for "whatever question the live page shows when I send this". */
	static final String QUESTION_ON_SCREEN = "current";

	private final NotesAndActions discussion;

	private final SessionLookup sessions;

	private final SquadAccess squads;

	private final People people;

	private final PersonNames names;

	private final Clock clock;

	private final Deck deck;

	private final MessageSource messages;

	DiscussionViews(NotesAndActions discussion, SessionLookup sessions, SquadAccess squads, People people, Clock clock,
			Deck deck, MessageSource messages, PersonNames names) {
		this.names = names;
		this.discussion = discussion;
		this.sessions = sessions;
		this.squads = squads;
		this.people = people;
		this.clock = clock;
		this.deck = deck;
		this.messages = messages;
	}

	/** Everything the notes-and-actions part of a session page shows. */
	Discussion discussion(String viewerId, HealthSession session) {
		List<SessionQuestion> questions = sessions.questions(session.id());
		Map<String, String> questionTitles = new HashMap<>();
		questions.forEach(question -> questionTitles.put(question.id(), title(question)));
		List<Note> notes = discussion.notes(viewerId, session.id());
		List<ActionItem> actions = discussion.agreedIn(viewerId, session.id());
		Map<String, Person> named = people.findAllById(personIds(notes.stream().map(Note::authorId), actions));
		return new Discussion(session.id(), session.squadId(), session.active() && session.mode() == SessionMode.LIVE,
				questions.stream().map(question -> new Option(question.id(), title(question))).toList(),
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

	/** A question's title as the reader reads it. */
	private String title(SessionQuestion question) {
		return deck.title(question.libraryQuestionId(), question.title(), LocaleContextHolder.getLocale());
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
		current.forEach(question -> titles.putIfAbsent(question.libraryQuestionId(), title(question)));
		Set<String> asked = new HashSet<>();
		for (ActionItem action : actions) {
			if (action.indicatorId() != null && !titles.containsKey(action.indicatorId()) && asked.add(action.sessionId())) {
				sessions.questions(action.sessionId())
					.forEach(question -> titles.putIfAbsent(question.libraryQuestionId(), title(question)));
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

	private String name(Map<String, Person> named, String personId) {
		Person person = named.get(personId);
		return person == null ? messages.getMessage("insights.person.left", null, LocaleContextHolder.getLocale())
				: names.of(person);
	}

	/** A choice in a form: what is sent, what is shown. */
	record Option(String value, String label) {
	}

	record NoteView(String body, String author, String question, Instant createdAt) {
	}

	record ActionView(String id, String title, String owner, LocalDate dueDate, String indicator, Status status,
			boolean overdue) {

		/** The key of the action's status as the pages name it: an open action past its due date is overdue. */
		public String statusKey() {
			return status == Status.OPEN && overdue ? "insights.action.status.overdue" : status.key();
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
