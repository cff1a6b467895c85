package io.featurecreep.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.featurecreep.shared.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * Gives every error a {@code code}, also those raised by graphql-java itself before any resolver runs
 * (invalid syntax, unknown fields, wrong argument types, queries over the depth or cost limits).
 */
@Component
@Order(1)
class ErrorCodes implements WebGraphQlInterceptor {

	/** graphql-java's refusal of an introspection query that asks for the same thing too often: the client's doing. */
	private static final String BAD_FAITH_INTROSPECTION = "BadFaithIntrospection";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			if (response.getErrors().stream().allMatch(ErrorCodes::hasCode)) {
				return response;
			}
			return response.transform(builder -> builder.errors(response.getErrors()
				.stream()
				.map(error -> hasCode(error) ? toGraphQlError(error) : withCode(error))
				.toList()));
		});
	}

	private static boolean hasCode(org.springframework.graphql.ResponseError error) {
		return error.getExtensions().containsKey("code");
	}

	private static GraphQLError toGraphQlError(org.springframework.graphql.ResponseError error) {
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getParsedPath())
			.errorType(error.getErrorType())
			.extensions(error.getExtensions())
			.build();
	}

	private static GraphQLError withCode(org.springframework.graphql.ResponseError error) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		extensions.put("code", codeFor(error.getErrorType()).name());
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getParsedPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	private static ErrorCode codeFor(ErrorClassification type) {
		// graphql-java names this classification only by its text: a fresh instance per error, no constant
		if (BAD_FAITH_INTROSPECTION.equals(String.valueOf(type))) {
			return ErrorCode.BAD_USER_INPUT;
		}
		if (type == ErrorType.InvalidSyntax || type == ErrorType.ValidationError
				|| type == ErrorType.ExecutionAborted || type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
			return ErrorCode.BAD_USER_INPUT;
		}
		if (type == org.springframework.graphql.execution.ErrorType.UNAUTHORIZED) {
			return ErrorCode.UNAUTHENTICATED;
		}
		if (type == org.springframework.graphql.execution.ErrorType.FORBIDDEN) {
			return ErrorCode.FORBIDDEN;
		}
		if (type == org.springframework.graphql.execution.ErrorType.NOT_FOUND) {
			return ErrorCode.NOT_FOUND;
		}
		return ErrorCode.INTERNAL_SERVER_ERROR;
	}

}
