package io.featurecreep.shared;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Text that no page and no query may carry, refused once for every request instead of by each handler: the NUL
 * character, which PostgreSQL cannot store or even compare (every query with it failed, as a 500, in 23 places a
 * fuzzer found), and curly braces in an address, which none of ours has and which a redirect back to that address
 * would read as a URI template. Forms and query strings get a 400 before anything else reads them (sign-in
 * included); GraphQL requests are checked by {@code api}'s interceptor with {@link #carriesNul}. A request in a
 * charset nobody can read (a broken name such as {@code charset="}) gets a 400 here too, before the first reader
 * of its body or address fails on it.
 */
@Configuration(proxyBeanMethods = false)
public class UnstorableText {

	/** A NUL written as an escape in a GraphQL document ("\u0000"), which the parser turns into the character. */
	private static final Pattern ESCAPED_NUL = Pattern.compile("\\\\u0000");

	/** Whether a GraphQL document or any string among its variables holds a NUL character. */
	public static boolean carriesNul(String document, Map<String, Object> variables) {
		return (document != null && (document.indexOf('\0') >= 0 || ESCAPED_NUL.matcher(document).find()))
				|| holdsNul(variables);
	}

	private static boolean holdsNul(Object value) {
		if (value instanceof String text) {
			return text.indexOf('\0') >= 0;
		}
		if (value instanceof Map<?, ?> map) {
			return map.keySet().stream().anyMatch(UnstorableText::holdsNul)
					|| map.values().stream().anyMatch(UnstorableText::holdsNul);
		}
		if (value instanceof Collection<?> list) {
			return list.stream().anyMatch(UnstorableText::holdsNul);
		}
		return false;
	}

	/** Before Spring Security, so that a NUL in a sign-in form never reaches the database either. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> unstorableTextFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Refusal());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Refuses a request whose address or parameters hold what cannot be stored or redirected to. */
	static final class Refusal extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI();
			boolean refused = path.indexOf('\0') >= 0 || path.contains("%00") || path.indexOf('{') >= 0
					|| path.indexOf('}') >= 0 || path.toLowerCase(java.util.Locale.ROOT).contains("%7b")
					|| path.toLowerCase(java.util.Locale.ROOT).contains("%7d");
			if (!refused && !request.getRequestURI().startsWith("/graphql")) {
				refused = request.getParameterMap()
					.entrySet()
					.stream()
					.anyMatch(e -> e.getKey().indexOf('\0') >= 0
							|| java.util.Arrays.stream(e.getValue()).anyMatch(v -> v != null && v.indexOf('\0') >= 0));
			}
			if (refused) {
				response.sendError(HttpStatus.BAD_REQUEST.value(),
						"The request holds a NUL character or curly braces in its address, which nothing here accepts");
				return;
			}
			if (!readableCharset(request.getCharacterEncoding())) {
				// every reader of the body or the parameters would fail on it, some of them with a 500
				response.sendError(HttpStatus.BAD_REQUEST.value(), "The request's charset is not one we can read");
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean readableCharset(String name) {
			try {
				return name == null || java.nio.charset.Charset.isSupported(name);
			}
			catch (IllegalArgumentException illegalName) {
				return false;
			}
		}

		/** Error dispatches carry the original request's attributes only: nothing new to check. */
		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return true;
		}

	}

}
