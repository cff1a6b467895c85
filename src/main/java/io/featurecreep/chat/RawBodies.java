package io.featurecreep.chat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the exact bytes of every request to the chat interaction endpoints, read first of all (before security, before
 * any filter could parse a form body): a chat's signature covers those bytes, and a body parsed and written again
 * would not match it. Bodies over {@link #MAX_BYTES} are refused at once (413); chats send far less.
 */
@Configuration(proxyBeanMethods = false)
class RawBodies {

	static final String PATHS = "/integrations/*";

	static final int MAX_BYTES = 256 * 1024;

	private static final String ATTRIBUTE = RawBodies.class.getName() + ".body";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> rawBodyFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Keeper());
		registration.addUrlPatterns(PATHS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("chatRawBodies");
		return registration;
	}

	/** The request's body as it arrived; empty for a request the filter did not see. */
	static byte[] of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof byte[] body ? body : new byte[0];
	}

	private static final class Keeper extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!"POST".equals(request.getMethod())) {
				chain.doFilter(request, response);
				return;
			}
			byte[] body;
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes(MAX_BYTES + 1);
			}
			if (body.length > MAX_BYTES) {
				response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				return;
			}
			request.setAttribute(ATTRIBUTE, body);
			chain.doFilter(new Replayed(request, body), response);
		}

	}

	/** The request with its body readable again, from the kept bytes. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Read synchronously");
				}

			};
		}

	}

}
