package io.featurecreep.events;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Redis is used only when it was configured on purpose: Spring Boot would otherwise assume one on localhost,
 * and the embedded mode must run with no other server.
 */
class RedisConfiguredCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return StringUtils.hasText(context.getEnvironment().getProperty("spring.data.redis.url"))
				|| StringUtils.hasText(context.getEnvironment().getProperty("spring.data.redis.host"));
	}

	static class Negated extends RedisConfiguredCondition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !super.matches(context, metadata);
		}

	}

}
