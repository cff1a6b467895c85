package io.featurecreep.healthcheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.healthcheck.SessionChanged.Change;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.library.QuestionLibrary;
import io.featurecreep.library.QuestionsAsked;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/** Starting and ending sessions, including the end of async sessions at their deadline. */
@Service
public class SessionLifecycle {

	static final Duration LONGEST_ASYNC = Duration.ofDays(90);

	/** The earliest a reminder may come before the deadline: two weeks. */
	static final int LONGEST_REMINDER_HOURS = 336;

	private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

	private final SessionStore store;

	private final SessionAccess access;

	private final SquadAccess squads;

	private final SquadTemplates templates;

	private final QuestionLibrary library;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HealthCheckMetrics metrics;

	SessionLifecycle(SessionStore store, SessionAccess access, SquadAccess squads, SquadTemplates templates,
			QuestionLibrary library, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
			HealthCheckMetrics metrics) {
		this.store = store;
		this.access = access;
		this.squads = squads;
		this.templates = templates;
		this.library = library;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * Starts a session with the squad's template (or the questions given in the options), its first question
	 * active. A squad has one active session at a time: asking again returns the active one (the original
	 * client asks on every visit of its page).
	 */
	public HealthSession start(String callerId, String squadId, StartOptions options) {
		Squad squad = squads.requireMember(squadId, callerId, DomainException.badInput("Invalid squad ID"));
		Optional<HealthSession> running = store.findActive(squadId);
		if (running.isPresent()) {
			return running.get();
		}
		HealthSession session = newSession(callerId, squad, options);
		List<NewQuestion> chosen = checkedQuestions(options.questions());
		try {
			HealthSession started = transactions.execute(tx -> {
				store.insert(session);
				String firstQuestion = null;
				int position = 1;
				List<Planned> planned = chosen == null ? templates.templateOf(squadId)
					.stream()
					.map(entry -> new Planned(entry.id(), entry.title(), entry.descriptionGood(), entry.descriptionBad()))
					.toList()
						: chosen.stream()
							// the library links the indicator, so its history follows it
							.map(q -> new Planned(library
								.entryFor(squad.organisationId(), q.title(), q.descriptionGood(), q.descriptionBad())
								.id(), q.title(), q.descriptionGood(), q.descriptionBad()))
							.toList();
				for (Planned question : planned) {
					String questionId = Ids.newId();
					store.insertQuestion(new SessionQuestion(questionId, session.id(), position++,
							question.libraryQuestionId(), question.title(), question.descriptionGood(),
							question.descriptionBad(), null, false), clock.instant());
					firstQuestion = firstQuestion == null ? questionId : firstQuestion;
				}
				store.setActiveQuestion(session.id(), firstQuestion);
				events.publishEvent(new SessionStarted(session.id(), squadId, session.mode(), session.anonymous(),
						session.name(), session.deadline(), session.createdAt()));
				// the library counts the uses once this commits, not while the new session holds its rows
				events.publishEvent(new QuestionsAsked(Ids.newId(), planned.stream().map(Planned::libraryQuestionId).toList()));
				if (session.reminderAt() != null) {
					events.publishEvent(new ReminderDue(session.id(), squadId, session.reminderAt()));
				}
				return store.find(session.id()).orElseThrow();
			});
			metrics.sessionStarted(started);
			return started;
		}
		catch (DuplicateKeyException startedMeanwhile) {
			// someone else started one in the same moment: theirs is the squad's session
			return store.findActive(squadId).orElseThrow(() -> startedMeanwhile);
		}
	}

	/** Ends a session. Ending an ended session changes nothing and returns it (the original client sends bursts). */
	public HealthSession end(String callerId, String sessionId) {
		HealthSession session = access.requireFacilitator(sessionId, callerId, "Invalid session ID");
		endNow(session);
		return store.find(sessionId).orElseThrow();
	}

	/** Ends async sessions whose deadline has passed; runs on every node, ending each session exactly once. */
	@Scheduled(fixedDelayString = "${feature-creep.sessions.deadline-check:PT15S}")
	public void closeSessionsPastDeadline() {
		List<HealthSession> due = store.findActivePastDeadline(clock.instant());
		for (HealthSession session : due) {
			log.info("Closing session {} of squad {}: its deadline has passed", session.id(), session.squadId());
			endNow(session);
		}
	}

	/** Ends the session if the deadline has passed; true if it is over. */
	boolean endIfPastDeadline(HealthSession session) {
		if (session.active() && session.pastDeadline(clock.instant())) {
			endNow(session);
			return true;
		}
		return !session.active();
	}

	private void endNow(HealthSession session) {
		Boolean ended = transactions.execute(tx -> {
			Instant now = clock.instant();
			if (!store.end(session.id(), now)) {
				return false; // ended meanwhile, by another request or node
			}
			events.publishEvent(new SessionChanged(session.id(), Change.SESSION_ENDED, null));
			events.publishEvent(new SessionEnded(session.id(), session.squadId(), now));
			return true;
		});
		if (Boolean.TRUE.equals(ended)) {
			metrics.sessionEnded(session);
		}
	}

	/** The questions chosen for a new session, checked; null when the squad's template applies. */
	private static List<NewQuestion> checkedQuestions(List<NewQuestion> questions) {
		if (questions == null) {
			return null;
		}
		if (questions.isEmpty()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.noQuestions");
		}
		if (questions.size() > SessionFacilitation.MAX_QUESTIONS) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.sessionFull",
					SessionFacilitation.MAX_QUESTIONS);
		}
		return questions.stream()
			.map(q -> new NewQuestion(TextLimits.required(q.title(), "Question", 200),
					TextLimits.optionalMultiline(q.descriptionGood(), "Good description", 1000),
					TextLimits.optionalMultiline(q.descriptionBad(), "Bad description", 1000)))
			.toList();
	}

	private HealthSession newSession(String callerId, Squad squad, StartOptions options) {
		SessionMode mode = options.mode() == null ? SessionMode.LIVE : options.mode();
		Instant now = clock.instant();
		Instant deadline = options.deadline();
		if (mode == SessionMode.ASYNC) {
			if (deadline == null || !deadline.isAfter(now)) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.deadlinePassed");
			}
			if (deadline.isAfter(now.plus(LONGEST_ASYNC))) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.deadlineTooFar",
						LONGEST_ASYNC.toDays());
			}
		}
		else if (deadline != null) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.deadlineNotAsync");
		}
		checkReminder(mode, deadline, options.reminderHours(), now);
		return new HealthSession(Ids.newId(), squad.id(), TextLimits.optional(options.name(), "Session name", 200),
				mode, visibility(mode, squad.anonymous(), options.resultVisibility()), squad.anonymous(), deadline, null,
				callerId, now, null, null, options.reminderHours(), null, null);
	}

	/** A reminder is for async sessions, and must fall between the start and the deadline. */
	private static void checkReminder(SessionMode mode, Instant deadline, Integer hours, Instant now) {
		if (hours == null) {
			return;
		}
		if (mode != SessionMode.ASYNC) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "reminder.onlyAsync");
		}
		if (hours < 1 || hours > LONGEST_REMINDER_HOURS) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "reminder.hoursRange", LONGEST_REMINDER_HOURS);
		}
		if (!deadline.minus(Duration.ofHours(hours)).isAfter(now)) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "reminder.tooLate", hours);
		}
	}

	/**
	 * Async sessions show results when they close. A live one shows them as votes arrive only in a named squad and
	 * only when asked for (the original API's default): in an anonymous squad, results that move with each vote
	 * would tell who just voted what.
	 */
	private static ResultVisibility visibility(SessionMode mode, boolean anonymous, ResultVisibility asked) {
		if (anonymous && asked == ResultVisibility.IMMEDIATE) {
			throw DomainException.badInput("An anonymous squad shows results only once revealed: IMMEDIATE is not "
					+ "available there (use ON_REVEAL)");
		}
		if (mode == SessionMode.ASYNC || anonymous) {
			return ResultVisibility.ON_REVEAL;
		}
		return asked == null ? ResultVisibility.IMMEDIATE : asked;
	}

	/** A question as it goes into a new session, with the library entry it stands for. */
	private record Planned(String libraryQuestionId, String title, String descriptionGood, String descriptionBad) {
	}

	/**
	 * How a new session should run; every part is optional. Questions, when given, replace the squad's
	 * template for this session: the facilitator chose and ordered them before the start. An async session may
	 * remind the members who have not voted {@code reminderHours} before its deadline.
	 */
	public record StartOptions(String name, SessionMode mode, Instant deadline, ResultVisibility resultVisibility,
			List<NewQuestion> questions, Integer reminderHours) {

		public StartOptions(String name, SessionMode mode, Instant deadline, ResultVisibility resultVisibility,
				List<NewQuestion> questions) {
			this(name, mode, deadline, resultVisibility, questions, null);
		}

		public StartOptions(String name, SessionMode mode, Instant deadline, ResultVisibility resultVisibility) {
			this(name, mode, deadline, resultVisibility, null);
		}

		public static StartOptions defaults() {
			return new StartOptions(null, null, null, null);
		}

	}

}
