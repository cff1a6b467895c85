package io.featurecreep.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background thread that does a round of work whenever it is nudged, and at least every poll interval.
 * Rounds never overlap; a failing round is logged and the loop goes on.
 */
public abstract class WorkLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WorkLoop.class);

	private final Semaphore nudges = new Semaphore(0);

	private final String name;

	private final Duration pollInterval;

	private volatile Thread thread;

	private volatile boolean running;

	/** Rounds failed in a row; only the loop's thread uses it. */
	private int failedRounds;

	protected WorkLoop(String name, Duration pollInterval) {
		this.name = name;
		this.pollInterval = pollInterval;
	}

	/** One round; returns true if there may be more work right away. */
	protected abstract boolean round() throws Exception;

	public void nudge() {
		nudges.release();
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
	}

	@Override
	public void stop() {
		running = false;
		Thread current = thread;
		if (current != null) {
			current.interrupt();
			try {
				current.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Called on the loop's thread after a round failed, before the next one. */
	protected void failed() {
	}

	/** Called on the loop's thread as it ends, whether stopped or interrupted. */
	protected void ended() {
	}

	private void loop() {
		try {
			rounds();
		}
		finally {
			ended();
		}
	}

	private void rounds() {
		while (running) {
			try {
				boolean more = round();
				if (failedRounds > 0) {
					log.info("{}: working again after {} failed rounds", name, failedRounds);
					failedRounds = 0;
				}
				if (!more) {
					nudges.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
					nudges.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				if (!running) {
					return;
				}
				failedRounds++;
				if (failedRounds == 1) {
					log.warn("{}: a round failed, trying again shortly: {}", name, ex.toString());
				}
				else {
					// an outage (Redis or the database away) fails every round: one line when it starts, one when it ends
					log.debug("{}: round {} failed: {}", name, failedRounds, ex.toString());
				}
				failed();
				sleepQuietly();
			}
		}
	}

	/** After a failed round: the poll interval, but at least half a second, so an outage is not hammered. */
	private void sleepQuietly() {
		try {
			Thread.sleep(Math.max(pollInterval.toMillis(), 500));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
