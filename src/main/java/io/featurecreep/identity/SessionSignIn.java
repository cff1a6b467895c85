package io.featurecreep.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * How a browser session holds a sign-in. The security filter chain and the sign-up page share these
 * repositories, so that signing in right after sign-up behaves exactly like a form sign-in: new session
 * id, new CSRF token, back to the page that asked for sign-in.
 */
@Component
class SessionSignIn {

	/** Where a sign-in ends when no page asked for it. */
	static final String HOME = "/workspace";

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final CsrfTokenRepository csrfTokenRepository = new HttpSessionCsrfTokenRepository();

	private final RequestCache requestCache = pagesOnly(new HttpSessionRequestCache());

	private final SessionAuthenticationStrategy sessionStrategy = new CompositeSessionAuthenticationStrategy(
			List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokenRepository)));

	SecurityContextRepository contextRepository() {
		return contextRepository;
	}

	CsrfTokenRepository csrfTokenRepository() {
		return csrfTokenRepository;
	}

	RequestCache requestCache() {
		return requestCache;
	}

	/** Signs the session in and answers where to send the browser next. */
	String signIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		sessionStrategy.onAuthentication(authentication, request, response);
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(authentication);
		holder.setContext(context);
		contextRepository.saveContext(context, request, response);
		SavedRequest saved = requestCache.getRequest(request, response);
		return saved == null ? HOME : saved.getRedirectUrl();
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
