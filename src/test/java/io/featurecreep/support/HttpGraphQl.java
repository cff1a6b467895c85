package io.featurecreep.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL client over real HTTP, sending what the original web client sends: a JSON POST with an operation
 * name and an {@code authorization} header (empty when it has no token).
 */
public final class HttpGraphQl {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI endpoint;

	private final String bearerToken;

	public HttpGraphQl(int port, String bearerToken) {
		this(HttpClient.newHttpClient(), port, bearerToken);
	}

	/** Shares a client (and its connections) with other callers, as a load run needs. */
	public HttpGraphQl(HttpClient http, int port, String bearerToken) {
		this.http = http;
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
		this.bearerToken = bearerToken;
	}

	public GraphQlResponse execute(String operationName, String document, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("operationName", operationName);
		body.put("variables", variables);
		body.put("query", document);
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.header("content-type", "application/json")
			.header("authorization", bearerToken == null ? "" : "Bearer " + bearerToken)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new GraphQlResponse(response.statusCode(), JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
