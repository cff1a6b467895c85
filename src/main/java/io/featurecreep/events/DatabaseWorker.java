package io.featurecreep.events;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs durable work straight from the outbox table: the transport when there is no Redis. Every node runs one;
 * claims keep them from doing the same work twice, and leases hand a dead node's work to the others.
 */
class DatabaseWorker extends OutboxLoop {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWorker.class);

	private final OutboxStore store;

	private final DurableHandlers handlers;

	private final EventSettings settings;

	private final Clock clock;

	DatabaseWorker(OutboxStore store, DurableHandlers handlers, EventSettings settings, Clock clock) {
		super("outbox-worker", store, settings, clock, 20);
		this.store = store;
		this.handlers = handlers;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected void process(OutboxEntry entry) {
		try {
			handlers.run(entry);
			store.markDone(entry.id(), clock.instant());
		}
		catch (Exception failure) {
			String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
			if (entry.attempts() >= settings.maxAttempts()) {
				log.error("Giving up on {} for {} after {} attempts: {}", entry.handler(), entry.eventType(),
						entry.attempts(), error);
				store.markDead(entry.id(), error, clock.instant());
			}
			else {
				Instant next = clock.instant().plus(settings.backoffAfter(entry.attempts()));
				log.warn("{} failed on attempt {} (next try at {}): {}", entry.handler(), entry.attempts(), next, error);
				store.retryLater(entry.id(), next, error);
			}
		}
	}

}
