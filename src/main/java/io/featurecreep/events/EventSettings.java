package io.featurecreep.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard the workers try. A handler that fails is tried again after 2, 4, 8 … seconds (at most
 * {@code maxBackoff}), and parked as dead after {@code maxAttempts}. A claim lasts {@code lease}: work of a node
 * that died is taken over by another once it runs out.
 */
@ConfigurationProperties("feature-creep.events")
record EventSettings(Integer maxAttempts, Duration lease, Duration maxBackoff, Duration pollInterval,
		String redisPrefix) {

	EventSettings {
		redisPrefix = redisPrefix == null ? "fc:" : redisPrefix;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
		pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
	}

	/** The jobs stream, shared by all nodes. */
	String jobsStream() {
		return redisPrefix + "jobs";
	}

	/** Where jobs go after too many failures. */
	String deadStream() {
		return redisPrefix + "jobs:dead";
	}

	String broadcastStream(String topic) {
		return redisPrefix + "broadcast:" + topic;
	}

	Duration backoffAfter(int attempts) {
		long seconds = 1L << Math.min(Math.max(attempts, 1), 20);
		Duration backoff = Duration.ofSeconds(seconds);
		return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
	}

}
