package io.featurecreep.notifications;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a task for a key once things have settled, never twice at once for the same key, and once more after a run
 * if the key was asked for while it ran: a burst of asks (every vote of a live question) makes one or two runs, and
 * the last run always starts after the last ask, so it sees the latest state. Runs for different keys are
 * independent; each waits {@code settle} after the first ask before it starts.
 */
final class LatestOnly implements AutoCloseable {

	private enum State {

		WAITING, RUNNING, RUNNING_AND_ASKED_AGAIN

	}

	private final Map<String, State> states = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
		.name("vote-count-timer")
		.daemon()
		.factory());

	private final Duration settle;

	private final Consumer<String> task;

	LatestOnly(Duration settle, Consumer<String> task) {
		this.settle = settle;
		this.task = task;
	}

	/** Asks for a run for the key: one is waiting already, or one starts after {@code settle}, or after the running one. */
	void ask(String key) {
		states.compute(key, (k, state) -> {
			if (state == null) {
				schedule(k);
				return State.WAITING;
			}
			return state == State.RUNNING ? State.RUNNING_AND_ASKED_AGAIN : state;
		});
	}

	private void schedule(String key) {
		timer.schedule(() -> Thread.ofVirtual().name("vote-count-" + key).start(() -> run(key)), settle.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void run(String key) {
		states.put(key, State.RUNNING);
		try {
			task.accept(key);
		}
		finally {
			states.compute(key, (k, state) -> {
				if (state == State.RUNNING_AND_ASKED_AGAIN) {
					schedule(k);
					return State.WAITING;
				}
				return null;
			});
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}
