package io.featurecreep.events;

import java.time.Duration;

/**
 * How patiently the work queue tries a piece of work: at most {@code maxAttempts} tries; after the n-th failed one it
 * waits {@code firstBackoff} doubled n-1 times, never more than {@code maxBackoff}. The one backoff formula of all
 * background work: handlers differ only in these three numbers ({@link DurableHandler#retries}).
 */
public record Retries(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

	public Retries {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
	}

	/** The wait after the {@code attempts}-th failed attempt (counted from 1). */
	public Duration backoffAfter(int attempts) {
		Duration wait = firstBackoff;
		for (int attempt = 1; attempt < attempts && wait.compareTo(maxBackoff) < 0; attempt++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}

}
