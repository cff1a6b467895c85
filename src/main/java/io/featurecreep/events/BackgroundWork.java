package io.featurecreep.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * How much background work waits and what was given up on and why, for operators. Read from the outbox table, so
 * the same on every node. Who may see it is decided by the caller (operations), not here: this module knows no
 * people.
 */
@Component
public class BackgroundWork {

	private static final int DEAD_SHOWN = 50;

	private final OutboxStore store;

	private final Clock clock;

	BackgroundWork(OutboxStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public Status status() {
		Instant now = clock.instant();
		List<GivenUp> dead = store.dead(DEAD_SHOWN)
			.stream()
			.map(work -> new GivenUp(work.id(), work.eventType(), work.handler(), work.attempts(), work.lastError(),
					work.createdAt()))
			.toList();
		return new Status(store.countPending(now, true), store.countPending(now, false), store.countByStatus("RELAYED"),
				store.countByStatus("DONE"), store.countByStatus("DEAD"), dead);
	}

	/** Counts by state: due, scheduled for later, handed to the Redis jobs stream, done, given up on. */
	public record Status(int pending, int scheduled, int relayed, int done, int dead, List<GivenUp> deadWork) {
	}

	/** A piece of work parked after too many failures, with the last error. */
	public record GivenUp(String id, String eventType, String handler, int attempts, String lastError,
			Instant createdAt) {
	}

}
