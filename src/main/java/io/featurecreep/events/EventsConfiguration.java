package io.featurecreep.events;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

/**
 * Chooses the transport: the database by default; Redis Streams when Redis is configured, for running several nodes.
 * The choice is made in the bean methods, at run time, and not by conditions: the set of bean definitions is the same
 * whatever the environment, so that Spring AOT (which fixes the bean definitions when the jar is built) still follows
 * the operator's settings. A bean method of the transport not chosen returns null: Spring then holds no bean under
 * that name (lists, providers and the lifecycle skip it), so the loops of the other transport never start.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	private final boolean redis;

	EventsConfiguration(Environment environment) {
		this.redis = RedisSetting.configuredIn(environment);
	}

	@Bean
	DatabaseWorker databaseWorker(OutboxStore store, DurableHandlers handlers, EventSettings settings, Clock clock) {
		return redis ? null : new DatabaseWorker(store, handlers, settings, clock);
	}

	@Bean
	NodeBroadcast nodeBroadcast(StringRedisTemplate template, EventSettings settings) {
		return redis ? new RedisBroadcast(template, settings) : new InProcessBroadcast();
	}

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
	OutboxRelay outboxRelay(OutboxStore store, StringRedisTemplate template, EventSettings settings, Clock clock) {
		return redis ? new OutboxRelay(store, template, settings, clock) : null;
	}

	/** The "redisTransport" component of the node's health (Boot's own Redis indicator is off: it would say DOWN). */
	@Bean
	RedisTransportHealth redisTransportHealthIndicator(StringRedisTemplate template, OutboxStore outbox, Clock clock) {
		return redis ? new RedisTransportHealth(template, outbox, clock) : null;
	}

	@Bean
	RedisJobConsumer redisJobConsumer(StringRedisTemplate template, DurableHandlers handlers, OutboxStore store,
			EventSettings settings, Clock clock) {
		return redis ? new RedisJobConsumer(template, handlers, store, settings, clock) : null;
	}

}
