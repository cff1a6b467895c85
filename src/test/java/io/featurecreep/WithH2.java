package io.featurecreep;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs the annotated Spring test class (typically a {@code @Nested} class, see {@link DatabaseTest})
 * against a new in-memory H2 database, migrated by Flyway as the application does at start-up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("h2")
@ContextConfiguration(initializers = TestDatabase.H2Initializer.class)
public @interface WithH2 {

}
