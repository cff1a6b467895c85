package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Picks how a bearer token is checked: {@code fcp_...} is a personal access token, anything else a JWT.
 * Its token resolver also decides, for the resource server, whether a request carries a bearer token at
 * all, and with it whether the request is exempt from CSRF protection.
 */
final class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private final BearerTokenResolver tokens = new OncePerRequest(new BlankMeansNone(new DefaultBearerTokenResolver()));

	private final AuthenticationManager accessTokens;

	private final AuthenticationManager jwts;

	BearerAuthentication(AuthenticationManager accessTokens, AuthenticationManager jwts) {
		this.accessTokens = accessTokens;
		this.jwts = jwts;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		String token = tokens.resolve(request);
		return token != null && token.startsWith(AccessTokens.PREFIX) ? accessTokens : jwts;
	}

	BearerTokenResolver tokenResolver() {
		return tokens;
	}

	/**
	 * The original client sends an empty {@code Authorization} header when it has no token. That means
	 * "no credentials", not "bad credentials", so that GraphQL can answer with its own message.
	 */
	private record BlankMeansNone(BearerTokenResolver delegate) implements BearerTokenResolver {

		@Override
		public String resolve(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header != null && (header.isBlank() || header.strip().equalsIgnoreCase("bearer"))) {
				return null;
			}
			return delegate.resolve(request);
		}

	}

	/**
	 * The token is asked for several times per request (which authentication manager, the resource server's filter,
	 * its CSRF exemption), and each time the firewall checked the whole header and the resolver matched it against
	 * its pattern again: a twentieth of a GraphQL request's time in a profile (issue #15). The request's token is
	 * found once and kept with the request; a request without one keeps that too.
	 */
	private record OncePerRequest(BearerTokenResolver delegate) implements BearerTokenResolver {

		private static final String RESOLVED = OncePerRequest.class.getName() + ".RESOLVED";

		private static final String NONE = OncePerRequest.class.getName() + ".NONE";

		@Override
		public String resolve(HttpServletRequest request) {
			Object known = request.getAttribute(RESOLVED);
			if (known != null) {
				return known == NONE ? null : (String) known;
			}
			String token = delegate.resolve(request);
			request.setAttribute(RESOLVED, token == null ? NONE : token);
			return token;
		}

	}

}
