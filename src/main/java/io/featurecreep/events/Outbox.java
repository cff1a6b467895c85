package io.featurecreep.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.featurecreep.shared.Ids;

/**
 * Records, inside the transaction of the change that raised an event, the work its durable handlers must do.
 * The change and its consequences are committed together, or neither is: no consequence is lost when a node
 * dies right after a commit. Once committed, the workers are told to look at once instead of at their next poll.
 * Work of a {@link DueLater} event waits until its time: workers claim only work that is due.
 */
@Component
class Outbox {

	private final DurableHandlers handlers;

	private final OutboxStore store;

	private final List<OutboxListener> listeners;

	private final Clock clock;

	Outbox(DurableHandlers handlers, OutboxStore store, List<OutboxListener> listeners, Clock clock) {
		this.handlers = handlers;
		this.store = store;
		this.listeners = listeners;
		this.clock = clock;
	}

	@EventListener
	void record(Object event) {
		List<DurableHandler<?>> interested = handlers.forEvent(event);
		if (interested.isEmpty()) {
			return;
		}
		String payload = handlers.write(event);
		Instant now = clock.instant();
		Instant due = event instanceof DueLater later && later.dueAt().isAfter(now) ? later.dueAt() : now;
		for (DurableHandler<?> handler : interested) {
			store.insert(Ids.newId(), event.getClass().getName(), payload, handler.name(), now, due);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					listeners.forEach(OutboxListener::newWorkCommitted);
				}
			});
		}
		else {
			listeners.forEach(OutboxListener::newWorkCommitted);
		}
	}

	/** Told when new work has been committed. */
	interface OutboxListener {

		void newWorkCommitted();

	}

}
