package io.featurecreep.events;

/**
 * A reaction to a domain event that must happen, exactly in effect once: it is recorded with the change that
 * raised the event and run after the commit, on any node, retried until it succeeds or the queue gives up on it.
 * It may run more than once (a node may die after doing the work and before recording that it did), so it must be
 * idempotent.
 *
 * @param <E> the event it reacts to, a record
 */
public interface DurableHandler<E> {

	/** A stable name: it is stored with the pending work, so renaming a handler orphans its work. */
	String name();

	Class<E> eventType();

	/** Does the work; throwing means "try again later", until the last attempt. */
	void handle(E event) throws Exception;

	/**
	 * How often and how patiently this handler's work is tried; null (the default) means the queue's own settings
	 * ({@code feature-creep.events.max-attempts}, {@code backoff}, {@code max-backoff}).
	 */
	default Retries retries() {
		return null;
	}

	/**
	 * Told once when the queue parks this work after its last failed attempt, in the transaction that parks it (so a
	 * record of the handler's own, such as a delivery log, says "failed" exactly when the work is parked). Throwing
	 * leaves the work unparked, to be parked again later.
	 */
	default void gaveUp(E event, String lastError) throws Exception {
	}

}
