package io.featurecreep.insights;

import java.time.Instant;

import io.featurecreep.insights.AlertRules.Kind;

/**
 * An alert as stored: which session and indicator (its title as asked then, and its library entry), what kind, the
 * numbers that are its evidence ({@link AlertRules.Finding}), and whether a squad owner dismissed it, when, with which
 * note.
 */
record Alert(String id, String squadId, String sessionId, String sessionName, Instant sessionEndedAt,
		String questionId, String indicatorId, String title, Kind kind, double average, int votes, Double reference,
		int sessions, int count, int other, Double p, Instant raisedAt, Instant dismissedAt, String dismissedBy,
		String dismissNote) {

	boolean dismissed() {
		return dismissedAt != null;
	}

}
