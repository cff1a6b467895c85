package io.featurecreep.insights;

/**
 * A session's results are in the squad's history, with the alerts they raised: reports about it can now be
 * written.
 */
public record HistoryRecorded(String sessionId, String squadId) {
}
