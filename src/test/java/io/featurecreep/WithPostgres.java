package io.featurecreep;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs the annotated Spring test class (typically a {@code @Nested} class, see {@link DatabaseTest})
 * against a real PostgreSQL server, in a new schema of the database named by {@code FC_TEST_POSTGRES_URL}
 * (with {@code FC_TEST_POSTGRES_USER} and {@code FC_TEST_POSTGRES_PASSWORD}). Skipped when that variable
 * is not set; {@code .ci/run} sets it, and locally {@code eval "$(.ci/start-postgres.sh)"} does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("postgres")
@EnabledIfEnvironmentVariable(named = TestDatabase.POSTGRES_URL, matches = ".+",
		disabledReason = "FC_TEST_POSTGRES_URL is not set (eval \"$(.ci/start-postgres.sh)\" sets it)")
@ContextConfiguration(initializers = TestDatabase.PostgresInitializer.class)
public @interface WithPostgres {

}
