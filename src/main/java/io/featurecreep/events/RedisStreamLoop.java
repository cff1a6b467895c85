package io.featurecreep.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisConnectionUtils;

/**
 * A work loop that reads Redis streams with blocking reads, on one Redis connection bound to its thread: the
 * template calls of its rounds use it. A blocking read cannot share the application's common connection, and
 * without this each one opened a connection of its own and closed it again, which cost every change that crossed
 * nodes a connection set-up. The connection is taken by the first round (so that Redis being away is a failed
 * round, retried like any other), dropped after a failed round in case it broke, and closed when the loop ends,
 * which also ends a read still blocked on the server (a stopped consumer must not take another job).
 */
abstract class RedisStreamLoop extends WorkLoop {

	private static final Logger log = LoggerFactory.getLogger(RedisStreamLoop.class);

	private final RedisConnectionFactory connections;

	/** Only the loop's own thread reads and writes this. */
	private boolean bound;

	protected RedisStreamLoop(String name, Duration pollInterval, RedisConnectionFactory connections) {
		super(name, pollInterval);
		this.connections = connections;
	}

	/** One round of reading, on the loop's connection. */
	protected abstract boolean read() throws Exception;

	@Override
	protected final boolean round() throws Exception {
		if (!bound) {
			RedisConnectionUtils.bindConnection(connections);
			bound = true;
		}
		return read();
	}

	@Override
	protected void failed() {
		release();
	}

	@Override
	protected void ended() {
		release();
	}

	private void release() {
		bound = false;
		try {
			RedisConnectionUtils.unbindConnection(connections);
		}
		catch (RuntimeException brokenAlready) {
			log.debug("Closing a Redis connection failed: {}", brokenAlready.toString());
		}
	}

}
