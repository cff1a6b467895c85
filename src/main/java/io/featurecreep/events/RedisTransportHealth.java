package io.featurecreep.events;

import java.time.Clock;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * With Redis: the node's health says DEGRADED, not DOWN, while Redis is unreachable, and why. The node still
 * serves every page and takes votes (from the database); background work waits in the outbox and catches up when
 * Redis is back, and live changes made here reach only this node's screens. A load balancer must keep sending
 * traffic to it (DEGRADED answers 200), since every node is in the same position.
 */
class RedisTransportHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Redis is unreachable");

	private final StringRedisTemplate redis;

	private final OutboxStore outbox;

	private final Clock clock;

	RedisTransportHealth(StringRedisTemplate redis, OutboxStore outbox, Clock clock) {
		this.redis = redis;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public Health health() {
		int waiting = outbox.countPending(clock.instant(), true);
		try {
			redis.execute(connection -> connection.ping(), true);
			return Health.up().withDetail("waitingWork", waiting).build();
		}
		catch (RuntimeException unreachable) {
			// the class name only: a message may carry the Redis address, and its password with it
			return Health.status(DEGRADED)
				.withDetail("redis", "unreachable (" + unreachable.getClass().getSimpleName() + ")")
				.withDetail("effect", "pages and votes work; background work waits and catches up when Redis is back; "
						+ "live changes reach only this node's screens until then")
				.withDetail("waitingWork", waiting)
				.build();
		}
	}

}
