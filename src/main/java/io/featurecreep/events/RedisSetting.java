package io.featurecreep.events;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Redis is used only when it was configured on purpose: Spring Boot would otherwise assume one on localhost, and the
 * embedded mode must run with no other server. Read when the beans are made, never by a condition: with Spring AOT a
 * condition is decided when the jar is built, and an operator's {@code SPRING_DATA_REDIS_URL} would be ignored.
 */
final class RedisSetting {

	private RedisSetting() {
	}

	static boolean configuredIn(Environment environment) {
		return StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
				|| StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
	}

}
