package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * The limits are walked once per operation of a kept document, and still refuse what they refused before: every
 * time, per operation, and whatever the variables make of a document with directives.
 */
class QueryLimitsInstrumentationTest {

	static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { node: Node } type Node { child: Node name: String }"),
			RuntimeWiring.newRuntimeWiring().build());

	static final String DEEP = "{ node { child { child { child { child { name } } } } } }";

	final AtomicInteger fieldsWalked = new AtomicInteger();

	final GraphQL graphQl = GraphQL.newGraphQL(SCHEMA)
		.instrumentation(new QueryLimitsInstrumentation(new MaxQueryDepthInstrumentation(4),
				new MaxQueryComplexityInstrumentation(50, (field, children) -> {
					fieldsWalked.incrementAndGet();
					return 1 + children;
				})))
		.preparsedDocumentProvider(new ParsedDocumentCache(10, 10_000))
		.build();

	@Test
	void anOperationThatPassedIsNotWalkedAgain() {
		assertThat(run("{ node { name } }").getErrors()).isEmpty();
		int walked = fieldsWalked.get();
		assertThat(walked).isPositive();
		assertThat(run("{ node { name } }").getErrors()).isEmpty();
		assertThat(fieldsWalked).hasValue(walked);
	}

	@Test
	void aRefusedOperationIsRefusedEveryTime() {
		for (int i = 0; i < 3; i++) {
			assertThat(run(DEEP).getErrors()).extracting(GraphQLError::getMessage)
				.singleElement()
				.asString()
				.containsIgnoringCase("depth");
		}
	}

	@Test
	void eachOperationOfADocumentIsCheckedByItself() {
		String document = "query Shallow { node { name } } query Deep " + DEEP;
		assertThat(run(document, "Shallow", Map.of()).getErrors()).isEmpty();
		assertThat(run(document, "Deep", Map.of()).getErrors()).extracting(GraphQLError::getMessage)
			.singleElement()
			.asString()
			.containsIgnoringCase("depth");
	}

	@Test
	void aDocumentWithDirectivesIsCheckedWithEachRequestsVariables() {
		String document = "query($deep: Boolean!) { node { name child @include(if: $deep) "
				+ "{ child { child { child { name } } } } } }";
		assertThat(run(document, null, Map.of("deep", false)).getErrors()).isEmpty();
		assertThat(run(document, null, Map.of("deep", true)).getErrors()).extracting(GraphQLError::getMessage)
			.singleElement()
			.asString()
			.containsIgnoringCase("depth");
		int walked = fieldsWalked.get();
		assertThat(run(document, null, Map.of("deep", false)).getErrors()).isEmpty();
		assertThat(fieldsWalked.get()).isGreaterThan(walked);
	}

	@Test
	void aTooCostlyOperationIsRefused() {
		String wide = "{ " + "node { name } ".repeat(60) + "}";
		for (int i = 0; i < 2; i++) {
			assertThat(run(wide).getErrors()).extracting(GraphQLError::getMessage)
				.singleElement()
				.asString()
				.containsIgnoringCase("complexity");
		}
	}

	ExecutionResult run(String query) {
		return run(query, null, Map.of());
	}

	ExecutionResult run(String query, String operationName, Map<String, Object> variables) {
		return graphQl.execute(ExecutionInput.newExecutionInput(query).operationName(operationName).variables(variables));
	}

}
