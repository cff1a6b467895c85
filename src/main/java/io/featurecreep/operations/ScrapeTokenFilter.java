package io.featurecreep.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a scrape through only with the configured bearer token: 401 without it or with another, 404 when no token
 * is configured (the endpoint is then as good as absent). The tokens are compared as SHA-256 digests in constant
 * time, so neither the time taken nor the token's length tells a guesser how close they came.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final byte[] expected;

	ScrapeTokenFilter(String token) {
		this.expected = token == null ? null : digest(token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (expected == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		if (!MessageDigest.isEqual(expected, digest(presented(request)))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String presented(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return "";
		}
		return header.substring(BEARER.length()).strip();
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
