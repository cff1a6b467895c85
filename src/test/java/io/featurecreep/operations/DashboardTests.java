package io.featurecreep.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.Scrape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard in deploy/grafana queries only metrics that a scrape of the running application returns:
 * a renamed or dropped metric, or a label it no longer carries, fails here instead of leaving an empty panel in
 * production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class DashboardTests {

	static final Path DASHBOARD = Path.of("deploy/grafana/feature-creep.json");

	/** PromQL's words that are not metric names: functions (followed by "(") are left out by the pattern. */
	static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
			"and", "or", "unless", "offset");

	static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	static final Pattern NAME = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

	@LocalServerPort
	int port;

	@Autowired
	GraphQlApi api;

	/** The timers of HTTP and GraphQL requests and of library searches appear with their first request. */
	@BeforeEach
	void requestsOfEachKind() {
		Caller someone = api.as(api.newPerson("Dashboard"));
		someone.execute("{ libraryQuestions(search: \"team\") { hasMore } }").ok();
		Scrape.of(port);
	}

	@Test
	void everyMetricTheDashboardQueriesIsInAScrape() throws IOException {
		Set<String> queried = metricsQueriedBy(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)));
		Set<String> exported = Scrape.of(port).names();

		assertThat(queried).as("the dashboard's queries were found").hasSizeGreaterThan(20)
			.contains("feature_creep_votes_cast_total", "feature_creep_outbox_oldest_job_age_seconds");
		assertThat(exported).containsAll(queried);
	}

	@Test
	void everyLabelTheDashboardGroupsOrFiltersByIsOnTheMetricsItQueries() throws IOException {
		Scrape scrape = Scrape.of(port);
		for (String expr : queries(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)))) {
			Set<String> carried = new TreeSet<>(Set.of("instance", "job")); // added by Prometheus
			metricNames(expr).forEach(name -> carried.addAll(scrape.labelNames(name)));
			assertThat(carried).as(expr).containsAll(labelNames(expr));
		}
	}

	@Test
	void theMetricNamesAreReadFromPromQl() {
		assertThat(metricNames("histogram_quantile(0.95, sum by (le, mode) (rate(a_bucket{x=\"y\", uri!~\".*/events\"}[$__rate_interval]))) / max(b_total offset 5m) * 60"))
			.containsExactly("a_bucket", "b_total");
		assertThat(metricNames("label_values(process_uptime_seconds{application=\"$application\"}, instance)"))
			.containsExactly("process_uptime_seconds");
		assertThat(labelNames("sum by (le, mode) (rate(a_bucket{x=\"y,z=1\", uri!~\".*\"}[5m]))")).containsExactly("le", "mode", "uri", "x");
	}

	private static Set<String> metricsQueriedBy(JsonNode dashboard) {
		Set<String> names = new TreeSet<>();
		queries(dashboard).forEach(query -> names.addAll(metricNames(query)));
		return names;
	}

	/** The PromQL of every panel and of the variables' queries. */
	private static List<String> queries(JsonNode dashboard) {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.path("expr").asString());
			}
		}
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if ("query".equals(variable.path("type").asString())) {
				queries.add(variable.path("query").path("query").asString());
			}
		}
		return queries;
	}

	/** The labels a query filters by (in its matchers) or groups by. */
	static Set<String> labelNames(String promQl) {
		Set<String> names = new TreeSet<>();
		Matcher matchers = Pattern.compile("\\{([^}]*)}").matcher(promQl);
		while (matchers.find()) {
			Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)").matcher(matchers.group(1).replaceAll("\"[^\"]*\"", ""));
			while (label.find()) {
				names.add(label.group(1));
			}
		}
		Matcher grouping = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)").matcher(promQl);
		while (grouping.find()) {
			for (String label : grouping.group(1).split(",")) {
				names.add(label.strip());
			}
		}
		names.remove("");
		return names;
	}

	static Set<String> metricNames(String promQl) {
		String bare = promQl.replaceAll("\\{[^}]*}", "") // label matchers (and the dashboard's variables in them)
			.replaceAll("\\[[^]]*]", "") // ranges
			.replaceAll("\"[^\"]*\"", ""); // strings
		bare = GROUPING.matcher(bare).replaceAll("");
		bare = bare.replaceAll("label_values\\(([^,()]*),[^)]*\\)", "$1"); // Grafana's variable query: its label
		Set<String> names = new TreeSet<>();
		Matcher name = NAME.matcher(bare);
		while (name.find()) {
			if (!KEYWORDS.contains(name.group(1))) {
				names.add(name.group(1));
			}
		}
		return names;
	}

}
