package io.featurecreep.healthcheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.healthcheck.SessionReading.AnswerView;
import io.featurecreep.healthcheck.SessionReading.QuestionResults;
import io.featurecreep.identity.People;
import io.featurecreep.identity.PersonNames;
import io.featurecreep.identity.Person;
import io.featurecreep.library.Deck;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * What the session pages show one viewer, read in one go: the same visibility rules as the API
 * ({@link SessionReading}): others' votes only once revealed or ended, and who voted but never what. Questions of
 * the deck read in the viewer's language ({@link Deck}).
 */
@Component
@Transactional(readOnly = true)
class SessionViews {

	private final SessionStore store;

	private final SessionAccess access;

	private final SessionReading reading;

	private final SessionLifecycle lifecycle;

	private final SquadAccess squads;

	private final People people;

	private final PersonNames names;

	private final ResultStore resultStore;

	private final Deck deck;

	SessionViews(SessionStore store, SessionAccess access, SessionReading reading, SessionLifecycle lifecycle,
			SquadAccess squads, People people, PersonNames names, ResultStore resultStore, Deck deck) {
		this.names = names;
		this.resultStore = resultStore;
		this.deck = deck;
		this.store = store;
		this.access = access;
		this.reading = reading;
		this.lifecycle = lifecycle;
		this.squads = squads;
		this.people = people;
	}

	/**
	 * The session if the viewer is a member of its squad and it was not discarded; an async session past its deadline
	 * is ended first.
	 */
	Optional<HealthSession> visible(String sessionId, String viewerId) {
		Optional<HealthSession> found = store.find(sessionId)
			.filter(session -> !session.discarded() && squads.isMember(session.squadId(), viewerId));
		if (found.isPresent() && found.get().active() && lifecycle.endIfPastDeadline(found.get())) {
			return store.find(sessionId);
		}
		return found;
	}

	/** The session if it was discarded and the viewer is a member of its squad (who may hear so). */
	Optional<HealthSession> discarded(String sessionId, String viewerId) {
		return store.find(sessionId)
			.filter(session -> session.discarded() && squads.isMember(session.squadId(), viewerId));
	}

	Squad squad(HealthSession session) {
		return squads.find(session.squadId()).orElseThrow();
	}

	boolean canFacilitate(HealthSession session, String viewerId) {
		return access.canFacilitate(session, viewerId);
	}

