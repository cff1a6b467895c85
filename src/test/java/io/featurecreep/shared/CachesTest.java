package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;

class CachesTest {

	@Test
	void aCachesUpkeepRunsOnTheThreadThatUsedIt() {
		List<Thread> evictedOn = new CopyOnWriteArrayList<>();
		Cache<Integer, String> cache = Caches.keptOnTheCallersThread()
			.maximumSize(10)
			.<Integer, String>evictionListener((key, value, cause) -> evictedOn.add(Thread.currentThread()))
			.build();
		for (int i = 0; i < 1_000; i++) {
			cache.put(i, "value " + i);
			cache.getIfPresent(i / 2);
		}
		// evicted as the writes came, each by the thread that wrote: nothing was left for another thread to do
		assertThat(cache.estimatedSize()).isEqualTo(10);
		assertThat(evictedOn).hasSize(990).containsOnly(Thread.currentThread());
	}

}
