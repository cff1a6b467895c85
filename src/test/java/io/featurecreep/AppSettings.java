package io.featurecreep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting the application reads, found in the real files rather than listed by hand, so that a deployment
 * file cannot set a variable that nothing reads (a typo, or a setting that was renamed) without a test failing:
 * Spring Boot's own properties (the configuration metadata of every Boot jar on the class path), the keys and
 * {@code ${PLACEHOLDERS}} of {@code application*.properties}, the {@code @Value} placeholders of the sources, and
 * the components of our {@code @ConfigurationProperties} records.
 */
final class AppSettings {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}\\s]+)");

	private static final Pattern VALUE_ANNOTATION = Pattern.compile("@Value\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

	private final Set<String> properties = new TreeSet<>();

	private final Set<String> mapProperties = new TreeSet<>();

	private final Set<String> placeholders = new TreeSet<>();

	private final Properties applicationProperties = new Properties();

	private AppSettings() {
	}

	static AppSettings read(Path root) {
		AppSettings settings = new AppSettings();
		settings.readBootMetadata();
		settings.readApplicationProperties(root.resolve("src/main/resources"));
		settings.readValueAnnotations(root.resolve("src/main/java"));
		settings.readConfigurationProperties();
		return settings;
	}

	/**
	 * Whether Spring would read this environment variable: a placeholder named like it, or a property it binds
	 * to by relaxed binding. Spring accepts both upper-case forms of a property with dashes:
	 * {@code FEATURECREEP_X} (the binder's canonical form) and {@code FEATURE_CREEP_X} (the form placeholders
	 * and the binder's legacy mapping read).
	 */
	boolean reads(String variable) {
		if (placeholders.contains(variable)) {
			return true;
		}
		for (String property : properties) {
			if (environmentNames(property).contains(variable)) {
				return true;
			}
		}
		for (String property : mapProperties) {
			for (String prefix : environmentNames(property)) {
				if (variable.startsWith(prefix + "_")) {
					return true;
				}
			}
		}
		return false;
	}

	/** A property of {@code application.properties} with its placeholders' defaults applied. */
	String defaultValue(String property) {
		String value = applicationProperties.getProperty(property);
		if (value == null) {
			return null;
		}
		Matcher placeholder = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(value);
		return placeholder.replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
	}

	/** The placeholder in a property's value, e.g. {@code PORT} for {@code server.port=${PORT:8080}}. */
	String placeholderOf(String property) {
		String value = applicationProperties.getProperty(property, "");
		Matcher placeholder = PLACEHOLDER.matcher(value);
		return placeholder.find() ? placeholder.group(1) : null;
	}

	int size() {
		return properties.size() + mapProperties.size() + placeholders.size();
	}

	static Set<String> environmentNames(String property) {
		String underscored = property.replace('.', '_').replace("[", "_").replace("]", "");
		return new HashSet<>(List.of(underscored.replace("-", "").toUpperCase(Locale.ROOT),
				underscored.replace('-', '_').toUpperCase(Locale.ROOT)));
	}

	private void readBootMetadata() {
		JsonMapper json = JsonMapper.builder().build();
		try {
			for (URL metadata : Collections.list(getClass().getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = metadata.openStream()) {
					JsonNode root = json.readTree(in);
					for (JsonNode property : root.path("properties")) {
						String name = property.path("name").asString();
						if (property.path("type").asString("").startsWith("java.util.Map")) {
							mapProperties.add(name);
						}
						else {
							properties.add(name);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readApplicationProperties(Path resources) {
		try (Stream<Path> files = Files.list(resources)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				Properties loaded = new Properties();
				try (InputStream in = Files.newInputStream(file)) {
					loaded.load(in);
				}
				if (file.getFileName().toString().equals("application.properties")) {
					applicationProperties.putAll(loaded);
				}
				for (String key : loaded.stringPropertyNames()) {
					properties.add(key);
					addPlaceholders(loaded.getProperty(key));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readValueAnnotations(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher value = VALUE_ANNOTATION.matcher(Files.readString(file));
				while (value.find()) {
					Matcher placeholder = PLACEHOLDER.matcher(value.group(1));
					while (placeholder.find()) {
						properties.add(placeholder.group(1));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void readConfigurationProperties() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (var candidate : scanner.findCandidateComponents(FeatureCreepApplication.class.getPackageName())) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			addComponents(prefix, type, new HashSet<>());
		}
	}

	private void addComponents(String prefix, Class<?> type, Set<Class<?>> seen) {
		if (!type.isRecord() || !seen.add(type)) {
			throw new IllegalStateException("Only records are read here, add support for " + type);
		}
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			if (Map.class.isAssignableFrom(component.getType())) {
				mapProperties.add(name);
			}
			else if (component.getType().isRecord()) {
				addComponents(name, component.getType(), seen);
			}
			else {
				properties.add(name);
			}
		}
	}

	private void addPlaceholders(String value) {
		Matcher placeholder = PLACEHOLDER.matcher(value);
		while (placeholder.find()) {
			String name = placeholder.group(1);
			if (name.equals(name.toUpperCase(Locale.ROOT))) {
				placeholders.add(name);
			}
			else {
				properties.add(name);
			}
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
