package io.featurecreep.notifications;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.insights.HistoryRecorded;
import io.featurecreep.notifications.DeliveryStore.Purpose;
import io.featurecreep.shared.Ids;

/**
 * Once a session's results are in the squad's history (with the alerts they raised), plans its report to each of the
 * squad's channels as they are now (the original used the settings of the day the session started). Planning twice
 * plans nothing new; a session discarded meanwhile gets no report.
 */
@Component
class PlanReports implements DurableHandler<HistoryRecorded> {

	private final ChannelStore channels;

	private final DeliveryStore deliveries;

	private final DeliveryWorker worker;

	private final SessionLookup sessions;

	private final Clock clock;

	PlanReports(ChannelStore channels, DeliveryStore deliveries, DeliveryWorker worker, SessionLookup sessions,
			Clock clock) {
		this.channels = channels;
		this.sessions = sessions;
		this.deliveries = deliveries;
		this.worker = worker;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "notifications.plan-reports";
	}

	@Override
	public Class<HistoryRecorded> eventType() {
		return HistoryRecorded.class;
	}

	@Override
	@Transactional
	public void handle(HistoryRecorded recorded) {
		if (sessions.discarded(recorded.sessionId())) {
			return;
		}
		for (NotificationChannel channel : channels.ofSquad(recorded.squadId())) {
			deliveries.plan(Ids.newId(), recorded.squadId(), channel.id(), recorded.sessionId(), Purpose.REPORT,
					clock.instant());
		}
		worker.nudgeAfterCommit();
	}

}
