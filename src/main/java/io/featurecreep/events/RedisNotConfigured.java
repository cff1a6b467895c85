package io.featurecreep.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** Active when neither {@code spring.data.redis.url} nor {@code spring.data.redis.host} is set. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Conditional(RedisConfiguredCondition.Negated.class)
@interface RedisNotConfigured {

}
