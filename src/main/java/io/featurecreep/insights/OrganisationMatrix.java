package io.featurecreep.insights;

import java.time.Instant;
import java.util.List;

/**
 * The tribe view: one row per squad with its latest session in which someone voted, one column per indicator (in
 * the order they are most asked), each cell that squad's result for it in that session (null where it was not
 * asked).
 */
record OrganisationMatrix(List<Indicator> indicators, List<Row> squads) {

	record Indicator(String indicatorId, String title) {
	}

	record Row(String squadId, String squadName, String sessionId, String sessionName, Instant endedAt, List<Cell> cells) {
	}

}
