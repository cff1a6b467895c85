package io.featurecreep.identity;

import java.security.Principal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;

import io.featurecreep.shared.DomainException;

/**
 * The id of the person behind a request. Every way of signing in (password, OIDC, JWT bearer, access
 * token, dev mode) ends with an authentication whose name is the person's id.
 */
public final class Callers {

	private Callers() {
	}

	public static String id(Principal principal) {
		if (principal == null || principal instanceof AnonymousAuthenticationToken) {
			throw DomainException.unauthenticated("Context creation failed: JWT is required");
		}
		return principal.getName();
	}

}
