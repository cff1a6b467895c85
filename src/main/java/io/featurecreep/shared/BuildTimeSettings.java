package io.featurecreep.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

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

	/**
	 * Settings that Boot's auto-configurations read in conditions and that an operator of this application may set,
	 * each with the value its conditions depend on: the active profiles ({@code @Profile}), and for the forwarded
	 * headers only whether Spring's own filter is chosen ({@code framework}; {@code native}, which the README
	 * documents, is Tomcat's and read at start).
	 */
	static final Map<String, Function<Environment, String>> FROZEN = frozen();

	private BuildTimeSettings() {
	}

	private static Map<String, Function<Environment, String>> frozen() {
		Map<String, Function<Environment, String>> frozen = new LinkedHashMap<>();
		frozen.put("(active profiles)", environment -> String.join(",", environment.getActiveProfiles()));
		frozen.put("server.forward-headers-strategy is framework",
				environment -> String.valueOf("framework".equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy"))));
		for (String name : List.of("management.server.port", "management.server.address",
				"management.endpoints.web.exposure.include", "management.endpoints.web.exposure.exclude",
				"management.endpoints.access.default", "management.endpoint.health.probes.enabled",
				"management.health.redis.enabled", "management.health.db.enabled",
				"management.prometheus.metrics.export.enabled", "spring.main.web-application-type",
				"spring.threads.virtual.enabled", "spring.jmx.enabled", "spring.mvc.problemdetails.enabled",
				"spring.graphql.websocket.path", "spring.graphql.graphiql.enabled", "spring.graphql.schema.printer.enabled",
				"spring.h2.console.enabled", "spring.flyway.enabled", "spring.mail.jndi-name",
				"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri", "spring.data.redis.client-type")) {
			frozen.put(name, environment -> environment.getProperty(name, ""));
		}
		return Collections.unmodifiableMap(frozen);
	}

	static Properties of(Environment environment) {
		Properties values = new Properties();
		FROZEN.forEach((name, value) -> values.setProperty(name, value.apply(environment)));
		return values;
	}

	/** What differs between the build's values and the start's, one line each; empty when nothing does. */
	static List<String> differences(Properties built, Properties now) {
		List<String> lines = new ArrayList<>();
		for (String name : FROZEN.keySet()) {
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
			if (beanFactory.getParentBeanFactory() != null) {
				// a child context (actuator's, on a management port of its own) has the same environment: one record
				return null;
			}
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
