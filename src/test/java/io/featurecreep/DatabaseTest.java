package io.featurecreep;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * A persistence test: an application context with only the database (pool, Flyway migrations,
 * {@code JdbcClient}, transactions), no web layer or security. Add the classes under test with
 * {@code @Import}.
 * <p>
 * To run the same tests on H2 and on PostgreSQL, write them once in an abstract inner class and
 * extend it in one {@code @Nested} class per database (the spring-modulith {@code @WithH2} /
 * {@code @WithPostgres} pattern). Each nested class gets its own context and its own fresh database;
 * the PostgreSQL one runs only where {@code FC_TEST_POSTGRES_URL} is set:
 *
 * <pre class="code">
 * &#64;DatabaseTest
 * &#64;Import(SquadStore.class)
 * class SquadStoreTests {
 *
 *     abstract class Contract {
 *         &#64;Autowired SquadStore squads;
 *         &#64;Test void findsWhatItInserted() { ... }
 *     }
 *
 *     &#64;Nested &#64;WithH2 class OnH2 extends Contract { }
 *     &#64;Nested &#64;WithPostgres class OnPostgres extends Contract { }
 * }
 * </pre>
 *
 * Use unique ids per test rather than {@code @Transactional} rollback when a test expects a
 * constraint violation: PostgreSQL aborts the whole transaction on the first error. See
 * {@link SchemaMigrationTests} for a working example. To run one such class alone, include its
 * nested classes: {@code ./mvnw test -Dtest='SquadStoreTests*'}; {@code -Dgroups=postgres} runs only
 * the PostgreSQL variants.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = DatabaseTest.Database.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public @interface DatabaseTest {

	/**
	 * The configuration of a database test: the database auto-configurations and nothing else. Not a
	 * {@code @SpringBootConfiguration}, so that full-application tests never find it instead of the
	 * application's own.
	 */
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
			FlywayAutoConfiguration.class })
	class Database {

	}

}
