package io.featurecreep.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The full application, called through MockMvc, on an in-memory H2 database (see
 * src/test/resources/config/application.properties). Test classes with this annotation share one context and so
 * one database: tests create their own people and squads and never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
public @interface FeatureCreepTest {

}
