package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * How a browser session holds a sign-in: the repositories the security filter chain uses, and the page the
 * browser is sent back to after signing in (which the sign-in and sign-up pages also read, to say that an invite
 * link is waiting).
 */
@Component
class SessionSignIn {

	/** Where a sign-in ends when no page asked for it. */
	static final String HOME = "/workspace";

	private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final CsrfTokenRepository csrfTokenRepository = new HttpSessionCsrfTokenRepository();

	private final RequestCache requestCache = pagesOnly(new HttpSessionRequestCache());

	SecurityContextRepository contextRepository() {
		return contextRepository;
	}

	CsrfTokenRepository csrfTokenRepository() {
		return csrfTokenRepository;
	}

	RequestCache requestCache() {
		return requestCache;
	}

	/** Whether the page that sent the browser to sign-in is an invite link (the pages then say so). */
	boolean joiningASquad(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = requestCache.getRequest(request, response);
		return saved != null && saved.getRedirectUrl().contains("/join/");
	}

	/**
	 * Only a page the browser navigated to is worth returning to after sign-in: not an htmx fragment, an
	 * event stream or a script's request.
	 */
	private static HttpSessionRequestCache pagesOnly(HttpSessionRequestCache cache) {
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
				&& !String.valueOf(request.getHeader("Accept")).contains("text/event-stream")
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
		return cache;
	}

}
