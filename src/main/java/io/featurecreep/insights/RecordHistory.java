package io.featurecreep.insights;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.healthcheck.RecordedResults;
import io.featurecreep.healthcheck.ResultsRecorded;

/**
 * Copies a session's recorded results into the squad's history when healthcheck has recorded them, raises the
 * alerts they give ({@link RaiseAlerts}), then tells whoever reports on it ({@link HistoryRecorded}), all in one
 * transaction. Idempotent: a session history holds already is left alone. The
 * session's row is locked while copying, so a discard either comes first (nothing is copied) or waits and then
 * removes the copy ({@link ForgetDiscardedSessions}).
 */
@Component
class RecordHistory implements DurableHandler<ResultsRecorded> {

	private final RecordedResults recorded;

	private final HistoryStore history;

	private final RaiseAlerts alerts;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RecordHistory(RecordedResults recorded, HistoryStore history, RaiseAlerts alerts, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.recorded = recorded;
		this.history = history;
		this.alerts = alerts;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "insights.record-history";
	}

	@Override
	public Class<ResultsRecorded> eventType() {
		return ResultsRecorded.class;
	}

	@Override
	public void handle(ResultsRecorded event) {
		transactions.executeWithoutResult(tx -> recorded.lockForCopy(event.sessionId()).ifPresent(session -> {
			if (history.holds(session.sessionId())) {
				return;
			}
			history.insert(session, clock.instant());
			alerts.of(session.sessionId());
			events.publishEvent(new HistoryRecorded(session.sessionId(), session.squadId()));
		}));
	}

}
