package io.featurecreep.insights;

import io.featurecreep.healthcheck.QuestionResult;
import io.featurecreep.healthcheck.QuestionResult.Band;
import io.featurecreep.healthcheck.Trend;

/**
 * One indicator in one session, as shown in a heat map or matrix: always with its number of votes. Where the
 * anonymity rule withholds the result (an anonymous session with fewer votes than the threshold), the spread,
 * average and trend are left out ({@code hidden}), since with two or three voters they would tell who voted what.
 */
record Cell(String sessionId, int votes, Double average, Band band, Trend trend, Integer red, Integer yellow,
		Integer green, Integer improving, Integer stable, Integer worsening, boolean hidden) {

	static Cell of(QuestionResult result) {
		if (result.withheld()) {
			return new Cell(result.sessionId(), result.votes(), null, Band.NONE, null, null, null, null, null, null, null,
					true);
		}
		return new Cell(result.sessionId(), result.votes(), result.average(), result.band(), result.trend(), result.red(),
				result.yellow(), result.green(), result.improving(), result.stable(), result.worsening(), false);
	}

}
