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

	/** The traffic light of the average ({@link Band#of}); NONE without votes or where withheld. */
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

	/**
	 * The colour of an average: the one banding rule of every surface (results page, history, matrix, exports,
	 * reports, API). An average takes the colour it is nearest to (red 0, yellow 1, green 2), and one exactly
	 * between two colours is yellow: two yellows and a green (1.33) are yellow, not green, and a squad split
	 * evenly between yellow and green is not yet green.
	 */
	public enum Band {

		RED, YELLOW, GREEN, NONE;

		/** Averages below this are red. */
		public static final double RED_BELOW = 0.5;

		/** Averages above this are green. */
		public static final double GREEN_ABOVE = 1.5;

		public static Band of(Double average) {
			if (average == null) {
				return NONE;
			}
			return average < RED_BELOW ? RED : average > GREEN_ABOVE ? GREEN : YELLOW;
		}

		/** The class of this colour in the style sheet ({@code c-red}, …; {@code c-none} without a colour). */
		public String css() {
			return "c-" + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
