package io.featurecreep.events;

import java.time.Clock;
import java.util.Map;

import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * With Redis: moves committed work from the outbox table to the jobs stream. If a node dies after adding to the
 * stream and before marking the row relayed, the row is relayed again once its lease runs out: handlers are
 * idempotent, so that is harmless.
 */
class OutboxRelay extends OutboxLoop {

	private final OutboxStore store;

	private final StringRedisTemplate redis;

	private final EventSettings settings;

	OutboxRelay(OutboxStore store, StringRedisTemplate redis, EventSettings settings, Clock clock) {
		super("outbox-relay", store, settings, clock, 50);
		this.store = store;
		this.redis = redis;
		this.settings = settings;
	}

	@Override
	protected void process(OutboxEntry entry) {
		redis.opsForStream()
			.add(StreamRecords.string(Map.of("outboxId", entry.id(), "eventType", entry.eventType(), "handler",
					entry.handler(), "payload", entry.payload())).withStreamKey(settings.jobsStream()),
					XAddOptions.maxlen(100_000).approximateTrimming(true));
		store.markRelayed(entry.id());
	}

}
