package io.featurecreep;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * A fresh, empty database for one test application context: an in-memory H2 database, or a new
 * schema in the PostgreSQL database named by {@value #POSTGRES_URL} (dropped again when the context
 * closes), so that runs never see each other's data and can be repeated against the same server.
 * Used through {@link WithH2} and {@link WithPostgres}.
 */
final class TestDatabase implements ApplicationListener<ContextClosedEvent> {

	/** JDBC URL of a PostgreSQL database the tests may create schemas in; .ci/start-postgres.sh sets it. */
	static final String POSTGRES_URL = "FC_TEST_POSTGRES_URL";

	static final String POSTGRES_USER = "FC_TEST_POSTGRES_USER";

	static final String POSTGRES_PASSWORD = "FC_TEST_POSTGRES_PASSWORD";

	private final String url;

	private final String username;

	private final String password;

	private final String schema;

	private TestDatabase(String url, String username, String password, String schema) {
		this.url = url;
		this.username = username;
		this.password = password;
		this.schema = schema;
	}

	static TestDatabase h2() {
		return new TestDatabase("jdbc:h2:mem:fc-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", null);
	}

	static TestDatabase postgres() {
		String baseUrl = System.getenv(POSTGRES_URL);
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalStateException(POSTGRES_URL + " is not set: start a server with eval \"$(.ci/start-postgres.sh)\"");
		}
		String username = System.getenv().getOrDefault(POSTGRES_USER, "");
		String password = System.getenv().getOrDefault(POSTGRES_PASSWORD, "");
		String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		execute(baseUrl, username, password, "create schema " + schema);
		String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		return new TestDatabase(url, username, password, schema);
	}

	String url() {
		return url;
	}

	String username() {
		return username;
	}

	String password() {
		return password;
	}

	/** Spring Boot properties that point the application (its pool and Flyway) at this database. */
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", username);
		properties.put("spring.datasource.password", password);
		// Every cached test context keeps its pool open until the JVM ends: keep each one small.
		properties.put("spring.datasource.hikari.maximum-pool-size", 4);
		properties.put("spring.datasource.hikari.minimum-idle", 1);
		if (schema != null) {
			properties.put("spring.flyway.schemas", schema);
		}
		return properties;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (schema != null) {
			execute(url, username, password, "drop schema if exists " + schema + " cascade");
		}
	}

	private static void execute(String url, String username, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + url, ex);
		}
	}

	private static void apply(TestDatabase database, ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", database.properties()));
		context.addApplicationListener(database);
	}

	/** Points a test application context at a new in-memory H2 database. */
	static final class H2Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			apply(h2(), context);
		}

	}

	/** Points a test application context at a new schema in the PostgreSQL test database. */
	static final class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			apply(postgres(), context);
		}

	}

}
