package io.featurecreep.healthcheck;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.healthcheck.SessionChanged.Change;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;

/**
 * A member votes on a question: one vote per person per question, which they may change until the question
 * is revealed or the session ends. The vote is committed before this returns.
 * <p>
 * On PostgreSQL a vote that passes every check is written by one statement ({@link VoteUpsert}); any other takes the
 * checked path, one check at a time in one transaction, which refuses it with the first check that fails in the
 * original's order (and on H2 every vote takes it).
 */
@Service
public class CastVote {

	private static final int MAX_COMMENT = 2000;

	private final SessionStore store;

	private final SessionAccess access;

	private final SessionLifecycle lifecycle;

	private final VoterKeys voterKeys;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final HealthCheckMetrics metrics;

	private final VoteUpsert upsert;

	private final Clock clock;

	CastVote(SessionStore store, SessionAccess access, SessionLifecycle lifecycle, VoterKeys voterKeys,
			ApplicationEventPublisher events, TransactionTemplate transactions, HealthCheckMetrics metrics,
			VoteUpsert upsert, Clock clock) {
		this.store = store;
		this.access = access;
		this.lifecycle = lifecycle;
		this.voterKeys = voterKeys;
		this.events = events;
		this.transactions = transactions;
		this.metrics = metrics;
		this.upsert = upsert;
		this.clock = clock;
	}

	/** Stores the caller's vote, or changes it; refused with the first check that fails, in the original's order. */
	public Vote cast(String callerId, Ballot ballot) {
		return inOneStatement(callerId, ballot).orElseGet(() -> checked(callerId, ballot));
	}

	/**
	 * The vote written by one statement, if it passes every check. A colour out of range or a comment that would be
	 * refused is left to the checked path: an invisible or ended session must be refused first, as the original does.
	 */
	private Optional<Vote> inOneStatement(String callerId, Ballot ballot) {
		if (!inRange(ballot.colour())) {
			return Optional.empty();
		}
		String comment;
		try {
			comment = TextLimits.optionalMultiline(ballot.comment(), "Comment", MAX_COMMENT);
		}
		catch (DomainException refusedLater) {
			return Optional.empty();
		}
		return upsert.write(callerId, ballot, comment, clock.instant()).map(written -> {
			// committed already (autocommit): the live feed and the chats' counts hear it now, outside a transaction
			events.publishEvent(new SessionChanged(ballot.sessionId(), Change.VOTE_CAST, ballot.questionId()));
			metrics.voteCast(written.mode());
			return written.vote();
		});
	}

	/** The checks come in the original's order: session, colour range, session still active, question. */
	private Vote checked(String callerId, Ballot ballot) {
		HealthSession session = access.requireVisible(ballot.sessionId(), callerId, "Invalid session ID");
		if (!inRange(ballot.colour())) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.answerRange");
		}
		if (lifecycle.endIfPastDeadline(session)) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.ended");
		}
		String comment = TextLimits.optionalMultiline(ballot.comment(), "Comment", MAX_COMMENT);
		Vote vote;
		try {
			vote = castOnce(callerId, session, ballot, comment);
		}
		catch (DuplicateKeyException sameVoterAtOnce) {
			// the same person's other request inserted first; now there is a row to update
			vote = castOnce(callerId, session, ballot, comment);
		}
		metrics.voteCast(session.mode());
		return vote;
	}

	private Vote castOnce(String callerId, HealthSession session, Ballot ballot, String comment) {
		return transactions.execute(tx -> {
			SessionQuestion question = store.lockQuestion(session.id(), ballot.questionId())
				.orElseThrow(() -> DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.unknownQuestion"));
			if (question.closed()) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.ended");
			}
			if (question.revealed()) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.revealed");
			}
			String voterKey = voterKeys.keyFor(session, question.id(), callerId);
			String personId = session.anonymous() ? null : callerId;
			Optional<Vote> existing = store.vote(question.id(), voterKey);
			Vote vote = new Vote(existing.map(Vote::id).orElseGet(Ids::newId), question.id(), voterKey, personId,
					ballot.colour(), ballot.trend(), comment);
			if (existing.isPresent()) {
				store.updateVote(vote);
			}
			else {
				store.insertVote(vote);
			}
			events.publishEvent(new SessionChanged(session.id(), Change.VOTE_CAST, question.id()));
			return vote;
		});
	}

	private static boolean inRange(int colour) {
		return colour >= 0 && colour <= 2;
	}

	/** What a voter sends: colour 0–2, optional trend and comment. */
	public record Ballot(String sessionId, String questionId, int colour, Trend trend, String comment) {
	}

}
