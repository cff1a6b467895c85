package io.featurecreep.insights;

import java.time.Instant;
import java.util.List;

/**
 * The tribe view: one row per squad with its latest session, one column per indicator (in the order they are
 * most asked), each cell that squad's latest result for it (null where it was not asked).
 */
record OrganisationMatrix(List<Indicator> indicators, List<Row> squads) {

	record Indicator(String indicatorId, String title) {
	}

	record Row(String squadId, String squadName, String sessionId, Instant endedAt, List<Cell> cells) {
	}

}
