package io.featurecreep.operations;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: in the MDC (so each log line of the request carries it, as
 * {@code requestId} in structured logs) and in the {@code X-Request-Id} response header, so a person reporting a
 * problem can quote it. A well-formed id from the caller (a load balancer's, say) is kept, so its logs and ours
 * line up; anything else is replaced. Also runs on the request's async and error dispatches, with the same id.
 * <p>
 * It runs on every request, so it is cheap: no regular expression, and random ids from
 * {@link ThreadLocalRandom} (a correlation id needs to be unique, not unguessable). Micrometer Tracing would put
 * trace ids in the MDC instead, but needs a tracer bridge and speaks W3C trace headers: more than correlating the
 * lines of one request, which is all this is for.
 */
final class RequestIds extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIds.class.getName() + ".ID";

	private static final int LONGEST = 64;

	private static final HexFormat HEX = HexFormat.of();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (String) request.getAttribute(ATTRIBUTE);
		if (id == null) {
			id = wellFormed(request.getHeader(HEADER)) ? request.getHeader(HEADER) : newId();
			request.setAttribute(ATTRIBUTE, id);
			response.setHeader(HEADER, id);
		}
		String outer = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, outer);
			}
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** 1 to 64 letters, digits, dots, dashes, underscores and colons: what load balancers send, and safe in any log. */
	static boolean wellFormed(String id) {
		if (id == null || id.isEmpty() || id.length() > LONGEST) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
					|| c == '_' || c == '.' || c == ':';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

}
