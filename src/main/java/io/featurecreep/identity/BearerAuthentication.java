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

	private final BearerTokenResolver tokens = new BlankMeansNone(new DefaultBearerTokenResolver());

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

}
