package io.featurecreep.events;

/**
 * A reaction to a domain event that must happen, exactly in effect once: it is recorded with the change that
 * raised the event and run after the commit, on any node, retried until it succeeds. It may run more than once
 * (a node may die after doing the work and before recording that it did), so it must be idempotent.
 *
 * @param <E> the event it reacts to, a record
 */
public interface DurableHandler<E> {

	/** A stable name: it is stored with the pending work, so renaming a handler orphans its work. */
	String name();

	Class<E> eventType();

	/** Does the work; throwing means "try again later". */
	void handle(E event) throws Exception;

}
