package io.featurecreep.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.featurecreep.identity.AttemptLimits.Limit;

/**
 * Password guessing through the sign-in form, limited per account (the e-mail address typed) and per client
 * address. Each attempt counts before Spring Security's form login checks the password, so that a burst of
 * parallel guesses cannot slip in before the first failure is counted; a successful sign-in then forgets the
 * account's failures and hands the address back its attempt. It does not wipe the address's earlier failures:
 * an attacker with one account of their own could otherwise reset the address's count at will.
 * <p>
 * A refused attempt never reaches the password check, whether the password was right or not (otherwise the
 * refusal would tell a right guess from a wrong one), and is answered with 429 and the sign-in page saying when
 * to try again ({@link SignInController}, reached by a forward, as Spring Security's own failure handler can).
 * The client address is {@code request.getRemoteAddr()}: behind a proxy, the operator sets
 * {@code server.forward-headers-strategy} so that it is the browser's, not the proxy's.
 */
@Component
class SignInThrottle {

	static final String REFUSED_PATH = "/signin/refused";

	static final String REFUSAL = SignInThrottle.class.getName() + ".REFUSAL";

	private final RequestMatcher signIn = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/signin");

	private final AttemptLimits limits;

	private final SignInTimes signInTimes;

	SignInThrottle(AttemptLimits limits, SignInTimes signInTimes) {
		this.limits = limits;
		this.signInTimes = signInTimes;
	}

	/** The filter that counts each attempt, before the form login filter. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (signIn.matches(request)) {
					try {
						limits.take(account(request), address(request));
					}
					catch (TooManyAttempts refused) {
						request.setAttribute(REFUSAL, refused);
						response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
						response.setHeader("Retry-After", Long.toString(refused.seconds()));
						request.getRequestDispatcher(REFUSED_PATH).forward(request, response);
						return;
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	/** What follows a successful sign-in: the counts above, then back to the page that asked for sign-in. */
	AuthenticationSuccessHandler onSuccess(String defaultTarget, RequestCache requestCache) {
		SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
		next.setDefaultTargetUrl(defaultTarget);
		next.setRequestCache(requestCache);
		return (request, response, authentication) -> {
			limits.forget(account(request));
			limits.giveBack(address(request));
			signInTimes.signedIn(request);
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AttemptLimits.Key account(HttpServletRequest request) {
		return Limit.SIGN_IN_PER_ACCOUNT.of(LocalAccounts.normalise(request.getParameter("email")));
	}

	private static AttemptLimits.Key address(HttpServletRequest request) {
		return Limit.SIGN_IN_PER_ADDRESS.of(request.getRemoteAddr());
	}

}
