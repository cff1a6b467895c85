package io.featurecreep.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.featurecreep.notifications.DeliveryStore.Purpose;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts how sending to channels goes, by channel kind, purpose and outcome; never which squad or channel (their
 * addresses are secrets). A report's or reminder's failed attempt counts as {@code retrying} until the last one,
 * which counts as {@code failed}; one no longer worth sending (its session discarded, everyone voted) as
 * {@code cancelled}. A test message is sent once, {@code delivered} or {@code failed}. Every series exists at
 * zero from the start, so a dashboard shows 0 rather than "no data".
 */
@Component
class DeliveryMetrics {

	enum Outcome {

		DELIVERED, RETRYING, FAILED, CANCELLED

	}

	private final Map<String, Counter> counters = new HashMap<>();

	DeliveryMetrics(MeterRegistry registry) {
		for (ChannelKind kind : ChannelKind.values()) {
			for (Purpose purpose : Purpose.values()) {
				for (Outcome outcome : Outcome.values()) {
					if (purpose != Purpose.TEST || outcome == Outcome.DELIVERED || outcome == Outcome.FAILED) {
						counters.put(key(kind, purpose.name(), outcome), Counter.builder("feature.creep.deliveries")
							.description("Attempts at sending reports, reminders and test messages to squads' channels")
							.tag("kind", lower(kind))
							.tag("purpose", lower(purpose))
							.tag("status", lower(outcome))
							.register(registry));
					}
				}
			}
		}
	}

	/** Counts one outcome of a delivery of this purpose ({@link Purpose} by name, as stored). */
	void count(ChannelKind kind, String purpose, Outcome outcome) {
		Counter counter = counters.get(key(kind, purpose, outcome));
		if (counter != null) {
			counter.increment();
		}
	}

	private static String key(ChannelKind kind, String purpose, Outcome outcome) {
		return kind + "/" + purpose + "/" + outcome;
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
