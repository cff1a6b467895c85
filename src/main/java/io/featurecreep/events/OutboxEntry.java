package io.featurecreep.events;

/** One piece of pending work: an event and the handler that must react to it. */
record OutboxEntry(String id, String eventType, String payload, String handler, int attempts) {
}
