package io.featurecreep.fuzz;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.featurecreep.fuzz.FuzzRequest.Caller;
import io.featurecreep.fuzz.FuzzRequest.Csrf;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to {@code /graphql}: mostly operations derived from the schema the application serves
 * ({@link GraphQlOperation}: every query, mutation and subscription field), some with bodies of the wrong shape,
 * broken documents and non-JSON bodies ({@link BrokenGraphQl}), and the methods, content types and headers no
 * client should send. The schema is read from the same files the application reads, so a new field is fuzzed the
 * day it is added.
 */
final class GraphQlFuzzer {

	static final String PATH = "/graphql";

	/**
	 * Broken charset names ({@code charset="}) are left to {@code api.RealServerRequestTests}: MockMvc fails on them
	 * in its own filter mapping, before any filter of the application could answer them.
	 */
	private static final List<String> ODD_CONTENT_TYPES = List.of("garbage", "/", "application/json; charset=bogus",
			"application/json; charset=utf-16", "application/json;;;", "application/graphql",
			"application/graphql-response+json", "text/plain", "text/html", "application/xml", "application/*", "*/*",
			"multipart/form-data; boundary=fuzz", "multipart/form-data", "application/x-www-form-urlencoded",
			"application/json; boundary=x", "image/png", "application/json, text/plain");

	private static final List<String> ACCEPTS = List.of("application/json", "application/graphql-response+json",
			"text/event-stream", "text/html", "garbage", "*/*;q=abc", "application/xml", "", "*/*",
			"application/json;q=0", "text/*, application/graphql-response+json;q=0.5");

	private final GraphQlOperation.Schema schema;

	private final JsonMapper json;

	private final Set<String> fuzzed = new ConcurrentSkipListSet<>();

	GraphQlFuzzer(GraphQLSchema schema, JsonMapper json) {
		this.schema = GraphQlOperation.Schema.of(schema);
		this.json = json;
	}

	/** The schema from the application's own {@code graphql/*.graphqls} files, without any resolvers. */
	static GraphQLSchema loadSchema() {
		try {
			TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
			for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/**/*.graphqls")) {
				try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					registry.merge(new SchemaParser().parse(reader));
				}
			}
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every root field, and those the run has put into an operation so far. */
	Coverage coverage() {
		List<String> all = new ArrayList<>();
		schema.queries().forEach(field -> all.add("query " + field.getName()));
		schema.mutations().forEach(field -> all.add("mutation " + field.getName()));
		schema.subscriptions().forEach(field -> all.add("subscription " + field.getName()));
		return new Coverage("GraphQL root fields", all, fuzzed);
	}

	FuzzRequest next(Random random, FuzzWorld world) {
		int pick = random.nextInt(100);
		if (pick >= 90) {
			return transport(random, world);
		}
		if (pick >= 82) {
			return post(random, "graphql-malformed-json", BrokenGraphQl.malformedJson(random));
		}
		GraphQlOperation operation = operation(random, world);
		if (pick < 62) {
			return post(random, "graphql-operation", operation.body());
		}
		if (pick < 72) {
			return post(random, "graphql-odd-body", operation.oddBody());
		}
		return post(random, "graphql-invalid-document",
				body(BrokenGraphQl.invalidDocument(random, operation.document()), Map.of()));
	}

	private GraphQlOperation operation(Random random, FuzzWorld world) {
		GraphQlOperation operation = new GraphQlOperation(schema, json, random, world);
		fuzzed.addAll(operation.rootFields());
		return operation;
	}

	private FuzzRequest post(Random random, String kind, String body) {
		Caller caller = caller(random);
		FuzzRequest request = FuzzRequest.of(kind, "POST", PATH, PATH, caller, csrf(random, caller));
		if (random.nextInt(10) == 0) {
			request.header("Accept", NastyValues.oneOf(random, ACCEPTS));
		}
		return request.withBody("application/json", body);
	}

	static Caller caller(Random random) {
		int pick = random.nextInt(100);
		if (pick < 15) {
			return Caller.ANONYMOUS;
		}
		if (pick < 40) {
			return Caller.OWNER;
		}
		if (pick < 60) {
			return Caller.MEMBER;
		}
		if (pick < 70) {
			return Caller.STRANGER;
		}
		if (pick < 80) {
			return Caller.ADMIN;
		}
		return pick < 95 ? Caller.BEARER : Caller.BAD_BEARER;
	}

