package io.featurecreep.shared;

import com.github.benmanes.caffeine.cache.Caffeine;

/** How the caches that requests read are built. */
public final class Caches {

	private Caches() {
	}

	/**
	 * A Caffeine builder whose upkeep (draining the buffer of recorded reads, expiring, evicting) runs on the thread
	 * that used the cache, under Caffeine's own try-lock, instead of being handed to the common pool. Handed off, it
	 * woke a pool thread every few dozen reads of each cache; in the request cost benchmark (docs/benchmarks.md) that
	 * hand-off and the pool thread's waking and sleeping took 5-8 µs of a request's CPU, more than the upkeep itself.
	 * Only for caches without removal listeners, whose upkeep is short.
	 */
	public static Caffeine<Object, Object> keptOnTheCallersThread() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

}
