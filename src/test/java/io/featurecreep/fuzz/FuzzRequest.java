package io.featurecreep.fuzz;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * One generated request, kept as plain data rather than as a MockMvc builder: so it can be printed as a
 * reproducer when it breaks something, and built again from the print.
 *
 * @param kind what the generator meant to exercise (counted in the report), e.g. {@code graphql-operation}
 * @param method any HTTP method name
 * @param uri path and query, already percent-encoded
 * @param route the mapped route it aims at (a path pattern), to tell failures of one place from another
 * @param caller who sends it
 * @param csrf the CSRF token it carries
 * @param headers extra headers, in order (a name may repeat)
 * @param contentType the Content-Type header, or null for none
 * @param body the raw body, or null for none
 */
record FuzzRequest(String kind, String method, String uri, String route, Caller caller, Csrf csrf, List<Map.Entry<String, String>> headers,
		String contentType, byte[] body) {

	/** Who sends the request: nobody, a person signed in with a session, or a bearer token. */
	enum Caller {

		ANONYMOUS, OWNER, MEMBER, STRANGER, ADMIN,
		/** A personal access token of the member, as API clients send it. */
		BEARER,
		/** A token that is none: garbage, expired-looking, huge. */
		BAD_BEARER

	}

	enum Csrf {

		NONE, VALID, INVALID

	}

	static FuzzRequest of(String kind, String method, String uri, String route, Caller caller, Csrf csrf) {
		return new FuzzRequest(kind, method, uri, route, caller, csrf, new ArrayList<>(), null, null);
	}

	FuzzRequest header(String name, String value) {
		headers.add(Map.entry(name, value));
		return this;
	}

	FuzzRequest withBody(String type, String text) {
		return withBody(type, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
	}

	FuzzRequest withBody(String type, byte[] bytes) {
		return new FuzzRequest(kind, method, uri, route, caller, csrf, headers, type, bytes);
	}

	/** The MockMvc request; {@code world} turns the caller into a person or a token. */
	MockHttpServletRequestBuilder toMockMvc(FuzzWorld world) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, URI.create(uri));
		switch (caller) {
			case ANONYMOUS -> {
			}
			case BEARER -> request.header("Authorization", "Bearer " + world.memberToken());
			case BAD_BEARER -> request.header("Authorization", world.badToken());
			default -> request.with(user(world.personId(caller)));
		}
		switch (csrf) {
			case NONE -> {
			}
			case VALID -> request.with(SecurityMockMvcRequestPostProcessors.csrf());
			case INVALID -> request.with(SecurityMockMvcRequestPostProcessors.csrf().useInvalidToken());
		}
		for (Map.Entry<String, String> header : headers) {
			request.header(header.getKey(), header.getValue());
		}
		if (contentType != null && parses(contentType)) {
			request.contentType(contentType);
		}
		else if (contentType != null) {
			// set on the built request: MockMvc's builder refuses what it cannot parse, a server takes it as it comes
			request.with(built -> {
				built.setContentType(contentType);
				return built;
			});
		}
		if (body != null) {
			request.content(body);
		}
		return request;
	}

	private static boolean parses(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			type.getCharset();
			return true;
		}
		catch (IllegalArgumentException unparsable) {
			return false;
		}
	}

	/** The request as a reader needs it to send it again: control characters escaped, long parts cut. */
	String describe() {
		StringBuilder text = new StringBuilder();
		text.append(method).append(' ').append(Shown.cut(uri, 400)).append("   [").append(kind).append(", as ")
			.append(caller).append(", CSRF token ").append(csrf).append(']');
		for (Map.Entry<String, String> header : headers) {
			text.append("\n      ").append(header.getKey()).append(": ").append(Shown.cut(header.getValue(), 200));
		}
		if (contentType != null) {
			text.append("\n      Content-Type: ").append(Shown.cut(contentType, 200));
		}
		if (body != null) {
			text.append("\n      body (").append(body.length).append(" bytes): ")
				.append(Shown.cut(new String(body, StandardCharsets.UTF_8), 600));
		}
		return text.toString();
	}

	/** Text made printable: control and invisible characters as {@code \\uXXXX}, long text cut with its length. */
	static final class Shown {

		private Shown() {
		}

		static String cut(String value, int max) {
			if (value == null) {
				return "null";
			}
			StringBuilder shown = new StringBuilder();
			int limit = Math.min(value.length(), max);
			if (limit < value.length() && Character.isHighSurrogate(value.charAt(limit - 1))) {
				limit--; // never half a character: the report could not be printed after it
			}
			for (int i = 0; i < limit; i++) {
				char c = value.charAt(i);
				if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x202E || c == 0x2028 || c == 0x2029
						|| Character.isSurrogate(c) && !validPair(value, i)) {
					shown.append(String.format("\\u%04X", (int) c));
				}
				else {
					shown.append(c);
				}
			}
			if (value.length() > max) {
				shown.append("… (").append(value.length()).append(" characters)");
			}
			return shown.toString();
		}

		private static boolean validPair(String value, int i) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
			}
			return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
		}

	}

}
