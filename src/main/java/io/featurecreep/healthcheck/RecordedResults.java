package io.featurecreep.healthcheck;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recorded results of an ended session as stored, for the module that keeps the squads' results history
 * ({@code insights}) to copy when {@link ResultsRecorded} arrives. They come before the anonymity rule: whoever
 * keeps a copy applies {@link Anonymity} each time it shows one, as {@link ResultStore} does, so a withheld result
 * stays withheld wherever it is read.
 */
@Service
public class RecordedResults {

	private final SessionStore sessions;

	private final ResultStore results;

	RecordedResults(SessionStore sessions, ResultStore results) {
		this.sessions = sessions;
		this.results = results;
	}

	/**
	 * The session's results, its row locked until the caller's transaction ends, so that a discard waits for the
	 * copy (and then removes it) or the copy sees the discard. Empty for a discarded session and for one without
	 * recorded results.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<RecordedSession> lockForCopy(String sessionId) {
		return sessions.lock(sessionId)
			.filter(session -> !session.discarded() && session.endedAt() != null)
			.map(session -> new RecordedSession(session.id(), session.squadId(), session.name(), session.endedAt(),
					session.anonymous(), results.ofSessionAsStored(sessionId)))
			.filter(recorded -> !recorded.results().isEmpty());
	}

	/** An ended session and its question results in asking order, before the anonymity rule. */
	public record RecordedSession(String sessionId, String squadId, String name, Instant endedAt, boolean anonymous,
			List<QuestionResult> results) {
	}

}
