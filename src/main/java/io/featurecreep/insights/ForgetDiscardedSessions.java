package io.featurecreep.insights;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.SessionDiscarded;

/**
 * A discarded session leaves the history in the transaction that discards it (not later, in the background): the
 * owner who discards it sees it gone from the history, the matrix and the exports at once. Its alerts go with it (a discarded session raises none).
 */
@Component
class ForgetDiscardedSessions {

	private final HistoryStore history;

	private final AlertStore alerts;

	ForgetDiscardedSessions(HistoryStore history, AlertStore alerts) {
		this.history = history;
		this.alerts = alerts;
	}

	@EventListener
	void on(SessionDiscarded discarded) {
		alerts.removeSession(discarded.sessionId());
		history.remove(discarded.squadId(), discarded.sessionId());
	}

}