	/** The session's questions in order, as numbered cards with the viewer's vote and what may be seen. */
	List<QuestionCard> cards(HealthSession session, String viewerId) {
		List<SessionQuestion> questions = store.questions(session.id());
		List<QuestionCard> cards = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			cards.add(card(session, questions.get(i), i + 1, viewerId));
		}
		return cards;
	}

	Optional<QuestionCard> card(HealthSession session, String questionId, String viewerId) {
		List<SessionQuestion> questions = store.questions(session.id());
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).id().equals(questionId)) {
				return Optional.of(card(session, questions.get(i), i + 1, viewerId));
			}
		}
		return Optional.empty();
	}

	/** The session's questions in order, with their texts as the viewer reads them (for showing only). */
	List<SessionQuestion> questions(HealthSession session) {
		return store.questions(session.id()).stream().map(this::shown).toList();
	}

	QuestionCard card(HealthSession session, SessionQuestion question, int number, String viewerId) {
		AnswerView mine = reading.ownAnswer(viewerId, session, question).orElse(null);
		QuestionResults results = reading.results(session, question).orElse(null);
		List<NamedVote> named = List.of();
		if (results != null && !results.withheld() && !session.anonymous()) {
			List<AnswerView> answers = reading.answers(viewerId, session, question);
			Map<String, Person> voters = people.findAllById(
					answers.stream().map(AnswerView::personId).filter(java.util.Objects::nonNull).distinct().toList());
			named = answers.stream()
				.filter(answer -> voters.containsKey(answer.personId()))
				.map(answer -> new NamedVote(names.of(voters.get(answer.personId())), answer))
				.sorted(java.util.Comparator.comparing(NamedVote::name))
				.toList();
		}
		return new QuestionCard(shown(question), number, mine, reading.voteCount(question), results, named);
	}

	/** The question with the deck's texts in the viewer's language; what a squad wrote stays as written. */
	private SessionQuestion shown(SessionQuestion question) {
		Locale reader = LocaleContextHolder.getLocale();
		String id = question.libraryQuestionId();
		return new SessionQuestion(question.id(), question.sessionId(), question.position(), id,
				deck.title(id, question.title(), reader), deck.descriptionGood(id, question.descriptionGood(), reader),
				deck.descriptionBad(id, question.descriptionBad(), reader), question.revealedAt(), question.closed());
	}

	/**
	 * Who of the squad has voted on a question, in join order: names only, never what. In an anonymous session the
	 * names go once the results show, leaving the count.
	 */
	VoteStatus status(HealthSession session, String questionId, String viewerId) {
		List<Membership> members = squads.members(session.squadId());
		Optional<SessionQuestion> question = store.question(session.id(), questionId);
		Optional<List<String>> voterIds = question.flatMap(q -> reading.voterIds(session, q));
		if (voterIds.isEmpty()) {
			return new VoteStatus(question.map(reading::voteCount).orElse(0), members.size(), List.of());
		}
		Set<String> voted = new HashSet<>(voterIds.get());
		Map<String, Person> persons = people.findAllById(members.stream().map(Membership::personId).toList());
		List<VoterLine> lines = members.stream()
			.filter(m -> persons.containsKey(m.personId()))
			.map(m -> new VoterLine(names.of(persons.get(m.personId())), voted.contains(m.personId()),
					m.personId().equals(viewerId)))
			.toList();
		return new VoteStatus((int) lines.stream().filter(VoterLine::voted).count(), lines.size(), lines);
	}

	int memberCount(HealthSession session) {
		return squads.members(session.squadId()).size();
	}

	/**
	 * The results of every question, each with the same indicator's average in the last session before that asked
	 * it (when it may be shown), for "better or worse than last time".
	 */
	List<ResultCard> results(HealthSession session, String viewerId) {
		return cards(session, viewerId).stream()
			.map(card -> new ResultCard(card, card.results() == null || card.results().withheld() ? null
					: resultStore.previous(session.squadId(), card.question().libraryQuestionId(), session.createdAt())
						.orElse(null)))
			.toList();
	}

	/** Ended sessions of a squad, newest first. */
	List<HealthSession> pastSessions(String squadId) {
		List<HealthSession> ended = new ArrayList<>(
				store.findBySquad(squadId).stream().filter(session -> !session.active()).toList());
		Collections.reverse(ended);
		return ended;
	}

	/** The squad's running session, unless its deadline has passed (then it ends now). */
	Optional<HealthSession> running(String squadId) {
		return store.findActive(squadId).filter(session -> !lifecycle.endIfPastDeadline(session));
	}

	int questionCount(HealthSession session) {
		return store.questions(session.id()).size();
	}

	/** One question as a viewer sees it: their own vote, how many voted, and results once visible. */
	record QuestionCard(SessionQuestion question, int number, AnswerView myVote, int voteCount,
			QuestionResults results, List<NamedVote> named) {

		public String id() {
			return question.id();
		}

		public boolean hasGood() {
			return question.descriptionGood() != null && !question.descriptionGood().isBlank();
		}

		public boolean hasBad() {
			return question.descriptionBad() != null && !question.descriptionBad().isBlank();
		}

		/** What the vote form says it shows ({@link ShownVotes}): question and a mark of the viewer's vote. */
		public String shown() {
			return question.id() + ":" + ShownVotes.mark(myVote);
		}

	}

	/**
	 * Results of a question and, when known, the indicator's average in the last session that asked it
	 * ({@code previous}, which may not be the squad's session just before).
	 */
	record ResultCard(QuestionCard card, ResultStore.Previous previous) {

		/**
		 * How much the average moved since {@code previous}, to one decimal in the reader's way of writing numbers
		 * ("+0.3", "−1.0"; "+0,3" in German); null when unknown or the same.
		 */
		public String change() {
			Double delta = delta();
			return delta == null || same() ? null
					: String.format(LocaleContextHolder.getLocale(), "%s%.1f", delta > 0 ? "+" : "−", Math.abs(delta));
		}

		/** Whether the average is about what it was in {@code previous} (it moved less than shows at one decimal). */
		public boolean same() {
			Double delta = delta();
			return delta != null && Math.abs(delta) < 0.05;
		}

		public boolean compared() {
			return delta() != null;
		}

		private Double delta() {
			if (previous == null || card.results() == null || card.results().average() == null) {
				return null;
			}
			return card.results().average() - previous.average();
		}

	}

	record VoterLine(String name, boolean voted, boolean me) {
	}

	/** In a named squad, once results show: who voted what. */
	record NamedVote(String name, AnswerView vote) {
	}

	record VoteStatus(int voted, int members, List<VoterLine> voters) {

		public int percent() {
			return members == 0 ? 0 : Math.round(100f * voted / members);
		}

	}

}
