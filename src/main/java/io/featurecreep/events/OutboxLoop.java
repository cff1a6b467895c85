package io.featurecreep.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.featurecreep.events.Outbox.OutboxListener;

/**
 * A background loop over the outbox: claims due entries with a lease, hands each to {@link #process}, and looks
 * again at once when new work is committed.
 */
abstract class OutboxLoop extends WorkLoop implements OutboxListener {

	private final OutboxStore store;

	private final EventSettings settings;

	private final Clock clock;

	private final int batch;

	private final boolean toRun;

	/** {@code toRun}: whether {@link #process} runs the work (each claim then counts an attempt) or hands it on. */
	OutboxLoop(String name, OutboxStore store, EventSettings settings, Clock clock, int batch, boolean toRun) {
		super(name, settings.pollInterval());
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.batch = batch;
		this.toRun = toRun;
	}

	protected abstract void process(OutboxEntry entry);

	@Override
	public void newWorkCommitted() {
		nudge();
	}

	@Override
	protected boolean round() {
		Instant now = clock.instant();
		List<OutboxEntry> claimed = store.claimDue(now, now.plus(settings.lease()), batch, toRun);
		claimed.forEach(this::process);
		return claimed.size() == batch;
	}

}
