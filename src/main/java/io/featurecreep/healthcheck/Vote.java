package io.featurecreep.healthcheck;

/** A vote: colour 0 red, 1 yellow, 2 green. personId is null in anonymous sessions. */
public record Vote(String id, String questionId, String voterKey, String personId, int colour, Trend trend,
		String comment) {
}
