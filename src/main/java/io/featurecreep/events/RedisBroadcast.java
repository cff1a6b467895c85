package io.featurecreep.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.data.domain.Range;
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
 */
class RedisBroadcast extends RedisStreamLoop implements NodeBroadcast {

	private static final long MAX_LENGTH = 10_000;

	private final StringRedisTemplate redis;

	private final EventSettings settings;

	private final TopicListeners listeners = new TopicListeners();

	private final Map<String, String> lastSeen = new ConcurrentHashMap<>();

	/** Marks this node's own messages in the streams. */
	private final String origin = UUID.randomUUID().toString();

	RedisBroadcast(StringRedisTemplate redis, EventSettings settings) {
		super("redis-broadcast", Duration.ofMillis(10), redis.getRequiredConnectionFactory());
		this.redis = redis;
		this.settings = settings;
	}

	@Override
	public void publish(String topic, String message) {
		listeners.tell(topic, message);
		redis.opsForStream()
			.add(StreamRecords.string(Map.of("m", message, "o", origin)).withStreamKey(settings.broadcastStream(topic)),
					XAddOptions.maxlen(MAX_LENGTH).approximateTrimming(true));
	}

	@Override
	public void subscribe(String topic, Consumer<String> listener) {
		listeners.add(topic, listener);
		// hear what is said from now on: start after the newest entry there is
		lastSeen.computeIfAbsent(topic, t -> redis.opsForStream()
			.reverseRange(settings.broadcastStream(t), Range.unbounded(), org.springframework.data.redis.connection.Limit.limit().count(1))
			.stream()
			.findFirst()
			.map(record -> record.getId().getValue())
			.orElse("0-0"));
	}

	@Override
	@SuppressWarnings("unchecked")
	protected boolean read() {
		if (lastSeen.isEmpty()) {
			sleep();
			return false;
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

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
