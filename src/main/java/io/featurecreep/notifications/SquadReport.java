package io.featurecreep.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import io.featurecreep.healthcheck.QuestionResult;
import io.featurecreep.insights.ResultHistory.SessionOutcome;

/**
 * What a report says: the squad's recent sessions, oldest first, and per indicator its average in each of
 * them (null where it was not asked, nobody voted, or anonymity withholds it: the results come from
 * {@link io.featurecreep.insights.ResultHistory} already reduced to their count where the rule says so). Indicators follow their library entry, so a renamed one
 * keeps its row; rows are in the order of the latest session. {@code alerts}: what the session gives the squad to talk
 * about ({@link io.featurecreep.insights.Alerts}), each as its evidence in words in the report's language.
 */
record SquadReport(String squadName, String sessionId, List<Column> sessions, List<Row> indicators, List<String> alerts) {

	/** One session: a column of the report. */
	record Column(String sessionId, String name, Instant endedAt) {
	}

	/** One indicator across the sessions; the latest result gives its count and trend votes. */
	record Row(String title, List<Double> averages, QuestionResult latest) {
	}

	/** The report, its indicators named by {@code title} (the default indicators' titles in the report's language). */
	static SquadReport of(String squadName, String sessionId, List<SessionOutcome> outcomes,
			Function<QuestionResult, String> title, List<String> alerts) {
		List<Column> columns = outcomes.stream().map(o -> new Column(o.sessionId(), o.name(), o.endedAt())).toList();
		Map<String, List<Double>> averages = new LinkedHashMap<>();
		Map<String, QuestionResult> latest = new LinkedHashMap<>();
		Map<String, Integer> order = new LinkedHashMap<>();
		for (int column = 0; column < outcomes.size(); column++) {
			for (QuestionResult result : outcomes.get(column).questions()) {
				String key = result.indicatorKey();
				List<Double> row = averages.computeIfAbsent(key, k -> new ArrayList<>(nulls(columns.size())));
				row.set(column, result.average());
				latest.put(key, result);
				order.put(key, column * 10_000 + result.position());
			}
		}
		List<Row> rows = averages.keySet()
			.stream()
			.sorted(Comparator.comparing((String key) -> -latestColumn(order.get(key))).thenComparing(order::get))
			.map(key -> new Row(title.apply(latest.get(key)), averages.get(key), latest.get(key)))
			.toList();
		return new SquadReport(squadName, sessionId, columns, rows, alerts);
	}

	private static int latestColumn(int order) {
		return order / 10_000;
	}

	private static List<Double> nulls(int size) {
		List<Double> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(null);
		}
		return list;
	}

	/** The traffic light of an average as a coloured circle; white where not asked, nobody voted or withheld. */
	static String circle(Double average) {
		return switch (QuestionResult.Band.of(average)) {
			case RED -> "\uD83D\uDD34";
			case YELLOW -> "\uD83D\uDFE0";
			case GREEN -> "\uD83D\uDFE2";
			case NONE -> "\u26AA";
		};
	}

}
