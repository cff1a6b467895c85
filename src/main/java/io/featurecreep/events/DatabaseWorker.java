package io.featurecreep.events;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs durable work straight from the outbox table: the transport when there is no Redis. Every node runs one;
 * claims keep them from doing the same work twice, and leases hand a dead node's work to the others. A failure is
 * tried again after the handler's backoff, and parked after its last attempt; work claimed more often than it may
 * be tried (its nodes kept dying while running it) is parked without running it again.
 */
class DatabaseWorker extends OutboxLoop {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWorker.class);

	private final OutboxStore store;

	private final DurableHandlers handlers;

	private final Clock clock;

	DatabaseWorker(OutboxStore store, DurableHandlers handlers, EventSettings settings, Clock clock) {
		super("outbox-worker", store, settings, clock, 20, true);
		this.store = store;
		this.handlers = handlers;
		this.clock = clock;
	}

	@Override
	protected void process(OutboxEntry entry) {
		Retries retries = handlers.retriesOf(entry.handler());
		if (entry.attempts() > retries.maxAttempts()) {
			handlers.park(entry, "Gave up after " + retries.maxAttempts() + " attempts");
			return;
		}
		try {
			handlers.run(entry);
			store.markDone(entry.id(), clock.instant());
		}
		catch (Exception failure) {
			String error = DurableHandlers.describe(failure);
			if (entry.attempts() >= retries.maxAttempts()) {
				handlers.park(entry, error);
			}
			else {
				Instant next = clock.instant().plus(retries.backoffAfter(entry.attempts()));
				log.warn("{} failed on attempt {} (next try at {}): {}", entry.handler(), entry.attempts(), next, error);
				store.retryLater(entry.id(), next, error);
			}
		}
	}

}
