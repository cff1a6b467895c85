package io.featurecreep.events;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis Streams transport: for running several nodes. */
@Configuration(proxyBeanMethods = false)
@RedisConfigured
class RedisTransportConfiguration {

	@Bean
	RedisBroadcast redisBroadcast(StringRedisTemplate redis, EventSettings settings) {
		return new RedisBroadcast(redis, settings);
	}

	@Bean
	OutboxRelay outboxRelay(OutboxStore store, StringRedisTemplate redis, EventSettings settings, Clock clock) {
		return new OutboxRelay(store, redis, settings, clock);
	}

	@Bean
	RedisJobConsumer redisJobConsumer(StringRedisTemplate redis, DurableHandlers handlers, OutboxStore store,
			EventSettings settings, Clock clock) {
		return new RedisJobConsumer(redis, handlers, store, settings, clock);
	}

}