	/** Signed-in browsers send the token (mostly); API clients do not need one. */
	static Csrf csrf(Random random, Caller caller) {
		int pick = random.nextInt(100);
		boolean session = caller != Caller.ANONYMOUS && caller != Caller.BEARER && caller != Caller.BAD_BEARER;
		if (session) {
			return pick < 90 ? Csrf.VALID : pick < 97 ? Csrf.NONE : Csrf.INVALID;
		}
		return pick < 90 ? Csrf.NONE : Csrf.VALID;
	}

	private String body(String document, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		return json.writeValueAsString(body);
	}

	/** The HTTP around the operation: methods, content types, Accept headers and bodies no client should send. */
	private FuzzRequest transport(Random random, FuzzWorld world) {
		Caller caller = caller(random);
		Csrf csrf = csrf(random, caller);
		GraphQlOperation operation = operation(random, world);
		String valid = operation.body();
		int pick = random.nextInt(100);
		FuzzRequest request;
		if (pick < 20) {
			String query = switch (random.nextInt(5)) {
				case 0 -> "";
				case 1 -> "?query=" + encode(operation.document());
				case 2 -> "?query=" + encode(operation.document()) + "&variables=" + encode(NastyValues.text(random));
				case 3 -> "?query=&query=" + encode("{ ping }");
				default -> "?query=" + encode("{ ping }") + "&variables=" + encode(json.writeValueAsString(operation.variables()));
			};
			request = FuzzRequest.of("graphql-method", "GET", PATH + query, PATH, caller, csrf);
		}
		else if (pick < 40) {
			String method = NastyValues.oneOf(random, List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"));
			request = FuzzRequest.of("graphql-method", method, PATH, PATH, caller, csrf);
			if (method.equals("OPTIONS") && random.nextBoolean()) {
				request.header("Origin", NastyValues.oneOf(random, List.of("https://client.example", "null", "*", "")))
					.header("Access-Control-Request-Method", NastyValues.oneOf(random, List.of("POST", "DELETE", "FUZZ")))
					.header("Access-Control-Request-Headers", NastyValues.oneOf(random, List.of("authorization", "x-evil", "")));
			}
			request = random.nextBoolean() ? request.withBody("application/json", valid) : request;
		}
		else if (pick < 75) {
			String type = NastyValues.oneOf(random, ODD_CONTENT_TYPES);
			String body = switch (type) {
				case "application/graphql" -> random.nextBoolean() ? "null" : operation.document();
				case "application/x-www-form-urlencoded" -> "query=" + encode(operation.document());
				case "multipart/form-data; boundary=fuzz" -> "--fuzz\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n"
						+ valid + "\r\n--fuzz\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{}\r\n--fuzz--\r\n";
				default -> valid;
			};
			request = FuzzRequest.of("graphql-content-type", "POST", PATH, PATH, caller, csrf).withBody(type, body);
		}
		else if (pick < 85) {
			request = FuzzRequest.of("graphql-content-type", "POST", PATH, PATH, caller, csrf)
				.withBody(random.nextBoolean() ? "application/json" : null, random.nextBoolean() ? "" : null);
		}
		else if (pick < 92) {
			byte[] bytes = switch (random.nextInt(3)) {
				case 0 -> valid.getBytes(StandardCharsets.UTF_16);
				case 1 -> new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
				default -> {
					byte[] noise = new byte[1 + random.nextInt(300)];
					random.nextBytes(noise);
					yield noise;
				}
			};
			request = FuzzRequest.of("graphql-content-type", "POST", PATH, PATH, caller, csrf).withBody("application/json", bytes);
		}
		else {
			request = FuzzRequest.of("graphql-headers", "POST", PATH, PATH, caller, csrf)
				.header(NastyValues.oneOf(random, List.of("Content-Encoding", "Transfer-Encoding", "Accept-Charset",
						"Accept-Language", "X-Forwarded-For", "Origin", "Cookie")), NastyValues.text(random))
				.withBody("application/json", valid);
		}
		if (random.nextInt(4) == 0) {
			request.header("Accept", NastyValues.oneOf(random, ACCEPTS));
		}
		return request;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
