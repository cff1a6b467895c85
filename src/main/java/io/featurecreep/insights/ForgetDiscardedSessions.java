package io.featurecreep.insights;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.SessionDiscarded;

/**
 * A discarded session leaves the history in the transaction that discards it (not later, in the background): the
 * owner who discards it sees it gone from the history, the matrix and the exports at once.
 */
@Component
class ForgetDiscardedSessions {

	private final HistoryStore history;

	ForgetDiscardedSessions(HistoryStore history) {
		this.history = history;
	}

	@EventListener
	void on(SessionDiscarded discarded) {
		history.remove(discarded.squadId(), discarded.sessionId());
	}

}
