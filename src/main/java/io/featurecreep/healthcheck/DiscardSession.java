package io.featurecreep.healthcheck;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.healthcheck.SessionChanged.Change;
import io.featurecreep.identity.OrganisationRecord;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * A squad owner discards a session started by mistake, running or ended. It ends at once if it ran (without
 * results: screens watching it leave), its results leave the squad's history and everything built on it, no report
 * or reminder goes out for it any more, and the discard is on record: on the session (who, when) and in the
 * organisation's audit log. The votes stay in the database, unread. One transaction, which locks the session row,
 * so results being recorded at the same moment either finish first (and are removed here) or find it discarded.
 */
@Service
public class DiscardSession {

	private final SessionStore sessions;

	private final ResultStore results;

	private final SquadAccess squads;

	private final OrganisationRecord record;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HealthCheckMetrics metrics;

	DiscardSession(SessionStore sessions, ResultStore results, SquadAccess squads, OrganisationRecord record,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, HealthCheckMetrics metrics) {
		this.sessions = sessions;
		this.results = results;
		this.squads = squads;
		this.record = record;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * The session the owner may discard. Unknown ones, those of squads the caller is not in and those discarded
	 * already are all "not found"; members who do not own the squad are refused.
	 */
	public HealthSession discardable(String callerId, String sessionId) {
		HealthSession session = sessions.find(sessionId)
			.filter(found -> !found.discarded() && squads.isMember(found.squadId(), callerId))
			.orElseThrow(DiscardSession::notFound);
		squads.requireOwner(session.squadId(), callerId, notFound(), "squad.ownersOnly.discardSessions");
		return session;
	}

	public HealthSession discard(String callerId, String sessionId) {
		HealthSession session = discardable(callerId, sessionId);
		Squad squad = squads.find(session.squadId()).orElseThrow(DiscardSession::notFound);
		HealthSession discarded = transactions.execute(tx -> {
			Instant now = clock.instant();
			sessions.lock(sessionId).filter(locked -> !locked.discarded()).orElseThrow(DiscardSession::notFound);
			if (!sessions.discard(sessionId, callerId, now)) {
				throw notFound();
			}
			results.removeSession(session.squadId(), sessionId);
			record.sessionDiscarded(callerId, describe(session, squad));
			if (session.active()) {
				events.publishEvent(new SessionChanged(sessionId, Change.SESSION_ENDED, null));
			}
			events.publishEvent(new SessionDiscarded(sessionId, session.squadId(), callerId, now));
			return sessions.find(sessionId).orElseThrow();
		});
		if (session.active()) {
			metrics.sessionEnded(session); // it ended here, without results
		}
		return discarded;
	}

	/** The data the audit log shows about it (its words are the log's): the session's name or start, its squad. */
	private static String describe(HealthSession session, Squad squad) {
		return (session.name() != null ? session.name() : session.createdAt().toString()) + " \u2014 " + squad.name();
	}

	private static DomainException notFound() {
		return DomainException.of(ErrorCode.NOT_FOUND, "discard.notFound");
	}

}
