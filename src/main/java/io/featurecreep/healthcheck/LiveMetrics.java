package io.featurecreep.healthcheck;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What this node holds open for live sessions: browsers' event streams and GraphQL subscriptions. Per node, as
 * each node holds its own connections: a load balancer that spreads them badly shows here.
 */
@Component
class LiveMetrics implements MeterBinder {

	private final SessionEvents screens;

	private final LiveSessionFeed feed;

	LiveMetrics(SessionEvents screens, LiveSessionFeed feed) {
		this.screens = screens;
		this.feed = feed;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("feature.creep.live.screens", screens, SessionEvents::openScreens)
			.description("Live session pages connected to this node (server-sent event streams)")
			.register(registry);
		Gauge.builder("feature.creep.live.subscriptions", feed, LiveSessionFeed::openSubscriptions)
			.description("GraphQL subscriptions to session changes open on this node")
			.register(registry);
	}

}
