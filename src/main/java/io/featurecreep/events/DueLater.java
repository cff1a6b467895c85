package io.featurecreep.events;

import java.time.Instant;

/**
 * An event whose durable handlers must not run before a given time, such as a reminder before a deadline. Its work
 * is recorded with the change that raised it, like any other, and waits in the outbox until it is due; then one node
 * runs it, as any work. A time in the past means now.
 */
public interface DueLater {

	Instant dueAt();

}
