package io.featurecreep.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.featurecreep.events.OutboxStore.Backlog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox's backlog as gauges: jobs waiting, handed to the jobs stream, or given up on, and the age of the
 * oldest unfinished job (it grows while work is stuck or keeps failing). Read from the database, so the same on
 * every node. Each scrape would otherwise query the database once per gauge; the reading is kept for
 * {@code feature-creep.metrics.database-readings} (10 s) instead, so any number of scrapers cost one pair of small
 * queries per interval per node.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private static final Backlog UNKNOWN = new Backlog(-1, -1, -1, null);

	private final LoadingCache<Boolean, Backlog> reading;

	private final Clock clock;

	OutboxMetrics(OutboxStore store, Clock clock,
			@Value("${feature-creep.metrics.database-readings:PT10S}") Duration keepFor) {
		this.clock = clock;
		this.reading = Caffeine.newBuilder().expireAfterWrite(keepFor).build(key -> read(store));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "pending", Backlog::pending);
		gauge(registry, "relayed", Backlog::relayed);
		gauge(registry, "dead", Backlog::dead);
		Gauge.builder("feature.creep.outbox.oldest.job.age", this, OutboxMetrics::oldestAgeSeconds)
			.description("Age of the oldest unfinished background job (0 when none)")
			.baseUnit("seconds")
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String status, ToIntFunction<Backlog> count) {
		Gauge.builder("feature.creep.outbox.jobs", this, metrics -> value(count.applyAsInt(metrics.backlog())))
			.description("Background jobs by status: pending (waiting), relayed (in the jobs stream), dead (given up)")
			.tag("status", status)
			.register(registry);
	}

	private double oldestAgeSeconds() {
		Backlog backlog = backlog();
		if (backlog == UNKNOWN) {
			return Double.NaN;
		}
		Instant oldest = backlog.oldestUnfinished();
		return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
	}

	private Backlog backlog() {
		return reading.get(Boolean.TRUE);
	}

	/**
	 * No reading (NaN) rather than a failed scrape or a warning per scrape while the database is away: its being
	 * away shows in the connection pool's metrics and the health endpoint.
	 */
	private static Backlog read(OutboxStore store) {
		try {
			return store.backlog();
		}
		catch (RuntimeException unavailable) {
			log.debug("Could not read the outbox backlog: {}", unavailable.toString());
			return UNKNOWN;
		}
	}

	private static double value(int count) {
		return count < 0 ? Double.NaN : count;
	}

}
