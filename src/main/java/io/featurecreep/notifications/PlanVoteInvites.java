package io.featurecreep.notifications;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.SessionStarted;
import io.featurecreep.notifications.DeliveryStore.Purpose;

/**
 * When a session starts, plans a message with a vote button to each of the squad's chat app channels (Slack app,
 * Discord application), through the delivery log and the work queue like reports: retried, and visible to owners. Planning twice plans
 * nothing new; a session over or discarded by the time it is sent gets none.
 */
@Component
class PlanVoteInvites implements DurableHandler<SessionStarted> {

	private final ChannelStore channels;

	private final DeliveryWorker worker;

	private final SessionLookup sessions;

	PlanVoteInvites(ChannelStore channels, DeliveryWorker worker, SessionLookup sessions) {
		this.channels = channels;
		this.worker = worker;
		this.sessions = sessions;
	}

	@Override
	public String name() {
		return "notifications.plan-vote-invites";
	}

	@Override
	public Class<SessionStarted> eventType() {
		return SessionStarted.class;
	}

	@Override
	@Transactional
	public void handle(SessionStarted started) {
		if (sessions.discarded(started.sessionId())) {
			return;
		}
		for (NotificationChannel channel : channels.ofSquad(started.squadId())) {
			if (channel.kind().takesVotes()) {
				worker.plan(started.squadId(), channel.id(), started.sessionId(), Purpose.VOTE_INVITE);
			}
		}
	}

}
