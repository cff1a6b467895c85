package io.featurecreep.healthcheck;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one rule for what an anonymous session discloses, on every surface (pages, API, subscriptions, history,
 * matrix, exports, reports): a question with fewer than {@code minVotesAnonymous} votes shows only its number of
 * votes, because two or three votes side by side with "who has voted" tell who voted what. Kept under its
 * original property name, {@code feature-creep.insights.min-votes-anonymous}
 * ({@code FEATURE_CREEP_INSIGHTS_MIN_VOTES_ANONYMOUS}), so existing configurations keep working.
 */
@ConfigurationProperties("feature-creep.insights")
public record Anonymity(@DefaultValue("3") int minVotesAnonymous) {

	public Anonymity {
		if (minVotesAnonymous < 2) {
			// one vote shown on its own is that voter's vote: no setting may make anonymity meaningless
			throw new IllegalStateException("feature-creep.insights.min-votes-anonymous must be at least 2, was "
					+ minVotesAnonymous);
		}
	}

	/**
	 * Whether a question of a session with this many votes shows only its count. Without votes there is nothing to
	 * withhold: such a question says "no votes", not "withheld".
	 */
	public boolean withholds(boolean anonymous, int votes) {
		return anonymous && votes > 0 && votes < minVotesAnonymous;
	}

	/** A stored result as anyone may see it: withheld down to its count where the rule says so. */
	QuestionResult disclosed(QuestionResult result) {
		return withholds(result.anonymous(), result.votes()) ? result.reducedToCount() : result;
	}

}
