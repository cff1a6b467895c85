package io.featurecreep.identity;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.StringUtils;

/**
 * Chooses where rate limits are counted: in Redis when it was configured on purpose (the same test as the events
 * module's, which identity cannot use without a cycle), so that all nodes share one count; else in memory.
 */
@Configuration(proxyBeanMethods = false)
class ThrottlingConfiguration {

	@Bean
	AttemptStore attemptStore(Environment environment, ObjectProvider<LettuceConnectionFactory> redis,
			ThrottlingSettings settings, Clock clock) {
		boolean redisConfigured = StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
				|| StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
		LettuceConnectionFactory factory = redisConfigured ? redis.getIfAvailable() : null;
		if (factory == null) {
			return new AttemptStore.InMemory(settings.window(), AttemptStore.timeOf(clock));
		}
		return new AttemptStore.InRedis(factory::getNativeClient, AttemptStore.timeOf(clock));
	}

}
