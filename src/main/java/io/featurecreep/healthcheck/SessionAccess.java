package io.featurecreep.healthcheck;

import org.springframework.stereotype.Component;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.SquadAccess;

/**
 * Who may see and steer a session. Only members of the session's squad see it; to others it does not exist, and
 * once discarded it exists for nobody.
 * Steering (active question, reveal, end, removing questions) belongs to the facilitator, who is whoever
 * started the session, and to the squad's owners; in sessions started through the original API anyone in the
 * squad may steer, because the original client lets whoever is present move on.
 */
@Component
class SessionAccess {

	private final SessionStore store;

	private final SquadAccess squads;

	SessionAccess(SessionStore store, SquadAccess squads) {
		this.store = store;
		this.squads = squads;
	}

	HealthSession requireVisible(String sessionId, String callerId, String unknownMessage) {
		HealthSession session = store.find(sessionId).orElseThrow(() -> DomainException.badInput(unknownMessage));
		if (session.discarded() || !squads.isMember(session.squadId(), callerId)) {
			throw DomainException.badInput(unknownMessage);
		}
		return session;
	}

	HealthSession requireFacilitator(String sessionId, String callerId, String unknownMessage) {
		HealthSession session = requireVisible(sessionId, callerId, unknownMessage);
		if (!canFacilitate(session, callerId)) {
			throw DomainException.of(ErrorCode.FORBIDDEN, "healthcheck.refused.notFacilitator");
		}
		return session;
	}

	boolean canFacilitate(HealthSession session, String callerId) {
		return session.resultVisibility() == ResultVisibility.IMMEDIATE || session.createdBy().equals(callerId)
				|| squads.membership(session.squadId(), callerId).map(Membership::isOwner).orElse(false);
	}

}
