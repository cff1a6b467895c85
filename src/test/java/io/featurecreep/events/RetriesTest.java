package io.featurecreep.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The one backoff formula of background work, with the numbers the queue and deliveries use by default. */
class RetriesTest {

	@Test
	void theWaitDoublesAfterEachFailureUpToTheMost() {
		Retries queue = new EventSettings(null, null, null, null, null, null).retries();
		assertThat(queue.maxAttempts()).isEqualTo(10);
		assertThat(queue.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(queue.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
		assertThat(queue.backoffAfter(9)).isEqualTo(Duration.ofSeconds(512));
		assertThat(queue.backoffAfter(10)).isEqualTo(Duration.ofMinutes(10));

		Retries deliveries = new Retries(12, Duration.ofSeconds(5), Duration.ofMinutes(5));
		assertThat(deliveries.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(deliveries.backoffAfter(3)).isEqualTo(Duration.ofSeconds(20));
		assertThat(deliveries.backoffAfter(7)).isEqualTo(Duration.ofMinutes(5));
		assertThat(deliveries.backoffAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
		assertThat(deliveries.backoffAfter(0)).as("before any failure: the first wait").isEqualTo(Duration.ofSeconds(5));
	}

}
