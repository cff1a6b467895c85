package io.featurecreep.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.featurecreep.events.OutboxStore.RelayedEntry;

/**
 * With Redis: moves committed work from the outbox table to the jobs stream, and keeps the database the source of
 * truth for it. If a node dies after adding to the stream and before marking the row relayed, the row is relayed
 * again once its lease runs out. A relayed row that is not done a lease later is looked for in the stream, and
 * added again if Redis no longer has it (restarted without its data, a failover to a replica that lacks it,
 * FLUSHALL, trimming): work relayed before a loss is not lost with it. Running a job twice is harmless: a consumer
 * claims its row before running it ({@link OutboxStore#claimForRun}), and done work is never run again.
 */
class OutboxRelay extends OutboxLoop {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int CHECKS_PER_ROUND = 50;

	private final OutboxStore store;

	private final StringRedisTemplate redis;

	private final EventSettings settings;

	private final Clock clock;

	OutboxRelay(OutboxStore store, StringRedisTemplate redis, EventSettings settings, Clock clock) {
		super("outbox-relay", store, settings, clock, 50, false);
		this.store = store;
		this.redis = redis;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected boolean round() {
		boolean more = super.round();
		return checkRelayed() | more;
	}

	@Override
	protected void process(OutboxEntry entry) {
		store.markRelayed(entry.id(), add(entry).getValue(), clock.instant().plus(settings.lease()));
	}

	/** Adds again what Redis lost of the relayed work that is not done yet; true if there may be more to check. */
	private boolean checkRelayed() {
		Instant now = clock.instant();
		var due = store.relayedDueForCheck(now, CHECKS_PER_ROUND);
		int lost = 0;
		for (RelayedEntry relayed : due) {
			Instant checkAgain = now.plus(settings.lease());
			if (relayed.streamId() != null && inStream(relayed.streamId())) {
				store.checkAgainAt(relayed.entry().id(), checkAgain);
			}
			else {
				store.markRelayed(relayed.entry().id(), add(relayed.entry()).getValue(), checkAgain);
				lost++;
			}
		}
		if (lost > 0) {
			log.warn("Relayed {} unfinished jobs again: the jobs stream no longer had them (Redis lost its data?)", lost);
		}
		return due.size() == CHECKS_PER_ROUND;
	}

	private boolean inStream(String streamId) {
		var found = redis.opsForStream()
			.range(settings.jobsStream(), Range.closed(streamId, streamId), Limit.limit().count(1));
		return found != null && !found.isEmpty();
	}

	private RecordId add(OutboxEntry entry) {
		return redis.opsForStream()
			.add(StreamRecords.string(Map.of("outboxId", entry.id(), "eventType", entry.eventType(), "handler",
					entry.handler(), "payload", entry.payload())).withStreamKey(settings.jobsStream()),
					XAddOptions.maxlen(100_000).approximateTrimming(true));
	}

}
