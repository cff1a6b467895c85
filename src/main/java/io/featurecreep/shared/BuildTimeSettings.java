package io.featurecreep.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The settings that Spring AOT fixes when the jar is built. Spring AOT evaluates every condition of the bean
 * definitions at build time. Our optional features (Redis, OIDC sign-in, JWT bearer tokens, e-mail) are decided in
 * bean methods at run time instead; what is left are Spring Boot's own conditions on the settings below (a separate
 * management port, which actuator endpoints exist, virtual threads, the GraphQL WebSocket path, ...) and profiles
 * ({@code dev} mode is a {@code @Profile}: it is for {@code ./mvnw spring-boot:run}, never for the AOT start).
 *
 * <p>{@link Recorder} writes their values at build time into the jar; {@link Check} compares them at every start with
 * {@code -Dspring.aot.enabled=true} and refuses to start, naming each setting, when one differs: an operator's
 * setting is never ignored without a word. Without Spring AOT nothing is checked and everything is decided at start.
 */
public final class BuildTimeSettings {

	static final String RESOURCE = "META-INF/feature-creep/aot-build-settings.properties";

	static final String PROFILES = "(active profiles)";

	/** Settings that Boot's auto-configurations read in conditions, which an operator of this application may set. */
	static final List<String> FROZEN = List.of("management.server.port", "management.server.address",
			"management.endpoints.web.exposure.include", "management.endpoints.web.exposure.exclude",
			"management.endpoints.access.default", "management.endpoint.health.probes.enabled",
			"management.health.redis.enabled", "management.health.db.enabled", "spring.main.web-application-type",
			"spring.threads.virtual.enabled", "spring.graphql.websocket.path", "spring.graphql.graphiql.enabled",
			"spring.h2.console.enabled", "spring.flyway.enabled", "spring.mail.jndi-name",
			"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri", "spring.data.redis.client-type");

	private BuildTimeSettings() {
	}

	static Properties of(Environment environment) {
		Properties values = new Properties();
		values.setProperty(PROFILES, String.join(",", environment.getActiveProfiles()));
		for (String name : FROZEN) {
			String value = environment.getProperty(name);
			if (value != null) {
				values.setProperty(name, value);
			}
		}
		return values;
	}

	/** What differs between the build's values and the start's, one line each; empty when nothing does. */
	static List<String> differences(Properties built, Properties now) {
		List<String> lines = new ArrayList<>();
		List<String> names = new ArrayList<>();
		names.add(PROFILES);
		names.addAll(FROZEN);
		for (String name : names) {
			String then = built.getProperty(name, "");
			String current = now.getProperty(name, "");
			if (!then.equals(current)) {
				lines.add(name + ": built with '" + then + "', set now to '" + current + "'");
			}
		}
		return lines;
	}

	/** At build time ({@code spring-boot:process-aot}): writes the values into the generated resources. */
	static final class Recorder implements BeanFactoryInitializationAotProcessor {

		@Override
		public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
			String recorded = write(of(beanFactory.getBean(Environment.class)));
			return (generationContext, code) -> generationContext.getGeneratedFiles().addResourceFile(RESOURCE, recorded);
		}

		private static String write(Properties values) {
			StringWriter out = new StringWriter();
			try {
				values.store(out, "Settings fixed by Spring AOT when this jar was built (io.featurecreep.shared.BuildTimeSettings)");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toString();
		}

	}

	/** At a start with Spring AOT: refuses to start when a setting differs from the build's. */
	static final class Check implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			if (!AotDetector.useGeneratedArtifacts()) {
				return;
			}
			ConfigurableEnvironment environment = event.getEnvironment();
			List<String> differences = differences(built(), of(environment));
			if (!differences.isEmpty()) {
				throw new SettingsFixedAtBuild(differences);
			}
		}

		private static Properties built() {
			Properties values = new Properties();
			try (InputStream in = BuildTimeSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new SettingsFixedAtBuild(List.of("this jar holds no record of its build's settings ("
							+ RESOURCE + "): it was not built with spring-boot:process-aot"));
				}
				values.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return values;
		}

	}

	/** Thrown at start; {@link SettingsFixedAtBuildAnalyzer} turns it into Boot's "application failed to start". */
	static final class SettingsFixedAtBuild extends IllegalStateException {

		private final List<String> differences;

		SettingsFixedAtBuild(List<String> differences) {
			super("Started with Spring AOT (-Dspring.aot.enabled=true), but settings that Spring AOT fixed when the jar was "
					+ "built differ; they would be ignored: " + String.join("; ", differences));
			this.differences = List.copyOf(differences);
		}

		List<String> differences() {
			return differences;
		}

	}

}
