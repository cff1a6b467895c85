package io.featurecreep.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** Active when {@code spring.data.redis.url} or {@code spring.data.redis.host} is set. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Conditional(RedisConfiguredCondition.class)
@interface RedisConfigured {

}
