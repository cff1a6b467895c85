package io.featurecreep.identity;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import io.featurecreep.shared.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * A GraphQL WebSocket signs in once, at its handshake, and may stay open long after: each operation sent over it is
 * checked here, so a person deactivated meanwhile can neither query nor subscribe again on a connection they still
 * hold. (Requests over HTTP were already checked by {@link InactiveAccountsSignedOut}.)
 */
@Component
@Order(1)
class InactiveAccountsOnWebSockets implements WebGraphQlInterceptor {

	private final AccountStatuses statuses;

	InactiveAccountsOnWebSockets(AccountStatuses statuses) {
		this.statuses = statuses;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (!(request instanceof WebSocketGraphQlRequest) || caller == null
				|| caller instanceof AnonymousAuthenticationToken || statuses.mayUse(caller.getName())) {
			return chain.next(request);
		}
		ExecutionResult refused = ExecutionResult.newExecutionResult()
			.errors(List.of(GraphqlErrorBuilder.newError()
				.message(GraphQlSecurityErrors.INACTIVE_ACCOUNT)
				.path(ResultPath.rootPath())
				.extensions(Map.of("code", ErrorCode.UNAUTHENTICATED.name()))
				.build()))
			.build();
		ExecutionGraphQlResponse response = new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused);
		return Mono.just(new WebGraphQlResponse(response));
	}

}
