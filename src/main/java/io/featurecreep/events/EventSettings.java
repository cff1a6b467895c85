package io.featurecreep.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard the workers try, unless a handler says otherwise ({@link DurableHandler#retries}): a handler that fails
 * is tried again after {@code backoff} (2 s), doubled after each failure (4, 8 … seconds, at most
 * {@code maxBackoff}), and parked as dead after {@code maxAttempts}. A claim lasts {@code lease}: work of a node
 * that died is taken over by another once it runs out.
 */
@ConfigurationProperties("feature-creep.events")
record EventSettings(Integer maxAttempts, Duration backoff, Duration lease, Duration maxBackoff, Duration pollInterval,
		String redisPrefix) {

	EventSettings {
		redisPrefix = redisPrefix == null ? "fc:" : redisPrefix;
		maxAttempts = maxAttempts == null ? 10 : maxAttempts;
		backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
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

	/** The queue's own retries, for handlers that name none. */
	Retries retries() {
		return new Retries(maxAttempts, backoff, maxBackoff);
	}

}
