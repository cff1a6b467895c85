package io.featurecreep.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.featurecreep.healthcheck.QuestionResult;
import io.featurecreep.insights.ResultHistory.SessionOutcome;

/**
 * A squad's heat map: its ended sessions oldest first, and per indicator one cell per session (null where the
 * indicator was not asked). Rows follow the indicator, not its text, and carry the latest title.
 */
record SquadHistory(String squadId, String squadName, List<Column> sessions, List<Row> indicators) {

	/** One session; {@code empty}: it ended without a single vote, so it has no results to show. */
	record Column(String sessionId, String name, Instant endedAt, boolean empty) {
	}

	record Row(String indicatorId, String title, List<Cell> cells) {
	}

	static SquadHistory of(String squadId, String squadName, List<SessionOutcome> outcomes) {
		List<Column> columns = outcomes.stream().map(o -> new Column(o.sessionId(), o.name(), o.endedAt(), o.empty())).toList();
		Map<String, List<Cell>> cells = new LinkedHashMap<>();
		Map<String, String> titles = new LinkedHashMap<>();
		for (int column = 0; column < outcomes.size(); column++) {
			SessionOutcome outcome = outcomes.get(column);
			for (QuestionResult result : outcome.questions()) {
				String key = result.indicatorKey();
				List<Cell> row = cells.computeIfAbsent(key, k -> new ArrayList<>(nulls(columns.size())));
				row.set(column, Cell.of(result));
				titles.put(key, result.title());
			}
		}
		List<Row> rows = cells.entrySet()
			.stream()
			.map(e -> new Row(e.getKey(), titles.get(e.getKey()), e.getValue()))
			.toList();
		return new SquadHistory(squadId, squadName, columns, rows);
	}


	private static List<Cell> nulls(int size) {
		List<Cell> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(null);
		}
		return list;
	}

}
