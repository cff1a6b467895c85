package io.featurecreep.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import graphql.introspection.Introspection;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GraphQL operation as a client would build it from the schema, with everything that can be wrong in it:
 * root fields of one operation type (sometimes hundreds of aliases of them), arguments left out, null, of the
 * wrong type or with nasty values, as literals or as variables (declared with the right type or a wrong one),
 * selections of random depth with aliases, inline and named fragments (unused, undefined, cyclic) and directives.
 * Ids mostly come from the {@link FuzzWorld}, so that resolvers run on real data.
 */
final class GraphQlOperation {

	private static final List<String> WRONG_TYPE_NAMES = List.of("String", "String!", "Int", "Int!", "Float",
			"Boolean!", "ID", "[String]", "[String!]!", "Squad", "Nope", "createSessionInput", "SessionMode",
			"[[Int]]", "String!!", "[Int");

	private final Schema schema;

	private final JsonMapper json;

	private final Random random;

	private final FuzzWorld world;

	private final StringBuilder document = new StringBuilder();

	private final List<String> variableDefinitions = new ArrayList<>();

	private final Map<String, Object> variables = new LinkedHashMap<>();

	private final List<String> fragments = new ArrayList<>();

	private final List<String> rootFields = new ArrayList<>();

	private final int maxDepth;

	private String operationName;

	GraphQlOperation(Schema schema, JsonMapper json, Random random, FuzzWorld world) {
		this.schema = schema;
		this.json = json;
		this.random = random;
		this.world = world;
		int depth = random.nextInt(100);
		// mostly what clients send; sometimes as deep as the schema's cycles allow, past the depth limit (15)
		maxDepth = depth < 80 ? 1 + random.nextInt(6) : depth < 95 ? 7 + random.nextInt(9) : 16 + random.nextInt(25);
		build();
	}

	private void build() {
		int type = random.nextInt(100);
		String keyword = type < 50 ? "query" : type < 90 ? "mutation" : "subscription";
		List<GraphQLFieldDefinition> roots = switch (keyword) {
			case "query" -> schema.queries();
			case "mutation" -> schema.mutations();
			default -> schema.subscriptions();
		};
		StringBuilder selections = new StringBuilder();
		int fields = random.nextInt(100) < 97 ? 1 + random.nextInt(random.nextBoolean() ? 1 : 3)
				: 50 + random.nextInt(750); // alias batching, past the complexity limit
		for (int i = 0; i < fields; i++) {
			GraphQLFieldDefinition root = roots.get(random.nextInt(roots.size()));
			rootFields.add(keyword + " " + root.getName());
			if (fields > 3 || random.nextInt(10) == 0) {
				selections.append('a').append(i).append(": ");
			}
			field(selections, root, maxDepth);
		}
		boolean shorthand = keyword.equals("query") && variableDefinitions.isEmpty() && random.nextInt(3) == 0;
		if (!shorthand) {
			document.append(keyword);
			if (random.nextInt(3) > 0) {
				operationName = random.nextInt(20) == 0 ? "Op" + NastyValues.randomChars(random, 3).replaceAll("\\W", "")
						: "Fuzz";
				document.append(' ').append(operationName);
			}
			if (!variableDefinitions.isEmpty()) {
				document.append('(').append(String.join(", ", variableDefinitions)).append(')');
			}
			if (random.nextInt(30) == 0) {
				document.append(' ').append(directive());
			}
		}
		document.append(" {").append(selections).append(" }");
		if (random.nextInt(25) == 0) {
			// a second operation: the request must then name the one to run
			document.append("\nquery Other { ping }");
		}
		for (String fragment : fragments) {
			document.append('\n').append(fragment);
		}
		if (random.nextInt(40) == 0) {
			document.append("\nfragment Unused on Squad { id }");
		}
	}

