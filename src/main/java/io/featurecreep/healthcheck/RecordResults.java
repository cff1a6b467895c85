package io.featurecreep.healthcheck;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.healthcheck.SessionReading.QuestionResults;

/**
 * When a session ends, computes and stores each question's result, with the change against the squad's previous
 * session. Idempotent: a session whose results exist is left alone, and all of a session's results are written
 * in one transaction. A discarded session gets none.
 */
@Component
class RecordResults implements DurableHandler<SessionEnded> {

	private final SessionStore sessions;

	private final ResultStore results;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecordResults(SessionStore sessions, ResultStore results, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.sessions = sessions;
		this.results = results;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "healthcheck.record-results";
	}

	@Override
	public Class<SessionEnded> eventType() {
		return SessionEnded.class;
	}

	@Override
	public void handle(SessionEnded ended) {
		transactions.executeWithoutResult(tx -> {
			// the lock makes a discard of the session wait, or this wait for it: results are never stored for one
			HealthSession session = sessions.lock(ended.sessionId()).orElseThrow();
			if (session.discarded() || results.hasResults(ended.sessionId())) {
				return;
			}
			boolean anonymous = session.anonymous();
			List<SessionQuestion> questions = sessions.questions(ended.sessionId());
			for (SessionQuestion question : questions) {
				List<Vote> votes = sessions.votes(question.id());
				QuestionResults counted = QuestionResults.of(votes);
				Double previous = results.previousAverage(ended.squadId(), question.libraryQuestionId(), ended.endedAt())
					.orElse(null);
				results.insert(new QuestionResult(question.id(), ended.sessionId(), ended.squadId(),
						question.libraryQuestionId(), question.position(), question.title(), counted.votes(),
						counted.colours().get("red"), counted.colours().get("yellow"), counted.colours().get("green"),
						counted.average(), counted.trends().get("improving"), counted.trends().get("stable"),
						counted.trends().get("worsening"), previous, ended.endedAt(), anonymous, false), clock.instant());
			}
			events.publishEvent(new ResultsRecorded(ended.sessionId(), ended.squadId()));
		});
	}

}
