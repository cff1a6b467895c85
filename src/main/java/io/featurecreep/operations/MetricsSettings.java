package io.featurecreep.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may scrape {@code /actuator/prometheus}: whoever sends {@code Authorization: Bearer <token>}. Without a
 * token nobody may, and the endpoint answers 404 as if it were not there. A short token is refused at start-up:
 * the metrics tell how busy the service is and when people vote, not for guessing.
 */
@ConfigurationProperties("feature-creep.metrics")
record MetricsSettings(String token) {

	static final int SHORTEST_TOKEN = 16;

	MetricsSettings {
		token = token == null || token.isBlank() ? null : token.strip();
		if (token != null && token.length() < SHORTEST_TOKEN) {
			throw new IllegalArgumentException("feature-creep.metrics.token (FEATURE_CREEP_METRICS_TOKEN) needs at least "
					+ SHORTEST_TOKEN + " characters, for example from: openssl rand -base64 32");
		}
	}

}
