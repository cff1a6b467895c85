package io.featurecreep.healthcheck;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.squads.SquadAccess;

/** Sessions and their questions for other modules, with the same rule as everywhere: members only. */
@Service
@Transactional(readOnly = true)
public class SessionLookup {

	private final SessionStore store;

	private final SquadAccess squads;

	SessionLookup(SessionStore store, SquadAccess squads) {
		this.store = store;
		this.squads = squads;
	}

	/** The session, if the person is a member of its squad and it was not discarded. */
	public Optional<HealthSession> visible(String sessionId, String personId) {
		return store.find(sessionId)
			.filter(session -> !session.discarded() && squads.isMember(session.squadId(), personId));
	}

	public Optional<SessionQuestion> question(String sessionId, String questionId) {
		return store.question(sessionId, questionId);
	}

	/** The session's questions in their order. */
	public List<SessionQuestion> questions(String sessionId) {
		return store.questions(sessionId);
	}

	/** Whether the session was discarded (for work that runs without a caller, such as sending reports). */
	public boolean discarded(String sessionId) {
		return store.find(sessionId).map(HealthSession::discarded).orElse(false);
	}

	/** The squad's running session, if any. */
	public Optional<HealthSession> running(String squadId) {
		return store.findActive(squadId);
	}

}
