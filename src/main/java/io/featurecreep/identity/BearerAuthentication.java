package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Picks how a bearer token is checked: {@code fcp_...} is a personal access token, anything else a JWT.
 * Its token resolver also decides, for the resource server, whether a request carries a bearer token at
 * all, and with it whether the request is exempt from CSRF protection.
 */
final class BearerAuthentication implements AuthenticationManagerResolver<HttpServletRequest> {

	private final BearerTokenResolver tokens = new OncePerRequest(new AuthorizationHeader());

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
	 * The token of the {@code Authorization} header, as Spring Security's {@code DefaultBearerTokenResolver} finds it
	 * (which also takes no token from parameters unless told to), but read once and checked by a loop instead of its
	 * regular expression: the header of a JWT is 800 characters long, and the pattern cost a tenth of a GraphQL
	 * request's time (issue #15). The original client sends an empty header, or just "Bearer", when it has no token:
	 * that means "no credentials", not "bad credentials", so that GraphQL can answer with its own message.
	 */
	static final class AuthorizationHeader implements BearerTokenResolver {

		private static final String SCHEME = "Bearer ";

		private static final boolean[] TOKEN_CHARACTERS = tokenCharacters();

		@Override
		public String resolve(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || header.isBlank() || header.strip().equalsIgnoreCase("bearer")
					|| !header.regionMatches(true, 0, "bearer", 0, 6)) {
				return null;
			}
			if (!wellFormed(header)) {
				throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
			}
			return header.substring(SCHEME.length());
		}

		/** RFC 6750's {@code Bearer b64token}: {@code ^Bearer [a-zA-Z0-9-._~+/]+=*$}, the scheme in any case. */
		private static boolean wellFormed(String header) {
			if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
				return false;
			}
			int i = SCHEME.length();
			while (i < header.length() && tokenCharacter(header.charAt(i))) {
				i++;
			}
			if (i == SCHEME.length()) {
				return false;
			}
			while (i < header.length() && header.charAt(i) == '=') {
				i++;
			}
			return i == header.length();
		}

		private static boolean tokenCharacter(char c) {
			return c < TOKEN_CHARACTERS.length && TOKEN_CHARACTERS[c];
		}

		private static boolean[] tokenCharacters() {
			boolean[] allowed = new boolean[128];
			for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/".toCharArray()) {
				allowed[c] = true;
			}
			return allowed;
		}

	}

	/**
	 * The token is asked for several times per request (which authentication manager, the resource server's filter,
	 * its CSRF exemption), and each time the firewall checked the whole header again (issue #15). The request's token
	 * is found once and kept with the request; a request without one keeps that too.
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
