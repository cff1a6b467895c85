package io.featurecreep.healthcheck;

import java.time.Duration;
import java.time.Instant;

/**
 * One health check of a squad. Active until it ends; an async one also ends at its deadline. A facilitator's
 * timer for the active question runs until {@code timerEndsAt} (null: no timer). An async one may remind the
 * members who have not voted {@code reminderHours} before its deadline (null: no reminder). A discarded session
 * (started by mistake) is ended and left out of everything but the record of its discard.
 */
public record HealthSession(String id, String squadId, String name, SessionMode mode,
		ResultVisibility resultVisibility, boolean anonymous, Instant deadline, String activeQuestionId,
		String createdBy, Instant createdAt, Instant endedAt, Instant timerEndsAt, Integer reminderHours,
		Instant discardedAt, String discardedBy) {

	public boolean discarded() {
		return discardedAt != null;
	}

	/** When the reminder is due, if the session has one. */
	public Instant reminderAt() {
		return reminderHours == null || deadline == null ? null : deadline.minus(Duration.ofHours(reminderHours));
	}

	public boolean active() {
		return endedAt == null;
	}

	/**
	 * Whether others' votes show while they can still change, one at a time (IMMEDIATE). Never in an anonymous
	 * session, whatever was stored: results that move with each vote tell who just voted what.
	 */
	public boolean showsVotesAsTheyArrive() {
		return resultVisibility == ResultVisibility.IMMEDIATE && !anonymous;
	}

	boolean pastDeadline(Instant now) {
		return deadline != null && !now.isBefore(deadline);
	}

}
