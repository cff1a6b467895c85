package io.featurecreep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A GraphQL response as a client sees it, with short ways to read data by path and errors. */
public record GraphQlResponse(int status, JsonNode body) {

	/** The node at a dotted path below {@code data}, e.g. {@code squad.members.0.id}. */
	public JsonNode data(String path) {
		JsonNode node = body.path("data");
		for (String part : path.split("\\.")) {
			node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
		}
		return node;
	}

	public String text(String path) {
		JsonNode node = data(path);
		return node.isNull() || node.isMissingNode() ? null : node.asString();
	}

	public List<String> errorMessages() {
		List<String> messages = new ArrayList<>();
		body.path("errors").forEach(error -> messages.add(error.path("message").asString()));
		return messages;
	}

	public List<String> errorCodes() {
		List<String> codes = new ArrayList<>();
		body.path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asString()));
		return codes;
	}

	/** Asserts there were no errors and returns this response. */
	public GraphQlResponse ok() {
		// a failure outside GraphQL (a filter's, say) answers 500 with a body that has no "errors" either
		assertThat(status).as("HTTP status of %s", body).isEqualTo(200);
		assertThat(body.path("errors").isMissingNode() || body.path("errors").isEmpty())
			.as("errors in %s", body)
			.isTrue();
		return this;
	}

	/** Asserts exactly one error with this message and code. */
	public GraphQlResponse failsWith(String message, String code) {
		assertThat(errorMessages()).as("errors in %s", body).containsExactly(message);
		assertThat(errorCodes()).as("codes in %s", body).containsExactly(code);
		return this;
	}

}
