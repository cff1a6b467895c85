package io.featurecreep.healthcheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.healthcheck.SessionChanged.Change;
import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.library.QuestionLibrary;
import io.featurecreep.library.QuestionsAsked;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;
import io.featurecreep.squads.SquadAccess;

/** Shaping and steering a running session: questions, the active question, revealing results. */
@Service
@Transactional
public class SessionFacilitation {

	static final int MAX_QUESTIONS = 100;

	static final Duration LONGEST_TIMER = Duration.ofHours(1);

	private final SessionStore store;

	private final SessionAccess access;

	private final SquadAccess squads;

	private final QuestionLibrary library;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SessionFacilitation(SessionStore store, SessionAccess access, SquadAccess squads, QuestionLibrary library,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.access = access;
		this.squads = squads;
		this.library = library;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds a question at the end of an active session and records it in the library (only once it is really
	 * added: the original fed the library even for ended sessions).
	 */
	public SessionQuestion addQuestion(String callerId, String sessionId, String title, String descriptionGood,
			String descriptionBad) {
		HealthSession session = access.requireVisible(sessionId, callerId, "Invalid session ID");
		if (!session.active()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.ended");
		}
		String checkedTitle = TextLimits.required(title, "Question", 200);
		String good = TextLimits.optionalMultiline(descriptionGood, "Good description", 1000);
		String bad = TextLimits.optionalMultiline(descriptionBad, "Bad description", 1000);
		int position = store.nextPosition(sessionId);
		if (position > MAX_QUESTIONS) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.sessionFull", MAX_QUESTIONS);
		}
		String organisationId = squads.find(session.squadId()).orElseThrow().organisationId();
		LibraryQuestion entry = library.entryFor(organisationId, checkedTitle, good, bad);
		events.publishEvent(new QuestionsAsked(Ids.newId(), List.of(entry.id())));
		SessionQuestion question = new SessionQuestion(Ids.newId(), sessionId, position, entry.id(), checkedTitle, good,
				bad, null, false);
		store.insertQuestion(question, clock.instant());
		events.publishEvent(new SessionChanged(sessionId, Change.QUESTION_ADDED, question.id()));
		return question;
	}

	/** Drops a question nobody has voted on yet. */
	public HealthSession removeQuestion(String callerId, String sessionId, String questionId) {
		HealthSession session = access.requireFacilitator(sessionId, callerId, "Invalid session ID");
		if (!session.active()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.ended");
		}
		SessionQuestion question = store.lockQuestion(sessionId, questionId)
			.orElseThrow(() -> DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.unknownQuestion"));
		if (store.countVotes(question.id()) > 0) {
			throw DomainException.badInput("This question already has votes and cannot be removed");
		}
		if (question.id().equals(session.activeQuestionId())) {
			String next = store.questions(sessionId)
				.stream()
				.filter(q -> !q.id().equals(questionId))
				.map(SessionQuestion::id)
				.findFirst()
				.orElse(null);
			store.setActiveQuestion(sessionId, next);
		}
		store.deleteQuestion(question.id());
		events.publishEvent(new SessionChanged(sessionId, Change.QUESTION_REMOVED, questionId));
		return store.find(sessionId).orElseThrow();
	}

	/** Moves everyone to a question (the original's "next question"). */
	public HealthSession setActiveQuestion(String callerId, String sessionId, String questionId) {
		HealthSession session = access.requireFacilitator(sessionId, callerId, "Invalid session ID");
		store.question(sessionId, questionId).orElseThrow(() -> DomainException.badInput("Invalid question id"));
		if (!questionId.equals(session.activeQuestionId())) {
			store.setActiveQuestion(sessionId, questionId);
			events.publishEvent(new SessionChanged(sessionId, Change.ACTIVE_QUESTION_CHANGED, questionId));
		}
		return store.find(sessionId).orElseThrow();
	}

	/**
	 * Starts a countdown for the active question that everyone sees; a new one replaces it, and moving to
	 * another question stops it. Null or zero stops the timer.
	 */
	public HealthSession setTimer(String callerId, String sessionId, Duration length) {
		HealthSession session = access.requireFacilitator(sessionId, callerId, "Invalid session ID");
		if (!session.active()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.ended");
		}
		Instant endsAt = null;
		if (length != null && !length.isZero()) {
			if (length.isNegative() || length.compareTo(LONGEST_TIMER) > 0) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.timerRange");
			}
			endsAt = clock.instant().plus(length);
		}
		store.setTimer(sessionId, endsAt);
		events.publishEvent(new SessionChanged(sessionId, Change.TIMER_CHANGED, session.activeQuestionId()));
		return store.find(sessionId).orElseThrow();
	}

	/** Shows a question's results to everyone; its votes are final from then on. */
	public SessionQuestion reveal(String callerId, String sessionId, String questionId) {
		HealthSession session = access.requireFacilitator(sessionId, callerId, "Invalid session ID");
		SessionQuestion question = store.lockQuestion(sessionId, questionId)
			.orElseThrow(() -> DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.unknownQuestion"));
		if (!session.active()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.ended");
		}
		if (session.anonymous() && session.mode() == SessionMode.ASYNC) {
			// results show when everyone had their chance: a question revealed early would show (and freeze) a handful
			// of votes while the others are still to come, and who has voted so far is plain to see
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.anonymousAsyncReveal");
		}
		if (!question.revealed()) {
			store.reveal(questionId, clock.instant());
			events.publishEvent(new SessionChanged(sessionId, Change.QUESTION_REVEALED, questionId));
		}
		return store.question(sessionId, questionId).orElseThrow();
	}

}
