package io.featurecreep.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps on what one GraphQL request may ask for, so that a deeply nested or very wide query is refused
 * before it runs. The defaults leave room for GraphiQL's introspection query.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	@Bean
	QueryLimitsInstrumentation queryLimitsInstrumentation(Settings settings) {
		return new QueryLimitsInstrumentation(new MaxQueryDepthInstrumentation(settings.maxDepth()),
				new MaxQueryComplexityInstrumentation(settings.maxComplexity()));
	}

	@Bean
	FilterRegistrationBean<GraphQlRequestGuard> graphQlRequestGuard(Settings settings, JsonMapper json) {
		FilterRegistrationBean<GraphQlRequestGuard> registration = new FilterRegistrationBean<>(
				new GraphQlRequestGuard(settings.maxRequestBytes(), json));
		registration.addUrlPatterns("/graphql");
		return registration;
	}

	@ConfigurationProperties("feature-creep.graphql")
	record Settings(Integer maxDepth, Integer maxComplexity, Integer maxRequestBytes) {

		Settings {
			maxDepth = maxDepth == null ? 15 : maxDepth;
			maxComplexity = maxComplexity == null ? 2000 : maxComplexity;
			maxRequestBytes = maxRequestBytes == null ? 100_000 : maxRequestBytes;
		}

	}

}
