package io.featurecreep.healthcheck;

import java.time.Instant;

/**
 * One health check of a squad. Active until it ends; an async one also ends at its deadline. A facilitator's
 * timer for the active question runs until {@code timerEndsAt} (null: no timer).
 */
public record HealthSession(String id, String squadId, String name, SessionMode mode,
		ResultVisibility resultVisibility, boolean anonymous, Instant deadline, String activeQuestionId,
		String createdBy, Instant createdAt, Instant endedAt, Instant timerEndsAt) {

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