	private void field(StringBuilder out, GraphQLFieldDefinition field, int depthLeft) {
		out.append(' ').append(field.getName());
		List<GraphQLArgument> arguments = field.getArguments();
		List<String> rendered = new ArrayList<>();
		for (GraphQLArgument argument : arguments) {
			String value = argument(argument);
			if (value != null) {
				rendered.add(argument.getName() + ": " + value);
			}
		}
		if (random.nextInt(40) == 0) {
			rendered.add("bogus: " + literal(NastyValues.text(random)));
		}
		if (!rendered.isEmpty() && random.nextInt(50) == 0) {
			rendered.add(rendered.get(0)); // the same argument twice
		}
		if (!rendered.isEmpty()) {
			out.append('(').append(String.join(", ", rendered)).append(')');
		}
		if (random.nextInt(25) == 0) {
			out.append(' ').append(directive());
		}
		selection(out, field.getType(), depthLeft - 1);
	}

	private void selection(StringBuilder out, GraphQLOutputType type, int depthLeft) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (named instanceof GraphQLUnionType union) {
			out.append(" { __typename");
			for (GraphQLNamedType member : union.getTypes()) {
				out.append(" ... on ").append(member.getName());
				selection(out, (GraphQLOutputType) member, depthLeft);
			}
			out.append(" }");
			return;
		}
		if (!(named instanceof GraphQLFieldsContainer container)) {
			if (random.nextInt(50) == 0) {
				out.append(" { id }"); // a selection on a leaf: invalid
			}
			return;
		}
		if (random.nextInt(40) == 0) {
			return; // an object without a selection: invalid
		}
		List<GraphQLFieldDefinition> fields = container.getFieldDefinitions();
		out.append(" {");
		int count = 1 + random.nextInt(Math.min(4, fields.size()));
		for (int i = 0; i < count; i++) {
			GraphQLFieldDefinition field = fields.get(random.nextInt(fields.size()));
			boolean composite = GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLFieldsContainer;
			if (composite && depthLeft <= 0) {
				out.append(" __typename");
				continue;
			}
			if (random.nextInt(12) == 0) {
				out.append(" x").append(i).append(':');
			}
			field(out, field, depthLeft);
		}
		int extra = random.nextInt(100);
		if (extra < 8) {
			out.append(" __typename");
		}
		else if (extra < 13) {
			String on = random.nextInt(5) == 0 ? NastyValues.oneOf(random, schema.typeNames()) : container.getName();
			out.append(" ... on ").append(on);
			if (random.nextInt(5) == 0) {
				out.append(' ').append(directive());
			}
			selection(out, type, Math.max(0, depthLeft - 1));
		}
		else if (extra < 18) {
			out.append(" ...").append(fragment(container, depthLeft));
		}
		else if (extra < 19) {
			out.append(" ...Missing");
		}
		out.append(" }");
	}

	private String fragment(GraphQLFieldsContainer container, int depthLeft) {
		String name = "F" + fragments.size();
		StringBuilder body = new StringBuilder();
		String on = random.nextInt(8) == 0 ? NastyValues.oneOf(random, schema.typeNames()) : container.getName();
		body.append("fragment ").append(name).append(" on ").append(on);
		fragments.add(""); // reserve the name before nested fragments take the next ones
		int index = fragments.size() - 1;
		if (random.nextInt(60) == 0) {
			body.append(" { ...").append(name).append(" }"); // spreads itself: a cycle
		}
		else {
			selection(body, (GraphQLOutputType) container, depthLeft);
		}
		fragments.set(index, body.toString());
		return name;
	}

	private String directive() {
		return switch (random.nextInt(10)) {
			case 0, 1 -> "@include(if: " + (random.nextBoolean()) + ")";
			case 2 -> "@skip(if: true)";
			case 3 -> "@include(if: " + variable("Boolean!", NastyValues.oneOf(random, List.of(true, false, "yes")))
					+ ")";
			case 4 -> "@include";
			case 5 -> "@skip(if: \"no\")";
			case 6 -> "@fuzz";
			case 7 -> "@deprecated(reason: " + literal(NastyValues.text(random)) + ")";
			case 8 -> "@include(if: true) @include(if: false)";
			default -> "@specifiedBy(url: \"x\")";
		};
	}

	/** The argument as written in the document, or null to leave it out. */
	private String argument(GraphQLArgument argument) {
		int pick = random.nextInt(100);
		if (pick < 8) {
			return null; // missing, even when required
		}
		Object value = value(argument.getType(), argument.getName(), 0);
		if (pick < 38) {
			String declared = random.nextInt(100) < 85 ? GraphQLTypeUtil.simplePrint(argument.getType())
					: NastyValues.oneOf(random, WRONG_TYPE_NAMES);
			return variable(declared, value);
		}
		if (pick < 42) {
			return "null";
		}
		return literal(value);
	}

	/** Declares a variable of that type and gives it the value (or leaves it out now and then). */
	private String variable(String declaredType, Object value) {
		String name = "v" + variableDefinitions.size();
		String definition = "$" + name + ": " + declaredType;
		if (random.nextInt(30) == 0) {
			definition += " = " + literal(value);
		}
		variableDefinitions.add(definition);
		if (random.nextInt(15) > 0) {
			variables.put(name, jsonValue(value));
		}
		return "$" + name;
	}

	private Object value(GraphQLInputType type, String name, int depth) {
		int pick = random.nextInt(100);
		if (pick < 4) {
			return null;
		}
		if (pick < 12) {
			return wrongValue(name);
		}
		return rightValue(type, name, depth);
	}

	private Object rightValue(GraphQLInputType type, String name, int depth) {
		if (type instanceof GraphQLNonNull nonNull) {
			return rightValue((GraphQLInputType) nonNull.getWrappedType(), name, depth);
		}
		if (type instanceof GraphQLList list) {
			GraphQLInputType element = (GraphQLInputType) list.getWrappedType();
			int pick = random.nextInt(100);
			if (pick < 10) {
				return value(element, name, depth + 1); // one value where a list goes: coerced
			}
			int size = pick < 16 ? 0 : pick < 19 ? 200 + random.nextInt(2000) : 1 + random.nextInt(4);
			List<Object> values = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				values.add(value(element, name, depth + 1));
			}
			return values;
		}
		if (type instanceof GraphQLInputObjectType object) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				boolean required = field.getType() instanceof GraphQLNonNull;
				int keep = required ? 92 : depth > 3 ? 10 : 55;
				if (random.nextInt(100) < keep) {
					fields.put(field.getName(), value(field.getType(), field.getName(), depth + 1));
				}
			}
			if (random.nextInt(30) == 0) {
				fields.put("bogus", NastyValues.text(random));
			}
			return fields;
		}
		if (type instanceof GraphQLEnumType enumType) {
			int pick = random.nextInt(100);
			if (pick < 85) {
				return new EnumValue(NastyValues.oneOf(random, enumType.getValues()).getName());
			}
			return pick < 92 ? new EnumValue("BOGUS") : pick < 96 ? enumType.getValues().get(0).getName() : 1;
		}
		String scalar = ((GraphQLScalarType) type).getName();
		return switch (scalar) {
			case "Int" -> integer(name);
			case "Float" -> NastyValues.edgeNumber(random);
			case "Boolean" -> random.nextInt(20) == 0 ? "true" : random.nextBoolean();
			default -> text(name);
		};
	}

	private Object integer(String name) {
		return switch (name) {
			case "first" -> NastyValues.integer(random, 1, 50);
			case "offset" -> NastyValues.integer(random, 0, 500);
			case "seconds" -> NastyValues.integer(random, 0, 3600);
			case "validForMinutes" -> NastyValues.integer(random, 1, 43_200);
			case "validForDays" -> NastyValues.integer(random, 1, 365);
			case "answer" -> NastyValues.integer(random, 0, 2);
			default -> NastyValues.integer(random, 0, 10);
		};
	}

	private String text(String name) {
		String id = world.idFor(name, random);
		if (id != null) {
			return id;
		}
		return switch (name) {
			case "deadline", "dueDate", "from", "to" -> NastyValues.date(random);
			case "name" -> random.nextBoolean() ? NastyValues.oneOf(random, schema.typeNames()) : NastyValues.text(random);
			default -> NastyValues.text(random);
		};
	}

	private Object wrongValue(String name) {
		return switch (random.nextInt(8)) {
			case 0 -> NastyValues.text(random);
			case 1 -> NastyValues.edgeNumber(random);
			case 2 -> random.nextBoolean();
			case 3 -> List.of(NastyValues.text(random));
			case 4 -> Map.of("id", NastyValues.madeUpId(random));
			case 5 -> new EnumValue("RED");
			case 6 -> List.of();
			default -> Map.of();
		};
	}

	/** The usual JSON body. */
	String body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document.toString());
		if (!variables.isEmpty() || random.nextBoolean()) {
			body.put("variables", variables);
		}
		int name = random.nextInt(100);
		if (name < 60 && operationName != null) {
			body.put("operationName", operationName);
		}
		else if (name < 65) {
			body.put("operationName", random.nextBoolean() ? "Other" : NastyValues.text(random));
		}
		else if (name < 68) {
			body.put("operationName", null);
		}
		return json.writeValueAsString(body);
	}

	/** A JSON object, but with members of the wrong types or too many of them. */
	String oddBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		Object query = document.toString();
		switch (random.nextInt(14)) {
			case 0 -> body.put("variables", "{}");
			case 1 -> body.put("variables", List.of(variables));
			case 2 -> body.put("variables", 5);
			case 3 -> query = null;
			case 4 -> query = 42;
			case 5 -> query = List.of(document.toString());
			case 6 -> query = Map.of("query", document.toString());
			case 7 -> body.put("extensions", "x");
			case 8 -> body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc")));
			case 9 -> body.put("operationName", List.of("Fuzz"));
			case 10 -> body.put("id", NastyValues.text(random));
			case 11 -> variables.put("v" + variables.size(), jsonValue(NastyValues.edgeNumber(random)));
			case 12 -> query = "";
			default -> {
				// nested deeper than JSON writers go: written by hand
				int depth = 1 + random.nextInt(2000);
				return "{\"query\": " + json.writeValueAsString(document.toString()) + ", \"variables\": {\"nested\": "
						+ "[".repeat(depth) + "\"bottom\"" + "]".repeat(depth) + "}}";
			}
		}
		if (query != null || random.nextBoolean()) {
			body.put("query", query);
		}
		body.putIfAbsent("variables", variables);
		return json.writeValueAsString(body);
	}

	private static String literal(Object value) {
		StringBuilder out = new StringBuilder();
		literal(out, value);
		return out.toString();
	}

	/** The root fields it asks for, as {@code query ping}, {@code mutation createSquad}, ... */
	List<String> rootFields() {
		return rootFields;
	}

	String document() {
		return document.toString();
	}

	Map<String, Object> variables() {
		return variables;
	}

	/** The root fields of each operation type and the names of all types, read once from the schema. */
	record Schema(List<GraphQLFieldDefinition> queries, List<GraphQLFieldDefinition> mutations,
			List<GraphQLFieldDefinition> subscriptions, List<String> typeNames) {

		static Schema of(GraphQLSchema schema) {
			List<GraphQLFieldDefinition> queries = new ArrayList<>(schema.getQueryType().getFieldDefinitions());
			// the two introspection fields every schema has: their types nest without end, so depth limits matter
			queries.add(Introspection.SchemaMetaFieldDef);
			queries.add(Introspection.TypeMetaFieldDef);
			return new Schema(queries, schema.getMutationType().getFieldDefinitions(),
					schema.getSubscriptionType().getFieldDefinitions(),
					schema.getAllTypesAsList().stream().map(GraphQLNamedType::getName).toList());
		}

	}

	/** An enum value: a bare name in a document, a string in JSON. */
	record EnumValue(String name) {
	}

	static void literal(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			out.append('"');
			escape(out, text);
			out.append('"');
		}
		else if (value instanceof EnumValue enumValue) {
			out.append(enumValue.name());
		}
		else if (value instanceof Double number) {
			// NaN and Infinity are no number literals: as names they are enum values, which is wrong just the same
			out.append(number.isNaN() ? "NaN" : number.isInfinite() ? "Infinity" : number.toString());
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append(i == 0 ? "" : ", ");
				literal(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "" : ", ").append(entry.getKey()).append(": ");
				literal(out, entry.getValue());
				first = false;
			}
			out.append('}');
		}
		else {
			out.append(value); // numbers and booleans
		}
	}

	private static void escape(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
	}

	/** The value as JSON takes it: enum values as their names. */
	static Object jsonValue(Object value) {
		if (value instanceof EnumValue enumValue) {
			return enumValue.name();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(GraphQlOperation::jsonValue).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, jsonValue(item)));
			return copy;
		}
		return value;
	}

}
