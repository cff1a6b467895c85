package io.featurecreep.events;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * With Redis: runs the jobs of the jobs stream. All nodes read it in one consumer group, so each job goes to one
 * node. A job that fails stays pending and is claimed again after its handler's backoff ({@link Retries}), which
 * grows with each delivery; a job left pending by a node that died is claimed by another once it has been idle for
 * the lease (what XAUTOCLAIM does, done with XPENDING and XCLAIM so that each job's own backoff is respected). The
 * attempts are counted in the outbox row, as without Redis, so a job's last attempt is the same whatever carries it
 * (and survives Redis losing its data): after it fails, the row is parked as DEAD with the last error (its handler
 * told) and the job moved to the dead-letter stream {@code fc:jobs:dead}, for operators to look at.
 */
class RedisJobConsumer extends RedisStreamLoop {

	private static final Logger log = LoggerFactory.getLogger(RedisJobConsumer.class);

	static final String GROUP = "fc-workers";

	private final StringRedisTemplate redis;

	private final DurableHandlers handlers;

	private final OutboxStore store;

	private final EventSettings settings;

	private final Clock clock;

	private final String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-"
			+ UUID.randomUUID().toString().substring(0, 8);

	private volatile boolean groupReady;

	RedisJobConsumer(StringRedisTemplate redis, DurableHandlers handlers, OutboxStore store, EventSettings settings,
			Clock clock) {
		super("redis-jobs", settings.pollInterval(), redis.getRequiredConnectionFactory());
		this.redis = redis;
		this.handlers = handlers;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected boolean read() {
		ensureGroup();
		reclaimDue();
		List<MapRecord<String, Object, Object>> fresh = redis.opsForStream()
			.read(Consumer.from(GROUP, consumer), StreamReadOptions.empty().count(10).block(Duration.ofSeconds(1)),
					StreamOffset.create(settings.jobsStream(), ReadOffset.lastConsumed()));
		if (fresh == null || fresh.isEmpty()) {
			return false;
		}
		fresh.forEach(this::run);
		return true;
	}

	/** Claims pending jobs whose backoff has passed, or that a dead node left behind, and runs them again. */
	private void reclaimDue() {
		PendingMessages pending = redis.opsForStream().pending(settings.jobsStream(), GROUP, Range.unbounded(), 50);
		for (PendingMessage message : pending) {
			boolean mine = consumer.equals(message.getConsumerName());
			Duration wait = handlers.retriesOf(handlerOf(message.getId()))
				.backoffAfter((int) message.getTotalDeliveryCount());
			Duration due = mine ? wait : max(wait, settings.lease());
			if (message.getElapsedTimeSinceLastDelivery().compareTo(due) < 0) {
				continue;
			}
			redis.opsForStream()
				.claim(settings.jobsStream(), GROUP, consumer, XClaimOptions.minIdle(due).ids(message.getId()))
				.forEach(this::run);
		}
	}

	/** The handler a pending job is for (its backoff depends on it); empty if the stream no longer has the job. */
	private String handlerOf(RecordId id) {
		List<MapRecord<String, Object, Object>> found = redis.opsForStream()
			.range(settings.jobsStream(), Range.closed(id.getValue(), id.getValue()), Limit.limit().count(1));
		return found == null || found.isEmpty() ? "" : String.valueOf(found.getFirst().getValue().get("handler"));
	}

	/**
	 * Runs a job once its outbox row is claimed. Work that is done already (a job relayed again after Redis lost
	 * it, or delivered again to a group made anew) is acknowledged without running; work another node is running
	 * stays pending, to be claimed again if that node dies. The row is marked done before the job is acknowledged,
	 * so a node dying in between leaves a pending job that the next taker finds done. A job claimed more often than
	 * it may be tried (its nodes kept dying while running it) is parked without running it again.
	 */
	private void run(MapRecord<String, Object, Object> record) {
		String outboxId = (String) record.getValue().get("outboxId");
		Instant now = clock.instant();
		Optional<OutboxEntry> claimed = store.claimForRun(outboxId, now, now.plus(settings.lease()));
		if (claimed.isEmpty()) {
			if (store.finished(outboxId)) {
				redis.opsForStream().acknowledge(settings.jobsStream(), GROUP, record.getId());
			}
			return;
		}
		OutboxEntry entry = claimed.get();
		Retries retries = handlers.retriesOf(entry.handler());
		if (entry.attempts() > retries.maxAttempts()) {
			bury(record, entry, "Gave up after " + retries.maxAttempts() + " attempts");
			return;
		}
		try {
			handlers.run(entry);
			store.markDone(entry.id(), clock.instant());
			redis.opsForStream().acknowledge(settings.jobsStream(), GROUP, record.getId());
		}
		catch (Exception failure) {
			String error = DurableHandlers.describe(failure);
			if (entry.attempts() >= retries.maxAttempts()) {
				bury(record, entry, error);
			}
			else {
				log.warn("{} failed for job {} (attempt {}); it stays pending and will be retried: {}", entry.handler(),
						record.getId(), entry.attempts(), error);
				store.retryLater(entry.id(), clock.instant(), error);
			}
		}
	}

	/**
	 * Parks the work in the database first (the source of truth: its handler is told, the row marked DEAD), then
	 * moves the job to the dead-letter stream for operators and acknowledges it. A node dying in between leaves a
	 * pending job that the next taker finds finished and acknowledges.
	 */
	private void bury(MapRecord<String, Object, Object> record, OutboxEntry entry, String error) {
		handlers.park(entry, error);
		redis.opsForStream()
			.add(StreamRecords.string(Map.of("outboxId", entry.id(), "handler", entry.handler(), "eventType",
					entry.eventType(), "payload", entry.payload(), "jobId", record.getId().getValue(), "error", error))
				.withStreamKey(settings.deadStream()));
		redis.opsForStream().acknowledge(settings.jobsStream(), GROUP, record.getId());
		log.error("Job {} of {} moved to {} after {} attempts", record.getId(), entry.handler(), settings.deadStream(),
				entry.attempts());
	}

	/**
	 * After any failed round the group is made sure of again: Redis may have restarted without its data or failed
	 * over to a replica without the stream (NOGROUP), and every node must make the group anew by itself.
	 */
	@Override
	protected void failed() {
		groupReady = false;
		super.failed();
	}

	private void ensureGroup() {
		if (groupReady) {
			return;
		}
		try {
			redis.opsForStream().createGroup(settings.jobsStream(), ReadOffset.from(RecordId.of("0-0")), GROUP);
		}
		catch (RedisSystemException alreadyThere) {
			// BUSYGROUP: another node (or an earlier run) created it
		}
		groupReady = true;
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
