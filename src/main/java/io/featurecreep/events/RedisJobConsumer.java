package io.featurecreep.events;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
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
 * node. A job that fails stays pending and is claimed again after a backoff that doubles with each delivery;
 * a job left pending by a node that died is claimed by another once it has been idle for the lease (what
 * XAUTOCLAIM does, done with XPENDING and XCLAIM so that each job's own backoff is respected). After
 * {@code maxAttempts} deliveries a job is moved to the dead-letter stream {@code fc:jobs:dead} (and its outbox row
 * marked DEAD with the last error), for operators to look at.
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
			Duration wait = settings.backoffAfter((int) message.getTotalDeliveryCount());
			Duration due = mine ? wait : max(wait, settings.lease());
			if (message.getElapsedTimeSinceLastDelivery().compareTo(due) < 0) {
				continue;
			}
			List<MapRecord<String, Object, Object>> claimed = redis.opsForStream()
				.claim(settings.jobsStream(), GROUP, consumer, XClaimOptions.minIdle(due).ids(message.getId()));
			for (MapRecord<String, Object, Object> record : claimed) {
				if (message.getTotalDeliveryCount() >= settings.maxAttempts()) {
					bury(record);
				}
				else {
					run(record);
				}
			}
		}
	}

	/**
	 * Runs a job once its outbox row is claimed. Work that is done already (a job relayed again after Redis lost
	 * it, or delivered again to a group made anew) is acknowledged without running; work another node is running
	 * stays pending, to be claimed again if that node dies. The row is marked done before the job is acknowledged,
	 * so a node dying in between leaves a pending job that the next taker finds done.
	 */
	private void run(MapRecord<String, Object, Object> record) {
		Map<Object, Object> job = record.getValue();
		OutboxEntry entry = new OutboxEntry((String) job.get("outboxId"), (String) job.get("eventType"),
				(String) job.get("payload"), (String) job.get("handler"), 0);
		Instant now = clock.instant();
		if (!store.claimForRun(entry.id(), now, now.plus(settings.lease()))) {
			if (store.finished(entry.id())) {
				redis.opsForStream().acknowledge(settings.jobsStream(), GROUP, record.getId());
			}
			return;
		}
		try {
			handlers.run(entry);
			store.markDone(entry.id(), clock.instant());
			redis.opsForStream().acknowledge(settings.jobsStream(), GROUP, record.getId());
		}
		catch (Exception failure) {
			String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
			log.warn("{} failed for job {}; it stays pending and will be retried: {}", entry.handler(), record.getId(), error);
			store.retryLater(entry.id(), clock.instant(), error);
		}
	}

	private void bury(MapRecord<String, Object, Object> record) {
		Map<Object, Object> job = record.getValue();
		String outboxId = (String) job.get("outboxId");
		if (store.finished(outboxId)) {
			redis.opsForStream().acknowledge(settings.jobsStream(), GROUP, record.getId());
			return;
		}
		redis.opsForStream()
			.add(StreamRecords.string(Map.of("outboxId", outboxId, "handler", String.valueOf(job.get("handler")),
					"eventType", String.valueOf(job.get("eventType")), "payload", String.valueOf(job.get("payload")),
					"jobId", record.getId().getValue())).withStreamKey(settings.deadStream()));
		redis.opsForStream().acknowledge(settings.jobsStream(), GROUP, record.getId());
		store.markDead(outboxId, "Gave up after " + settings.maxAttempts() + " attempts (see " + settings.deadStream() + ")", clock.instant());
		log.error("Job {} of {} moved to {} after {} attempts", record.getId(), job.get("handler"), settings.deadStream(),
				settings.maxAttempts());
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
