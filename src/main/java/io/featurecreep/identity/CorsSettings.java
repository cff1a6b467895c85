package io.featurecreep.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which other origins' scripts may call {@code /graphql}. Never with cookies: cross-origin clients use
 * bearer tokens, so even {@code *} cannot let another site act with someone's session.
 *
 * @param allowedOrigins origins such as {@code https://app.example.org}, or {@code *} (the default) for any
 */
@ConfigurationProperties("feature-creep.cors")
record CorsSettings(List<String> allowedOrigins) {

	CorsSettings {
		allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty() ? List.of("*")
				: allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
	}

}
