package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.firewall.RequestRejectedException;

/** Telling htmx's requests (for a part of a page) from a browser's (for a whole page). */
final class HtmxRequests {

	private HtmxRequests() {
	}

	/**
	 * Whether htmx sent the request. Spring Security's firewall refuses to give out a header with control characters,
	 * and only when it is read, which may be while an error page is drawn: such a header counts as absent, so the
	 * request gets its whole page (or its error page) instead of failing on the way (found by FuzzTests).
	 */
	static boolean fromHtmx(HttpServletRequest request) {
		try {
			return request.getHeader("HX-Request") != null;
		}
		catch (RequestRejectedException unreadable) {
			return false;
		}
	}

}
