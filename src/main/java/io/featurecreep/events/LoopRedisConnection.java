package io.featurecreep.events;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisConnectionUtils;

/**
 * One Redis connection bound to a loop's thread, which the template calls of its rounds then use. Blocking
 * stream reads cannot share the application's common connection; without this each of them opened a connection
 * of its own and closed it again, which cost every change that crossed nodes a connection set-up. Closed when the
 * loop ends, which also ends a read still blocked on the server (a stopped consumer must not take another job),
 * and renewed after a failed round, in case the connection broke.
 */
final class LoopRedisConnection {

	private final RedisConnectionFactory factory;

	LoopRedisConnection(RedisConnectionFactory factory) {
		this.factory = factory;
	}

	void bind() {
		RedisConnectionUtils.bindConnection(factory);
	}

	void renew() {
		release();
		bind();
	}

	void release() {
		RedisConnectionUtils.unbindConnection(factory);
	}

}
