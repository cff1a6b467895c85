package io.featurecreep.api;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.featurecreep.shared.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL request needs a signed-in caller, as in the original (whose client uses {@code ping} to
 * learn whether it is signed in). Refused before anything runs, with the original's message.
 */
@Component
@Order(0)
class RequireSignIn implements WebGraphQlInterceptor {

	static final String MESSAGE = "Context creation failed: JWT is required";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (signedIn(SecurityContextHolder.getContext().getAuthentication())) {
			return chain.next(request);
		}
		ExecutionResult refused = ExecutionResult.newExecutionResult()
			.errors(List.of(GraphqlErrorBuilder.newError()
				.message(MESSAGE)
				.errorType(GraphQlErrors.errorType(ErrorCode.UNAUTHENTICATED))
				.extensions(Map.of("code", ErrorCode.UNAUTHENTICATED.name()))
				.build()))
			.build();
		ExecutionGraphQlResponse response = new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused);
		return Mono.just(new WebGraphQlResponse(response));
	}

	static boolean signedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
