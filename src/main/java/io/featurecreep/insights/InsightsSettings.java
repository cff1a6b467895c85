package io.featurecreep.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Honest numbers: no aggregate of an anonymous session from fewer than {@code minVotesAnonymous} votes (3). */
@ConfigurationProperties("feature-creep.insights")
record InsightsSettings(Integer minVotesAnonymous) {

	InsightsSettings {
		minVotesAnonymous = minVotesAnonymous == null ? 3 : minVotesAnonymous;
	}

}
