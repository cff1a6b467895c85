package io.featurecreep.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** A request signed in with a personal access token; its name is the token owner's person id. */
final class AccessTokenAuthentication extends AbstractAuthenticationToken {

	private final String personId;

	private AccessTokenAuthentication(String personId) {
		super(AuthorityUtils.createAuthorityList("ROLE_USER"));
		this.personId = personId;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return personId;
	}

	/** The authentication manager for bearer tokens that start with {@link AccessTokens#PREFIX}. */
	static Authentication authenticate(AccessTokens tokens, Authentication bearer) {
		String secret = ((BearerTokenAuthenticationToken) bearer).getToken();
		return tokens.authenticate(secret)
			.map(AccessTokenAuthentication::new)
			.orElseThrow(() -> new InvalidBearerTokenException("Unknown, expired or revoked access token"));
	}

}
