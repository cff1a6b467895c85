package io.featurecreep.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

/**
 * Refuses, before graphql-java validates it, a subscription whose root fields cannot be collected without
 * variables: graphql-java 25's single-root-field rule collects them with {@code @skip}/{@code @include} evaluated
 * against no variables and trusts that every fragment and type it meets exists, so such a document crashed
 * validation (a 500) instead of being refused. The GraphQL spec forbids {@code @skip} and {@code @include} on a
 * subscription's root selections (graphql-spec#860, as graphql-js does; graphql-java#4396 will do it too); an
 * unknown fragment or type there is reported as graphql-java reports it elsewhere. Remove this class once
 * graphql-java's own rule handles these documents.
 */
@Component
class SubscriptionRoots extends SimplePerformantInstrumentation {

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		Map<String, FragmentDefinition> fragments = NodeUtil.getFragmentsByName(parameters.getDocument());
		List<GraphQLError> errors = new ArrayList<>();
		for (OperationDefinition operation : parameters.getDocument().getDefinitionsOfType(OperationDefinition.class)) {
			if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
				check(operation.getSelectionSet(), fragments, parameters.getSchema(), new HashSet<>(), errors);
			}
		}
		if (!errors.isEmpty()) {
			// graphql-java reports the errors of an aborted request as they are, before anything runs
			throw new AbortExecutionException(errors);
		}
		return super.beginValidation(parameters, state);
	}

	private static void check(SelectionSet selections, Map<String, FragmentDefinition> fragments, GraphQLSchema schema,
			Set<String> visited, List<GraphQLError> errors) {
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof DirectivesContainer<?> container) {
				refuseConditions(container, errors);
			}
			if (selection instanceof InlineFragment inline) {
				if (knownType(inline.getTypeCondition(), schema, errors)) {
					check(inline.getSelectionSet(), fragments, schema, visited, errors);
				}
			}
			else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())) {
				FragmentDefinition fragment = fragments.get(spread.getName());
				if (fragment == null) {
					errors.add(error(ValidationErrorType.UndefinedFragment, "Undefined fragment '" + spread.getName() + "'",
							spread));
				}
				else if (knownType(fragment.getTypeCondition(), schema, errors)) {
					refuseConditions(fragment, errors);
					check(fragment.getSelectionSet(), fragments, schema, visited, errors);
				}
			}
		}
	}

	private static void refuseConditions(DirectivesContainer<?> container, List<GraphQLError> errors) {
		for (Directive directive : container.getDirectives()) {
			if (directive.getName().equals("skip") || directive.getName().equals("include")) {
				errors.add(error(ValidationErrorType.SubscriptionMultipleRootFields, "A subscription's root field must not use @"
						+ directive.getName() + ": subscribe to the field, or leave it out", directive));
			}
		}
	}

	private static boolean knownType(TypeName type, GraphQLSchema schema, List<GraphQLError> errors) {
		if (type == null || schema.getType(type.getName()) != null) {
			return true;
		}
		errors.add(error(ValidationErrorType.UnknownType, "Unknown type '" + type.getName() + "'", type));
		return false;
	}

	private static GraphQLError error(ValidationErrorType type, String message, graphql.language.Node<?> node) {
		return ValidationError.newValidationError()
			.validationErrorType(type)
			.description("Validation error (" + type + ") : " + message)
			.sourceLocation(node.getSourceLocation())
			.build();
	}

}
