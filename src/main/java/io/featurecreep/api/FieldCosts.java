package io.featurecreep.api;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;

/**
 * What a field weighs in the cost limit, by what it takes to resolve: a plain value of an object already loaded
 * next to nothing; a field with its own resolver (one of the controllers: a service call, mostly a database query)
 * ten times that; a search of the question library fifty. Measured on two busy cores: about 0.01 ms, 1-2 ms and
 * 2-5 ms. With the default limit of 2000 a request makes at most 39 searches (60-170 ms) or about 180 lookups,
 * where one cost per field let 990 aliased searches through (3.5-5 s).
 * <p>
 * The weights depend on the document only, never on the variables, so that a pass can be kept per document.
 */
final class FieldCosts implements FieldComplexityCalculator {

	static final int PLAIN = 1;

	static final int RESOLVED = 10;

	static final int SEARCH = 50;

	/** With or without search text: both ask the library's index. */
	private static final Set<FieldCoordinates> SEARCHES = Set.of(FieldCoordinates.coordinates("Query", "search"),
			FieldCoordinates.coordinates("Query", "libraryQuestions"));

	private final Supplier<GraphQLCodeRegistry> resolvers;

	/** The registry comes from the schema, which is built after this: it is looked up at the first request. */
	FieldCosts(Supplier<GraphQLCodeRegistry> resolvers) {
		this.resolvers = SingletonSupplier.of(resolvers);
	}

	@Override
	public int calculate(FieldComplexityEnvironment field, int childCost) {
		return cost(field.getParentType().getName(), field.getFieldDefinition().getName()) + childCost;
	}

	private int cost(String type, String field) {
		if (type.startsWith("__") || field.startsWith("__")) {
			return PLAIN; // introspection: read from the schema in memory
		}
		FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
		if (SEARCHES.contains(coordinates)) {
			return SEARCH;
		}
		return resolvers.get().hasDataFetcher(coordinates) ? RESOLVED : PLAIN;
	}

}
