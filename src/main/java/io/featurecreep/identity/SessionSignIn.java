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

	/** Where squad invite links lead (the squads module answers them). */
	private static final String JOIN = "/join/";

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

	/** The token of the squad invite link that sent the browser to sign-in, if one did (the pages then say so). */
	java.util.Optional<String> inviteToken(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = requestCache.getRequest(request, response);
		if (saved == null) {
			return java.util.Optional.empty();
		}
		String path = java.net.URI.create(saved.getRedirectUrl()).getPath();
		return path != null && path.startsWith(JOIN) && path.length() > JOIN.length()
				? java.util.Optional.of(path.substring(JOIN.length())) : java.util.Optional.empty();
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
