package io.featurecreep.events;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

/** The Redis Streams transport: for running several nodes. */
@Configuration(proxyBeanMethods = false)
@RedisConfigured
class RedisTransportConfiguration {

	/**
	 * While Redis is away, commands fail at once instead of waiting in Lettuce's buffer for the connection to come
	 * back: a request publishing a committed change must not hang, and the work loops must see the outage (to wait,
	 * recreate what Redis lost and let screens catch up) rather than replay old commands into a Redis that may have
	 * restarted empty. Commands that do reach Redis time out after {@code spring.data.redis.timeout}.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsAway() {
		return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * Lettuce tries to reconnect ever more slowly, up to 30 s apart: after a longer outage, a node's connections came
	 * back up to a minute after Redis did, and its work waited. At most 2 s apart, every node is back within seconds.
	 */
	@Bean
	ClientResourcesBuilderCustomizer reconnectSoonAfterRedisIsBack() {
		return resources -> resources.reconnectDelay(
				Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
	}

	@Bean
	RedisBroadcast redisBroadcast(StringRedisTemplate redis, EventSettings settings) {
		return new RedisBroadcast(redis, settings);
	}

	@Bean
	OutboxRelay outboxRelay(OutboxStore store, StringRedisTemplate redis, EventSettings settings, Clock clock) {
		return new OutboxRelay(store, redis, settings, clock);
	}

	/** The "redisTransport" component of the node's health (Boot's own Redis indicator is off: it would say DOWN). */
	@Bean
	RedisTransportHealth redisTransportHealthIndicator(StringRedisTemplate redis, OutboxStore outbox, Clock clock) {
		return new RedisTransportHealth(redis, outbox, clock);
	}

	@Bean
	RedisJobConsumer redisJobConsumer(StringRedisTemplate redis, DurableHandlers handlers, OutboxStore store,
			EventSettings settings, Clock clock) {
		return new RedisJobConsumer(redis, handlers, store, settings, clock);
	}

}
