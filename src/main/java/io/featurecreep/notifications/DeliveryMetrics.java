package io.featurecreep.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts how sending to channels goes, by channel kind, purpose and outcome; never which squad or channel (their
 * addresses are secrets). A report's failed attempt counts as {@code retrying} until the last one, which counts as
 * {@code failed}; a test message is sent once, {@code delivered} or {@code failed}. Every series exists at zero
 * from the start, so a dashboard shows 0 rather than "no data".
 */
@Component
class DeliveryMetrics {

	enum Outcome {

		DELIVERED, RETRYING, FAILED

	}

	private final Map<String, Counter> counters = new HashMap<>();

	DeliveryMetrics(MeterRegistry registry) {
		for (ChannelKind kind : ChannelKind.values()) {
			for (Outcome outcome : Outcome.values()) {
				register(registry, kind, "report", outcome);
				if (outcome != Outcome.RETRYING) {
					register(registry, kind, "test", outcome);
				}
			}
		}
	}

	void report(ChannelKind kind, Outcome outcome) {
		counters.get(key(kind, "report", outcome)).increment();
	}

	void test(ChannelKind kind, boolean delivered) {
		counters.get(key(kind, "test", delivered ? Outcome.DELIVERED : Outcome.FAILED)).increment();
	}

	private void register(MeterRegistry registry, ChannelKind kind, String purpose, Outcome outcome) {
		counters.put(key(kind, purpose, outcome), Counter.builder("feature.creep.deliveries")
			.description("Attempts at sending reports and test messages to squads' channels")
			.tag("kind", lower(kind))
			.tag("purpose", purpose)
			.tag("status", lower(outcome))
			.register(registry));
	}

	private static String key(ChannelKind kind, String purpose, Outcome outcome) {
		return kind + "/" + purpose + "/" + outcome;
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
