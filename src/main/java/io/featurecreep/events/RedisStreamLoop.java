package io.featurecreep.events;

import java.time.Duration;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisConnectionUtils;

/**
 * A work loop that reads Redis streams with blocking reads, on one Redis connection bound to its thread: the
 * template calls of its rounds use it. A blocking read cannot share the application's common connection, and
 * without this each one opened a connection of its own and closed it again, which cost every change that crossed
 * nodes a connection set-up. The connection is closed when the loop ends, which also ends a read still blocked on
 * the server (a stopped consumer must not take another job), and renewed after a failed round, in case it broke.
 */
abstract class RedisStreamLoop extends WorkLoop {

	private final RedisConnectionFactory connections;

	protected RedisStreamLoop(String name, Duration pollInterval, RedisConnectionFactory connections) {
		super(name, pollInterval);
		this.connections = connections;
	}

	@Override
	protected void started() {
		RedisConnectionUtils.bindConnection(connections);
	}

	@Override
	protected void failed() {
		RedisConnectionUtils.unbindConnection(connections);
		RedisConnectionUtils.bindConnection(connections);
	}

	@Override
	protected void ended() {
		RedisConnectionUtils.unbindConnection(connections);
	}

}
