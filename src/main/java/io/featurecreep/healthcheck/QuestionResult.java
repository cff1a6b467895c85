package io.featurecreep.healthcheck;

import java.time.Instant;

/**
 * The stored outcome of one question of an ended session: how many voted, the spread of colours and trends,
 * the average, and the same indicator's average in the squad's previous session. {@code anonymous}: the session's
 * votes were anonymous. {@code withheld}: anonymity allows only the count to be shown ({@link Anonymity}); the
 * spread, average and trends are then zero or null, so a reader that forgets to ask still shows nothing more.
 */
public record QuestionResult(String questionId, String sessionId, String squadId, String libraryQuestionId,
		int position, String title, int votes, int red, int yellow, int green, Double average, int improving,
		int stable, int worsening, Double previousAverage, Instant endedAt, boolean anonymous, boolean withheld) {

	/** The same result reduced to its number of votes. */
	QuestionResult reducedToCount() {
		return new QuestionResult(questionId, sessionId, squadId, libraryQuestionId, position, title, votes, 0, 0, 0,
				null, 0, 0, 0, null, endedAt, anonymous, true);
	}

	/** The indicator this result belongs to: its library entry, or its text for a question without one. */
	public String indicatorKey() {
		return libraryQuestionId != null ? libraryQuestionId : "title:" + title;
	}

	/** The original API's total: the sum of the colours voted. */
	public int total() {
		return yellow + 2 * green;
	}

	/** The traffic light of the average: thirds of the 0–2 scale; NONE without votes. */
	public Band band() {
		return Band.of(average);
	}

	/** Where the trend votes point: the majority of improving against worsening; null without trend votes. */
	public Trend trend() {
		if (improving + stable + worsening == 0) {
			return null;
		}
		return improving > worsening ? Trend.IMPROVING : worsening > improving ? Trend.WORSENING : Trend.STABLE;
	}

	/** How much the average moved since the previous session; null when either is unknown. */
	public Double change() {
		return average == null || previousAverage == null ? null : average - previousAverage;
	}

	/** A colour band of an average. */
	public enum Band {

		RED, YELLOW, GREEN, NONE;

		public static Band of(Double average) {
			if (average == null) {
				return NONE;
			}
			return average < 2.0 / 3 ? RED : average < 4.0 / 3 ? YELLOW : GREEN;
		}

	}

}
