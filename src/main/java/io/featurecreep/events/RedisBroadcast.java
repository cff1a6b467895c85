package io.featurecreep.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The broadcast between nodes: one Redis stream per topic (capped, so old news is trimmed), which every node
 * reads on its own from the point it started (plain XREAD, no consumer group: everyone hears everything). The
 * node that publishes tells its own listeners at once rather than waiting for its message to come back from
 * Redis, and skips it when it does: the screens on the node where a vote is cast need no Redis round trip.
 *
 * <p>Redis being away never fails the publisher (a request whose change is committed) nor the node's start: this
 * node's own screens still hear everything, the others' catch up afterwards. Once the streams can be read again
 * after a failure, reading starts from their newest entries (a Redis that came back empty, or a replica whose
 * clock is behind, numbers its entries anew) and {@link #whenMessagesMissed} listeners refresh from the database.
 */
class RedisBroadcast extends RedisStreamLoop implements NodeBroadcast {

	private static final Logger log = LoggerFactory.getLogger(RedisBroadcast.class);

	private static final long MAX_LENGTH = 10_000;

	/** A topic whose starting point in its stream is still to be found. */
	private static final String FROM_NEWEST = "";

	private final StringRedisTemplate redis;

	private final EventSettings settings;

	private final TopicListeners listeners = new TopicListeners();

	private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();

	private final Map<String, String> lastSeen = new ConcurrentHashMap<>();

	/** Marks this node's own messages in the streams. */
	private final String origin = UUID.randomUUID().toString();

	/** Something may have been missed: set by failures, cleared by the first good read after them. */
	private volatile boolean missed;

	RedisBroadcast(StringRedisTemplate redis, EventSettings settings) {
		super("redis-broadcast", Duration.ofMillis(10), redis.getRequiredConnectionFactory());
		this.redis = redis;
		this.settings = settings;
	}

	@Override
	public void publish(String topic, String message) {
		listeners.tell(topic, message);
		publishToOtherNodes(topic, () -> message);
	}

	/** Always written: whether another node reads the stream, this one cannot tell. */
	@Override
	public void publishToOtherNodes(String topic, Supplier<String> message) {
		String text = message.get();
		try {
			redis.opsForStream()
				.add(StreamRecords.string(Map.of("m", text, "o", origin)).withStreamKey(settings.broadcastStream(topic)),
						XAddOptions.maxlen(MAX_LENGTH).approximateTrimming(true));
		}
		catch (RuntimeException unreachable) {
			if (!missed) {
				log.warn("Redis is unreachable: changes reach only this node's screens until it is back ({})",
						unreachable.toString());
			}
			missed = true;
		}
	}

	@Override
	public void subscribe(String topic, Consumer<String> listener) {
		listeners.add(topic, listener);
		// hear what is said from now on: the first round finds the newest entry there is
		lastSeen.putIfAbsent(topic, FROM_NEWEST);
	}

	@Override
	public void whenMessagesMissed(Runnable refresh) {
		refreshers.add(refresh);
	}

	@Override
	protected void failed() {
		missed = true;
		super.failed();
	}

	@Override
	@SuppressWarnings("unchecked")
	protected boolean read() {
		if (lastSeen.isEmpty()) {
			sleep();
			return false;
		}
		boolean catchingUp = missed;
		if (catchingUp) {
			lastSeen.replaceAll((topic, id) -> FROM_NEWEST);
		}
		lastSeen.replaceAll((topic, id) -> id.equals(FROM_NEWEST) ? newest(topic) : id);
		if (catchingUp) {
			missed = false;
			log.info("Redis is reachable again: screens on this node catch up on what they missed");
			refreshers.forEach(Runnable::run);
		}
		StreamOffset<String>[] offsets = lastSeen.entrySet()
			.stream()
			.map(e -> StreamOffset.create(settings.broadcastStream(e.getKey()), ReadOffset.from(e.getValue())))
			.toArray(StreamOffset[]::new);
		List<MapRecord<String, Object, Object>> records = redis.opsForStream()
			.read(StreamReadOptions.empty().count(500).block(Duration.ofSeconds(1)), offsets);
		if (records == null) {
			return true;
		}
		for (MapRecord<String, Object, Object> record : records) {
			String topic = record.getStream().substring(settings.broadcastStream("").length());
			lastSeen.put(topic, record.getId().getValue());
			if (!origin.equals(record.getValue().get("o"))) {
				listeners.tell(topic, (String) record.getValue().get("m"));
			}
		}
		return true;
	}

	/** The id of the newest entry of a topic's stream ("0-0" for none), to read what comes after it. */
	private String newest(String topic) {
		return redis.opsForStream()
			.reverseRange(settings.broadcastStream(topic), Range.unbounded(), Limit.limit().count(1))
			.stream()
			.findFirst()
			.map(record -> record.getId().getValue())
			.orElse("0-0");
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
