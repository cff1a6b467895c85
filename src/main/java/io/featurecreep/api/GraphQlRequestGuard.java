package io.featurecreep.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

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
 * Checks a GraphQL POST body before it is handled: not larger than the limit, and one JSON object. A body
 * that fails gets a GraphQL-shaped error with a code, like every other refusal.
 */
class GraphQlRequestGuard extends OncePerRequestFilter {

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
		byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
		if (body.length > maxBytes) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The request is too large (at most " + maxBytes + " bytes)");
			return;
		}
		if (isJson(request)) {
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
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON);
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
