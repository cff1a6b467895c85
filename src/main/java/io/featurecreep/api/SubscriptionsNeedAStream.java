package io.featurecreep.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import io.featurecreep.shared.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * Refuses a subscription sent as a plain JSON POST, before its resolver runs. Such a POST has no stream to carry
 * the events: Spring for GraphQL answered with the serialized Reactor publisher ({@code upstreamPublisher}), and the
 * resolver had already started listening to the session for a subscriber that never comes. Subscriptions are
 * served over WebSocket ({@code /graphql-ws}) and over server-sent events (a POST that accepts
 * {@code text/event-stream}, which Spring Boot routes to {@code GraphQlSseHandler}); the refusal says so.
 * <p>
 * The transport is known only to the interceptor and the operation only to graphql-java, so the interceptor marks
 * a plain POST in the GraphQL context and the instrumentation refuses a subscription so marked.
 */
@Component
class SubscriptionsNeedAStream extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

	static final String MESSAGE = "Subscriptions need a stream: subscribe over WebSocket at /graphql-ws "
			+ "(graphql-transport-ws), or POST with Accept: text/event-stream";

	private static final String PLAIN_POST = SubscriptionsNeedAStream.class.getName() + ".plainPost";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest) && !acceptsEventStream(request)) {
			request.configureExecutionInput(
					(input, builder) -> builder.graphQLContext(Map.of(PLAIN_POST, Boolean.TRUE)).build());
		}
		return chain.next(request);
	}

	private static boolean acceptsEventStream(WebGraphQlRequest request) {
		try {
			return request.getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException unreadable) {
			return false;
		}
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var execution = parameters.getExecutionContext();
		if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
				&& execution.getGraphQLContext().getBoolean(PLAIN_POST, false)) {
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
				.message(MESSAGE)
				.errorType(GraphQlErrors.errorType(ErrorCode.BAD_USER_INPUT))
				.extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()))
				.build()));
		}
		return super.beginExecuteOperation(parameters, state);
	}

}
