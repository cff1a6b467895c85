package io.featurecreep.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps on what one GraphQL request may ask for, so that a deeply nested or very wide query is refused
 * before it runs: its depth, and its cost with each field weighed by {@link FieldCosts}. The defaults leave room
 * for GraphiQL's introspection query.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	@Bean
	QueryLimitsInstrumentation queryLimitsInstrumentation(Settings settings, ObjectProvider<GraphQlSource> graphQl) {
		FieldCosts costs = new FieldCosts(() -> graphQl.getObject().schema().getCodeRegistry());
		return new QueryLimitsInstrumentation(new MaxQueryDepthInstrumentation(settings.maxDepth()),
				new CostLimit(settings.maxComplexity(), costs));
	}

	@Bean
	FilterRegistrationBean<GraphQlRequestGuard> graphQlRequestGuard(Settings settings, JsonMapper json) {
		FilterRegistrationBean<GraphQlRequestGuard> registration = new FilterRegistrationBean<>(
				new GraphQlRequestGuard(settings.maxRequestBytes(), json));
		registration.addUrlPatterns("/graphql");
		return registration;
	}

	/** graphql-java's complexity limit with the fields' real weights, and a refusal that says what to do. */
	static final class CostLimit extends MaxQueryComplexityInstrumentation {

		CostLimit(int maxCost, FieldComplexityCalculator costs) {
			super(maxCost, costs);
		}

		@Override
		protected AbortExecutionException mkAbortException(int cost, int maxCost) {
			return new AbortExecutionException("The request asks for too much at once (it costs " + cost
					+ ", at most " + maxCost + " are allowed; a search costs " + FieldCosts.SEARCH
					+ ", a field with its own lookup " + FieldCosts.RESOLVED + "): split it into smaller requests");
		}

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
