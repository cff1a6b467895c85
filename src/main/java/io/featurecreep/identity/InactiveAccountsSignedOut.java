package io.featurecreep.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every request of a deactivated or erased person, however it signed in (browser session, OIDC, JWT,
 * personal access token), after the sign-in filters and before anything else looks at it. A browser session ends
 * there and then: the next request of any of the person's browsers, on any node, finds its account inactive. A page
 * goes to the sign-in page, which says why; an htmx request sends its whole page there; API clients and event streams
 * get a 401 in the GraphQL error shape.
 * <p>
 * The check comes after the password, not before it: only someone who knows the password learns that the account is
 * deactivated. It also notes when bearer-token clients last signed in, since each of their requests is a sign-in.
 */
final class InactiveAccountsSignedOut extends OncePerRequestFilter {

	static final String SIGN_IN_PAGE = "/signin?deactivated";

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final AccountStatuses statuses;

	private final LastSignIns lastSignIns;

	InactiveAccountsSignedOut(AccountStatuses statuses, LastSignIns lastSignIns) {
		this.statuses = statuses;
		this.lastSignIns = lastSignIns;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = holder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		String personId = authentication.getName();
		boolean bearer = authentication instanceof JwtAuthenticationToken
				|| authentication instanceof AccessTokenAuthentication;
		if (statuses.mayUse(personId)) {
			if (bearer) {
				lastSignIns.record(personId);
			}
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		holder.clearContext();
		String signIn = request.getContextPath() + SIGN_IN_PAGE;
		if (HtmxRequests.fromHtmx(request)) {
			response.setHeader("HX-Redirect", signIn);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		}
		else if (!bearer && isPage(request)) {
			response.sendRedirect(signIn);
		}
		else {
			GraphQlSecurityErrors.inactiveAccount(response);
		}
	}

	/** A page the browser navigates to, or a form it posts, rather than a script's request or an event stream. */
	private static boolean isPage(HttpServletRequest request) {
		String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
		return !request.getRequestURI().startsWith(request.getContextPath() + "/graphql")
				&& !accept.contains("text/event-stream") && !accept.startsWith("application/json")
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
	}

}
