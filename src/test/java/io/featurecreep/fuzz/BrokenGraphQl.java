package io.featurecreep.fuzz;

import java.util.List;
import java.util.Random;

/**
 * GraphQL requests that are broken before any resolver could run: documents that do not parse or do not validate
 * (cut short, with stray tokens, nested thousands deep, tens of thousands of tokens, bad escapes and numbers,
 * introspection past the depth limit), and bodies that are not JSON or not a request object (truncated, single
 * quotes, NaN, batches, invalid UTF-8 escapes, nesting past every parser's limit).
 */
final class BrokenGraphQl {

	private BrokenGraphQl() {
	}

	/** Documents that fail to parse or to validate, each in its own way. */
	static String invalidDocument(Random random, String valid) {
		int pick = random.nextInt(20);
		return switch (pick) {
			case 0, 1 -> valid.substring(0, random.nextInt(valid.length() + 1));
			case 2, 3 -> {
				StringBuilder broken = new StringBuilder(valid);
				for (int i = 0; i < 1 + random.nextInt(3); i++) {
					int at = random.nextInt(broken.length() + 1);
					broken.insert(at, NastyValues.oneOf(random, List.of("{", "}", "(", ")", "[", "]", ":", "$", "@", "!",
							"...", "\"", "\\", "#", "\u0000", "\uFEFF", "\"\"\"", "&", "|", "=")));
				}
				yield broken.toString();
			}
			case 4 -> "{".repeat(NastyValues.oneOf(random, List.of(10, 600, 5000)));
			case 5 -> {
				int depth = NastyValues.oneOf(random, List.of(50, 400, 3000));
				yield "{ me" + " { me".repeat(depth) + " }".repeat(depth + 1);
			}
			case 6 -> "{ " + "ping ".repeat(NastyValues.oneOf(random, List.of(1000, 16_000))) + "}";
			case 7 -> "{ libraryQuestions(search: " + quoted(NastyValues.longText(random, 60_000))
					+ ") { hasMore } }";
			case 8 -> NastyValues.oneOf(random, List.of("", " ", "# only a comment", "\uFEFF{ ping }", "{ ping }\u0000",
					"\u0000", "query", "mutation", "subscription", "{}", "{ }", "query { }", "fragment F on Squad { id }",
					"{ ping } }", "{ ping(x: 1) }", "{ __schema }", "{ __typename }", "{ ping @skip }",
					"{ ping } { me { id } }", "query A { ping } query A { ping }", "{ ping(x: \"\\u{110000}\") }",
					"{ ping(x: \"\\uD800\") }", "{ ping(x: \"\"\"block\"\"\") }", "{ ping(x: 0x1F) }", "{ ping(x: 01) }",
					"{ ping(x: 1.) }", "{ ping(x: .5) }", "{ ping(x: -) }", "{ ping(x: $undefined) }",
					"query($a: Int, $a: Int) { ping }", "query($a: Int) { ping }", "{ ping(x: \"unterminated) }",
					"{ ping(x: \"line\nbreak\") }", "{ 1ping }", "{ pîng }", "{ ping } ${}",
					"subscription { a: sessionChanged(sessionId: \"x\") { change } b: sessionChanged(sessionId: \"y\") { change } }",
					"subscription { __typename }", "mutation { __schema { types { name } } }",
					"{ squads { ...on Person { id } } }", "{ me { ... on Squad { id } } }"));
			case 9 -> {
				StringBuilder introspection = new StringBuilder("{ __schema { types { name fields { type");
				int depth = 10 + random.nextInt(40);
				introspection.append(" { ofType".repeat(depth)).append(" { name }").append(" }".repeat(depth));
				yield introspection.append(" } } } }").toString();
			}
			case 10 -> "{ __type(name: " + quoted(NastyValues.oneOf(random, List.of("Squad", "Query", "__Type", "", "Nope")))
					+ ") { name fields { name args { name type { name } } } interfaces { name } possibleTypes { name } } }";
			case 11 -> NastyValues.randomChars(random, 1 + random.nextInt(200));
			case 12 -> valid.replace("{", "(").replace("}", ")");
			case 13 -> valid + " " + valid;
			default -> {
				StringBuilder tokens = new StringBuilder();
				List<String> words = List.of("query", "mutation", "{", "}", "(", ")", "ping", "me", "id", "squads",
						"$v", ":", "String!", "...", "on", "fragment", "@include", "true", "null", "1e308", "\"x\"", ",");
				for (int i = 0; i < 1 + random.nextInt(40); i++) {
					tokens.append(NastyValues.oneOf(random, words)).append(' ');
				}
				yield tokens.toString();
			}
		};
	}

	private static String quoted(String text) {
		StringBuilder out = new StringBuilder();
		GraphQlOperation.literal(out, text);
		return out.toString();
	}

	/** Bodies that claim to be JSON and are not, or are JSON but no request object. */
	static String malformedJson(Random random) {
		return NastyValues.oneOf(random, List.of("{\"query\": \"{ ping }\"", "{\"query\": }", "{'query': '{ ping }'}",
				"{\"query\": \"{ ping }\",}", "[{\"query\": \"{ ping }\"}]", "[]", "\"{ ping }\"", "null", "true", "123",
				"{}", "{\"query\": null}", "{\"query\": \"{ ping }\", \"variables\": {\"x\": NaN}}",
				"{\"query\": \"{ ping }\", \"variables\": {\"x\": 1e999999}}", "{\"query\": \"{ ping }\"} garbage",
				"{\"query\": \"{ ping }\"} {\"query\": \"{ me { id } }\"}", "/* comment */ {\"query\": \"{ ping }\"}",
				"{\"query\": \"{ ping }\u0000\"}", "{\"query\": \"{ ping\n}\"}", "{\"query\": \"\\uD800\"}",
				"{\"query\": \"\\u00\"}", "{\"query\": \"{ ping }\", \"query\": \"{ me { id } }\"}",
				"\uFEFF{\"query\": \"{ ping }\"}", "{\"query\" \"{ ping }\"}", "{query: \"{ ping }\"}", "",
				" ", "\u0000", "{\"query\": \"" + "\\\\".repeat(1000) + "\"}", "[".repeat(5000) + "]".repeat(5000),
				"{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"query\": \"{ ping }\", \"variables\": " + "[".repeat(1500)
						+ "]".repeat(1500) + "}",
				"{\"query\": 1" + "0".repeat(2000) + "}", "{\"query\": \"" + "x".repeat(30_000) + "\"}",
				"{\"query\": \"{ ping }\", \"variables\": {\"" + "k".repeat(60_000) + "\": 1}}"));
	}

}
