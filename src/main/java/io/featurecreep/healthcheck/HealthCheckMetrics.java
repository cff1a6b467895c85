package io.featurecreep.healthcheck;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts sessions and votes by session mode, and nothing else about them: no squad, session, question, colour or
 * trend is ever a tag. A vote's colour as a tag would let anyone who watches the counter and a live page together
 * tell who voted what. Every counter exists at zero from the start, so dashboards show 0 rather than "no data".
 */
@Component
class HealthCheckMetrics {

	private final Map<SessionMode, Counter> votes = new EnumMap<>(SessionMode.class);

	private final Map<SessionMode, Counter> started = new EnumMap<>(SessionMode.class);

	private final Map<SessionMode, Counter> ended = new EnumMap<>(SessionMode.class);

	HealthCheckMetrics(MeterRegistry registry) {
		for (SessionMode mode : SessionMode.values()) {
			String tag = mode.name().toLowerCase(Locale.ROOT);
			votes.put(mode, Counter.builder("feature.creep.votes.cast")
				.description("Votes cast or changed")
				.tag("mode", tag)
				.register(registry));
			started.put(mode, Counter.builder("feature.creep.sessions.started")
				.description("Health check sessions started")
				.tag("mode", tag)
				.register(registry));
			ended.put(mode, Counter.builder("feature.creep.sessions.ended")
				.description("Health check sessions ended: by their facilitator, at their deadline, or discarded while running")
				.tag("mode", tag)
				.register(registry));
		}
	}

	void voteCast(SessionMode mode) {
		votes.get(mode).increment();
	}

	void sessionStarted(HealthSession session) {
		started.get(session.mode()).increment();
	}

	void sessionEnded(HealthSession session) {
		ended.get(session.mode()).increment();
	}

}
