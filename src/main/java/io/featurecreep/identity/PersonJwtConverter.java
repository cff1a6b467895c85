package io.featurecreep.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.util.StringUtils;

/**
 * Turns a verified JWT into an authentication named after the person it belongs to, creating the person
 * on first sight from the standard OIDC claims (as the original did with Cognito tokens), if the sign-up policy
 * lets them in.
 */
final class PersonJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	/** Stands in for the issuer of tokens without an {@code iss} claim (only possible with a fixed public key). */
	static final String NO_ISSUER = "urn:feature-creep:no-issuer";

	private final ExternalSignIn signIn;

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	PersonJwtConverter(ExternalSignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		if (!StringUtils.hasText(jwt.getSubject())) {
			throw new InvalidBearerTokenException("The JWT has no subject");
		}
		String issuer = jwt.getIssuer() == null ? NO_ISSUER : jwt.getIssuer().toString();
		String personId;
		try {
			personId = signIn.personId(issuer, jwt.getSubject(), jwt.getClaimAsString("email"),
					jwt.getClaimAsBoolean("email_verified"), jwt.getClaimAsString("given_name"),
					jwt.getClaimAsString("family_name"));
		}
		catch (SignUpRefused refused) {
			throw new NotAdmitted(refused);
		}
		return new JwtAuthenticationToken(jwt, scopes.convert(jwt), personId);
	}

}
