package io.featurecreep.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.insights.HistoryRecorded;
import io.featurecreep.notifications.DeliveryStore.Purpose;

/**
 * Once a session's results are in the squad's history, with the alerts they raised ({@link HistoryRecorded}), plans
 * its report to each of the squad's channels as they are now (the original used the settings of the day the session
 * started), in the transaction that adds them to the history: the history and its reports are committed together, a
 * report never misses its own session or its alerts, and the reports need no queue hop of their own. Planning twice
 * plans nothing new; a discarded session gets no history, and so no report.
 */
@Component
class PlanReports implements DurableHandler<PlanReports.Earlier> {

	private final ChannelStore channels;

	private final DeliveryWorker worker;

	private final SessionLookup sessions;

	private final TransactionTemplate transactions;

	PlanReports(ChannelStore channels, DeliveryWorker worker, SessionLookup sessions, TransactionTemplate transactions) {
		this.channels = channels;
		this.worker = worker;
		this.sessions = sessions;
		this.transactions = transactions;
	}

	/** Runs inside the transaction of {@code insights.RecordHistory}, which publishes the event. */
	@EventListener
	void plan(HistoryRecorded recorded) {
		for (NotificationChannel channel : channels.ofSquad(recorded.squadId())) {
			worker.plan(recorded.squadId(), channel.id(), recorded.sessionId(), Purpose.REPORT);
		}
	}

	@Override
	public String name() {
		return "notifications.plan-reports";
	}

	@Override
	public Class<Earlier> eventType() {
		return Earlier.class;
	}

	/** Work of this name recorded by an earlier version, when planning was a queue hop of its own (V72). */
	@Override
	public void handle(Earlier recorded) {
		if (!sessions.discarded(recorded.sessionId())) {
			transactions.executeWithoutResult(tx -> plan(new HistoryRecorded(recorded.sessionId(), recorded.squadId())));
		}
	}

	/**
	 * Results recorded before planning moved into their transaction, whose reports were still to be planned when
	 * the application was upgraded: nothing publishes it any more.
	 */
	record Earlier(String sessionId, String squadId) {
	}

}
