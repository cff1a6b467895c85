package io.featurecreep.healthcheck;

import java.time.Instant;

/** A question as one session asks it: the texts of that day, linked to its library indicator. */
public record SessionQuestion(String id, String sessionId, int position, String libraryQuestionId, String title,
		String descriptionGood, String descriptionBad, Instant revealedAt, boolean closed) {

	public boolean revealed() {
		return revealedAt != null;
	}

}
