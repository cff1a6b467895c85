package io.featurecreep.healthcheck;

import java.time.Instant;

import io.featurecreep.events.DueLater;

/**
 * An async session's reminder is due: the members who have not voted should hear of it. Raised when the session
 * starts and run at {@code dueAt}; by then the session may be over or discarded, which whoever reminds must check.
 */
public record ReminderDue(String sessionId, String squadId, Instant dueAt) implements DueLater {
}
