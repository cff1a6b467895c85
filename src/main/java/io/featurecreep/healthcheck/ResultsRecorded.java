package io.featurecreep.healthcheck;

/** The results of an ended session are stored: reports about it can now be written. */
public record ResultsRecorded(String sessionId, String squadId) {
}
