package io.featurecreep.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.featurecreep.shared.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a GraphQL POST before it is handled: headers that can be read, a JSON body (also when sent as
 * {@code application/graphql}, which Spring for GraphQL reads as JSON too), not larger than the limit, and one
 * JSON object. A request that fails gets a GraphQL-shaped error with a code, like every other refusal, and no
 * log line: left to Spring, an unreadable header or a {@code null} body ended in a 500 and a stack trace.
 */
class GraphQlRequestGuard extends OncePerRequestFilter {

	private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

	private final int maxBytes;

	private final JsonMapper json;

	GraphQlRequestGuard(int maxBytes, JsonMapper json) {
		this.maxBytes = maxBytes;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The request is too large (at most " + maxBytes + " bytes)");
			return;
		}
		MediaType contentType;
		try {
			contentType = contentType(request);
		}
		catch (IllegalArgumentException unreadable) {
			refuse(response, HttpStatus.BAD_REQUEST, "The Content-Type header cannot be read; send application/json");
			return;
		}
		if (!readableAccept(request)) {
			refuse(response, HttpStatus.BAD_REQUEST, "The Accept header cannot be read; accept application/json");
			return;
		}
		if (contentType == null || !(MediaType.APPLICATION_JSON.includes(contentType)
				|| APPLICATION_GRAPHQL.includes(contentType))) {
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request as application/json");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
		if (body.length > maxBytes) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The request is too large (at most " + maxBytes + " bytes)");
			return;
		}
		JsonNode parsed;
		try {
			parsed = json.readTree(body);
		}
		catch (JacksonException malformed) {
			refuse(response, HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
			return;
		}
		if (parsed == null || !parsed.isObject()) {
			refuse(response, HttpStatus.BAD_REQUEST,
					"The request body must be one JSON object with a query (batches are not supported)");
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	/**
	 * The body's media type, or null without one. Parsing also checks a charset parameter, which throws an
	 * {@link IllegalArgumentException} of one kind or another for an unknown or malformed name.
	 */
	private static MediaType contentType(HttpServletRequest request) {
		String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
		return type == null ? null : MediaType.parseMediaType(type);
	}

	private static boolean readableAccept(HttpServletRequest request) {
		try {
			for (String accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
				MediaType.parseMediaTypes(accept);
			}
			return true;
		}
		catch (IllegalArgumentException unreadable) {
			return false;
		}
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		Map<String, Object> error = Map.of("message", message, "extensions",
				Map.of("code", ErrorCode.BAD_USER_INPUT.name()));
		json.writeValue(response.getOutputStream(), Map.of("errors", List.of(error)));
	}

	/** The request with its body already read, so the GraphQL handler can read it again. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return body.length == 0 || inAvailable() == 0;
				}

				private int inAvailable() {
					try {
						return in.available();
					}
					catch (IOException ex) {
						return 0;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("The GraphQL body is read synchronously");
				}

			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
