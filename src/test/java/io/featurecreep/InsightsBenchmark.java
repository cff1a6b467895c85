package io.featurecreep;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.Person;
import io.featurecreep.insights.Insights;

/**
 * Not a test: how the server time of a squad's history and of the organisation matrix grows with the data,
 * up to a squad with 130 sessions and an organisation with 500 squads (generated straight into the database):
 * the service behind the GraphQL queries, and the whole page (security, controller, rendering; no network).
 * Prints the median and the fastest of repeated calls per size and the median per session or squad, which stays flat when the
 * growth is linear.
 *
 * <pre>./mvnw -Pbenchmarks test -Dtest=InsightsBenchmark</pre>
 */
class InsightsBenchmark {

	static final String[] INDICATORS = { "00000000-0000-0000-0001-000000000001", "00000000-0000-0000-0001-000000000002",
			"00000000-0000-0000-0001-000000000003", "00000000-0000-0000-0001-000000000004",
			"00000000-0000-0000-0001-000000000005", "00000000-0000-0000-0001-000000000006",
			"00000000-0000-0000-0001-000000000007", "00000000-0000-0000-0001-000000000008" };

	@Test
	void report() throws Exception {
		List<String> arguments = new ArrayList<>();
		(System.getenv(TestDatabase.POSTGRES_URL) != null ? TestDatabase.postgres() : TestDatabase.h2()).properties()
			.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.addAll(List.of("--server.port=0", "--logging.level.root=warn"));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FeatureCreepApplication.class)
			.run(arguments.toArray(String[]::new))) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Person admin = app.getBean(Accounts.class).provisionExternal("bench", "admin", "admin@example.test", "A", "Dmin");
			Insights insights = app.getBean(Insights.class);
			// pages through the whole server-side stack (security filters, controller, Thymeleaf), without a network
			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).apply(springSecurity()).build();
			StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
					"%n## Insights: server time against data size (%s)%n%n| view | size | median ms | fastest ms | median ms per unit |%n|---|---|---:|---:|---:|%n",
					System.getenv(TestDatabase.POSTGRES_URL) != null ? "PostgreSQL" : "H2"));

			String squadId = squad(jdbc, admin, "History");
			int sessions = 0;
			for (int target : new int[] { 10, 40, 130 }) {
				for (; sessions < target; sessions++) {
					String sessionId = endedSession(jdbc, admin, squadId, Instant.now().minusSeconds(86_400L * (200 - sessions)));
					if (sessions % 5 == 0) { // an action every fifth session: markers on the charts
						action(jdbc, admin, squadId, sessionId, INDICATORS[sessions % INDICATORS.length]);
					}
				}
				row(report, "squad history (service)", target + " sessions", target,
						time(() -> insights.squadHistory(admin.id(), squadId, null, null)));
				row(report, "squad history page", target + " sessions", target,
						time(() -> page(mvc, "/squads/" + squadId + "/history", admin)));
			}
			int squads = 1;
			for (int target : new int[] { 50, 200, 500 }) {
				for (; squads < target; squads++) {
					String other = squad(jdbc, admin, "Squad " + squads);
					endedSession(jdbc, admin, other, Instant.now().minusSeconds(3600));
				}
				// the matrix is package-private to its module: measure it through the GraphQL-facing service call
				java.lang.reflect.Method matrix = Insights.class.getDeclaredMethod("matrix", String.class);
				matrix.setAccessible(true);
				row(report, "organisation matrix (service)", target + " squads", target, time(() -> {
					try {
						return matrix.invoke(insights, admin.id());
					}
					catch (ReflectiveOperationException ex) {
						throw new IllegalStateException(ex);
					}
				}));
				row(report, "organisation matrix page", target + " squads", target,
						time(() -> page(mvc, "/organisation/matrix", admin)));
			}
			System.out.println(report);
			Path out = Path.of("target", "benchmarks", "insights.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report.toString());
		}
	}

	/** One page as its HTML, failing the run if it is not a 200 with a table. */
	private static String page(MockMvc mvc, String path, Person viewer) {
		try {
			MockHttpServletResponse response = mvc.perform(get(path).with(user(viewer.id()))).andReturn().getResponse();
			String html = response.getContentAsString();
			if (response.getStatus() != 200 || !html.contains("heat-table")) {
				throw new IllegalStateException(path + " answered " + response.getStatus());
			}
			return html;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The median and the fastest of 15 calls after 5 warm-up calls, in milliseconds. */
	private static Timing time(Supplier<Object> call) {
		for (int i = 0; i < 5; i++) {
			call.get();
		}
		long[] times = new long[15];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			call.get();
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		return new Timing(times[times.length / 2] / 1e6, times[0] / 1e6);
	}

	private static void row(StringBuilder report, String view, String size, int units, Timing timing) {
		report.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.3f |%n", view, size, timing.median(),
				timing.fastest(), timing.median() / units));
	}

	record Timing(double median, double fastest) {
	}

	private static String squad(JdbcClient jdbc, Person member, String name) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into squad (id, organisation_id, name, anonymous, created_at) values (?, ?, ?, false, ?)")
			.params(id, member.organisationId(), name, Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("insert into squad_member (squad_id, person_id, role, joined_at) values (?, ?, 'OWNER', ?)")
			.params(id, member.id(), Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	private static void action(JdbcClient jdbc, Person owner, String squadId, String sessionId, String indicator) {
		jdbc.sql("""
				insert into action_item (id, squad_id, session_id, library_question_id, title, owner_id, status, created_by,
				  created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), squadId, sessionId, indicator, "Try something", owner.id(), owner.id(),
					Instant.now().atOffset(ZoneOffset.UTC), Instant.now().atOffset(ZoneOffset.UTC))
			.update();
	}

	private static String endedSession(JdbcClient jdbc, Person member, String squadId, Instant endedAt) {
		String sessionId = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into health_session (id, squad_id, active_squad_id, name, mode, result_visibility, anonymous,
				  created_by, created_at, ended_at) values (?, ?, null, null, 'LIVE', 'IMMEDIATE', false, ?, ?, ?)""")
			.params(sessionId, squadId, member.id(), endedAt.minusSeconds(3600).atOffset(ZoneOffset.UTC),
					endedAt.atOffset(ZoneOffset.UTC))
			.update();
		for (int i = 0; i < INDICATORS.length; i++) {
			String questionId = UUID.randomUUID().toString();
			jdbc.sql("""
					insert into session_question (id, session_id, position, library_question_id, title, closed, created_at)
					values (?, ?, ?, ?, ?, true, ?)""")
				.params(questionId, sessionId, i + 1, INDICATORS[i], "Indicator " + i, endedAt.atOffset(ZoneOffset.UTC))
				.update();
			int red = (i + squadId.hashCode()) & 3;
			int yellow = 3;
			int green = 4 - red;
			jdbc.sql("""
					insert into question_result (question_id, session_id, squad_id, library_question_id, position, title,
					  votes, red, yellow, green, average, improving, stable, worsening, previous_average, ended_at, computed_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, 3, 2, null, ?, ?)""")
				.params(questionId, sessionId, squadId, INDICATORS[i], i + 1, "Indicator " + i, red + yellow + green, red,
						yellow, green, (yellow + 2.0 * green) / (red + yellow + green), endedAt.atOffset(ZoneOffset.UTC),
						endedAt.atOffset(ZoneOffset.UTC))
				.update();
		}
		return sessionId;
	}

}
