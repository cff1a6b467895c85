package io.featurecreep.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.featurecreep.events.Outbox.OutboxListener;

/**
 * With Redis: moves committed work from the outbox table to the jobs stream. If a node dies after adding to the
 * stream and before marking the row relayed, the row is relayed again once its lease runs out: handlers are
 * idempotent, so that is harmless.
 */
class OutboxRelay extends WorkLoop implements OutboxListener {

	private static final int BATCH = 50;

	private final OutboxStore store;

	private final StringRedisTemplate redis;

	private final EventSettings settings;

	private final Clock clock;

	OutboxRelay(OutboxStore store, StringRedisTemplate redis, EventSettings settings, Clock clock) {
		super("outbox-relay", settings.pollInterval());
		this.store = store;
		this.redis = redis;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void newWorkCommitted() {
		nudge();
	}

	@Override
	protected boolean round() {
		Instant now = clock.instant();
		List<OutboxEntry> claimed = store.claimDue(now, now.plus(settings.lease()), BATCH);
		for (OutboxEntry entry : claimed) {
			redis.opsForStream()
				.add(StreamRecords.string(Map.of("outboxId", entry.id(), "eventType", entry.eventType(), "handler",
						entry.handler(), "payload", entry.payload())).withStreamKey(settings.jobsStream()),
						XAddOptions.maxlen(100_000).approximateTrimming(true));
			store.markRelayed(entry.id());
		}
		return claimed.size() == BATCH;
	}

}
