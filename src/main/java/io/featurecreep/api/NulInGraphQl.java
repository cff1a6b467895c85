package io.featurecreep.api;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.UnstorableText;
import reactor.core.publisher.Mono;

/**
 * Refuses a GraphQL request that holds the NUL character, in its document or its variables, before anything runs:
 * PostgreSQL can neither store nor compare it, so every field that looked one up failed as an internal error.
 */
@Component
@Order(0)
class NulInGraphQl implements WebGraphQlInterceptor {

	static final String MESSAGE = "Text must not contain the NUL character (\\u0000)";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!UnstorableText.carriesNul(request.getDocument(), request.getVariables())) {
			return chain.next(request);
		}
		ExecutionResult refused = ExecutionResult.newExecutionResult()
			.errors(List.of(GraphqlErrorBuilder.newError()
				.message(MESSAGE)
				.path(ResultPath.rootPath())
				.extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()))
				.build()))
			.build();
		return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
	}

}
