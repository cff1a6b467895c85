package io.featurecreep.api;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.Introspection;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLTypeUtil;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * Turns exceptions from resolvers into GraphQL errors with {@code extensions.code}. A refusal of the
 * domain keeps its message; anything unexpected is logged here and reported without details.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof DomainException refused) {
			return error(env, refused.code(), refused.getMessage());
		}
		if (ex instanceof AccessDeniedException) {
			return error(env, ErrorCode.FORBIDDEN, "You are not allowed to do this");
		}
		if (nullIncludeDeprecated(env)) {
			return error(env, ErrorCode.BAD_USER_INPUT, "includeDeprecated must be true or false, not null");
		}
		log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorCode.INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again");
	}

	/**
	 * graphql-java's introspection fields take {@code includeDeprecated: Boolean = false} but fail with a
	 * NullPointerException on an explicit null (a literal or a variable): the client's mistake, not ours.
	 */
	private static boolean nullIncludeDeprecated(DataFetchingEnvironment env) {
		return Introspection.isIntrospectionTypes(GraphQLTypeUtil.unwrapAll(env.getParentType()))
				&& env.containsArgument("includeDeprecated") && env.getArgument("includeDeprecated") == null;
	}

	/** The same translation for errors of subscriptions, which fail outside a data fetcher. */
	@Component
	static class ForSubscriptions extends SubscriptionExceptionResolverAdapter {

		@Override
		protected GraphQLError resolveToSingleError(Throwable ex) {
			if (ex instanceof DomainException refused) {
				return GraphqlErrorBuilder.newError()
					.message(refused.getMessage())
					.errorType(errorType(refused.code()))
					.extensions(Map.of("code", refused.code().name()))
					.build();
			}
			log.error("Unexpected error in a subscription", ex);
			return GraphqlErrorBuilder.newError()
				.message("Something went wrong on our side; please try again")
				.errorType(errorType(ErrorCode.INTERNAL_SERVER_ERROR))
				.extensions(Map.of("code", ErrorCode.INTERNAL_SERVER_ERROR.name()))
				.build();
		}

	}

	static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message) {
		return GraphqlErrorBuilder.newError(env)
			.message(message)
			.errorType(errorType(code))
			.extensions(Map.of("code", code.name()))
			.build();
	}

	static ErrorType errorType(ErrorCode code) {
		return switch (code) {
			case BAD_USER_INPUT, TOO_MANY_REQUESTS -> ErrorType.BAD_REQUEST;
			case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
			case FORBIDDEN -> ErrorType.FORBIDDEN;
			case NOT_FOUND -> ErrorType.NOT_FOUND;
			case INTERNAL_SERVER_ERROR -> ErrorType.INTERNAL_ERROR;
		};
	}

}
