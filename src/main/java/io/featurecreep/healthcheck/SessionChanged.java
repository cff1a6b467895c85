package io.featurecreep.healthcheck;

/**
 * Something happened in a session that participants should see now. Carries ids only, never votes. Without a
 * {@code change}: this node may have missed changes, and everyone watching fetches the whole state anew.
 */
public record SessionChanged(String sessionId, Change change, String questionId) {

	public enum Change {

		QUESTION_ADDED, QUESTION_REMOVED, ACTIVE_QUESTION_CHANGED, VOTE_CAST, QUESTION_REVEALED, SESSION_ENDED, TIMER_CHANGED,

		/** A note or an action item was added or changed. */
		DISCUSSION_CHANGED

	}

}
