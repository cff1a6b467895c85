package io.featurecreep.notifications;

import org.springframework.stereotype.Component;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.healthcheck.SessionDiscarded;
import io.featurecreep.shared.EnglishTexts;

/**
 * Once a session is discarded, its reports and reminders still waiting (or failed, and so open to a retry) are
 * cancelled, and the delivery log says why. The worker checks again before each send, so one claimed in between is
 * not sent either.
 */
@Component
class CancelReportsOfDiscardedSessions implements DurableHandler<SessionDiscarded> {

	private final DeliveryStore deliveries;

	CancelReportsOfDiscardedSessions(DeliveryStore deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public String name() {
		return "notifications.cancel-discarded";
	}

	@Override
	public Class<SessionDiscarded> eventType() {
		return SessionDiscarded.class;
	}

	@Override
	public void handle(SessionDiscarded discarded) {
		deliveries.cancelOfSession(discarded.sessionId(), EnglishTexts.of("delivery.cancelled.discarded"));
	}

}
