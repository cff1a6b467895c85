package io.featurecreep.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals by the security filters, answered the way the GraphQL API reports errors (a message and an
 * {@code extensions.code}), since GraphQL clients are who sends bearer tokens. Fixed texts only: nothing
 * from the exception reaches the client.
 */
final class GraphQlSecurityErrors {

	static final String INVALID_TOKEN = "Context creation failed: Invalid JWT.";

	static final String TOKEN_REQUIRED = "Context creation failed: JWT is required";

	static final String CSRF_REQUIRED = "This request needs the CSRF token of the page (header X-CSRF-TOKEN)";

	static final String INACTIVE_ACCOUNT = "Context creation failed: this account has been deactivated";

	private GraphQlSecurityErrors() {
	}

	/** 401 for a bearer token that failed, or for no credentials where they are needed. */
	static AuthenticationEntryPoint unauthenticated() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
			if (failure instanceof NotAdmitted refused) {
				write(response, HttpStatus.FORBIDDEN, refused.getMessage(), "FORBIDDEN");
				return;
			}
			boolean badToken = failure instanceof OAuth2AuthenticationException;
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
			write(response, HttpStatus.UNAUTHORIZED, badToken ? INVALID_TOKEN : TOKEN_REQUIRED, "UNAUTHENTICATED");
		};
	}

	/** 403 for a cookie-authenticated GraphQL request without the CSRF token. */
	static AccessDeniedHandler forbidden() {
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> write(
				response, HttpStatus.FORBIDDEN, CSRF_REQUIRED, "FORBIDDEN");
	}

	/** 401 for a request of a deactivated or erased person, whatever credentials it brought. */
	static void inactiveAccount(HttpServletResponse response) throws IOException {
		write(response, HttpStatus.UNAUTHORIZED, INACTIVE_ACCOUNT, "UNAUTHENTICATED");
	}

	private static void write(HttpServletResponse response, HttpStatus status, String message, String code)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		// the messages are constants without quotes or backslashes, so plain concatenation is valid JSON
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}");
	}

}
