package io.featurecreep.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Directive;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;

import io.featurecreep.shared.Caches;

/**
 * The depth and complexity limits (graphql-java's own checks), run once per operation of a kept document rather
 * than on every request. Each check walks the whole operation; clients send the same few documents again and
 * again (a vote is always the same mutation), and the two walks took about a tenth of a vote's time in the
 * GraphQL endpoint.
 * <p>
 * A pass is remembered only for a document without directives: {@code @skip} and {@code @include} with a
 * variable are how one document can be deeper or costlier from one request to the next, so such documents are
 * checked every time. A refusal is never remembered (it is checked, and refused, again). The passes are kept with
 * the parsed documents: identical text gives the same document object while {@link ParsedDocumentCache} keeps
 * it, and a pass goes when the document does.
 */
final class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final MaxQueryDepthInstrumentation depth;

	private final MaxQueryComplexityInstrumentation complexity;

	/** Weak keys compared by identity, read without a lock (every request asks): a pass goes with its document. */
	private final Cache<OperationDefinition, Boolean> passed = Caches.keptOnTheCallersThread().weakKeys().build();

	QueryLimitsInstrumentation(MaxQueryDepthInstrumentation depth, MaxQueryComplexityInstrumentation complexity) {
		this.depth = depth;
		this.complexity = complexity;
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return complexity.createStateAsync(parameters);
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		return complexity.beginValidation(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		OperationDefinition operation = execution.getOperationDefinition();
		if (passed.getIfPresent(operation) == null) {
			// each throws an AbortExecutionException, reported as a GraphQL error, when its limit is exceeded
			depth.beginExecuteOperation(parameters, null);
			complexity.beginExecuteOperation(parameters, state);
			if (!hasDirectives(execution.getDocument())) {
				passed.put(operation, Boolean.TRUE);
			}
		}
		return SimpleInstrumentationContext.noOp();
	}

	private static boolean hasDirectives(Node<?> node) {
		if (node instanceof Directive) {
			return true;
		}
		for (Node<?> child : node.getChildren()) {
			if (hasDirectives(child)) {
				return true;
			}
		}
		return false;
	}

}
