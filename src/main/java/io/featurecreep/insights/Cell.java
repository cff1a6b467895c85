package io.featurecreep.insights;

import io.featurecreep.healthcheck.QuestionResult;
import io.featurecreep.healthcheck.QuestionResult.Band;
import io.featurecreep.healthcheck.Trend;

/**
 * One indicator in one session, as shown in a heat map or matrix: always with its number of votes. Where the
 * anonymity rule withholds the result (an anonymous session with some votes, but fewer than the threshold), the
 * spread, average and trend are left out ({@code withheld}), since with two or three voters they would tell who
 * voted what. A cell without votes has nothing to withhold: it has no average, no band and no trend.
 */
record Cell(String sessionId, int votes, Double average, Band band, Trend trend, Integer red, Integer yellow,
		Integer green, Integer improving, Integer stable, Integer worsening, boolean withheld) {

	static Cell of(QuestionResult result) {
		if (result.withheld()) {
			return new Cell(result.sessionId(), result.votes(), null, Band.NONE, null, null, null, null, null, null, null,
					true);
		}
		return new Cell(result.sessionId(), result.votes(), result.average(), result.band(), result.trend(), result.red(),
				result.yellow(), result.green(), result.improving(), result.stable(), result.worsening(), false);
	}

}
