package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LatestOnlyTest {

	@Test
	void aBurstOfAsksMakesOneRunThatSeesTheLastAsk() throws Exception {
		AtomicLong asked = new AtomicLong();
		List<Long> seen = new CopyOnWriteArrayList<>();
		try (LatestOnly latest = new LatestOnly(Duration.ofMillis(100), key -> seen.add(asked.get()))) {
			for (int vote = 1; vote <= 200; vote++) {
				asked.set(vote);
				latest.ask("session");
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
			Thread.sleep(300);
		}
		assertThat(seen).containsExactly(200L);
	}

	@Test
	void anAskWhileRunningMakesOneMoreRunAfterItNeverTwoAtOnce() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		AtomicLong asked = new AtomicLong();
		List<Long> seen = new CopyOnWriteArrayList<>();
		try (LatestOnly latest = new LatestOnly(Duration.ofMillis(20), key -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			long now = asked.get();
			sleep(150);
			seen.add(now);
			running.decrementAndGet();
		})) {
			asked.set(1);
			latest.ask("session");
			await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 1);
			// votes while the first edit is on its way: one more edit, after it, with the last count
			for (int vote = 2; vote <= 50; vote++) {
				asked.set(vote);
				latest.ask("session");
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
			Thread.sleep(300);
		}
		assertThat(seen).containsExactly(1L, 50L);
		assertThat(mostAtOnce).hasValue(1);
	}

	@Test
	void keysRunOnTheirOwn() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		try (LatestOnly latest = new LatestOnly(Duration.ofMillis(20), seen::add)) {
			latest.ask("a");
			latest.ask("b");
			latest.ask("a");
			await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
			Thread.sleep(200);
		}
		assertThat(seen).containsExactlyInAnyOrder("a", "b");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
