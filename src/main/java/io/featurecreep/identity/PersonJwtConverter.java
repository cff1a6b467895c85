package io.featurecreep.identity;

import java.util.Objects;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
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

	/** The last issuer seen, as its claim reads and as a URL: one or two issuers sign every token of a server. */
	private volatile Issuer lastIssuer = new Issuer(null, NO_ISSUER);

	PersonJwtConverter(ExternalSignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		if (!StringUtils.hasText(jwt.getSubject())) {
			throw new InvalidBearerTokenException("The JWT has no subject");
		}
		String issuer = issuer(jwt);
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

	/**
	 * The issuer as {@link Jwt#getIssuer()} gives it, a URL written out again: converting the claim to a URL on every
	 * request cost more than the rest of this converter (issue #15), so the last conversion is kept.
	 */
	private String issuer(Jwt jwt) {
		String claim = jwt.getClaimAsString(JwtClaimNames.ISS);
		Issuer last = lastIssuer;
		if (Objects.equals(claim, last.claim())) {
			return last.name();
		}
		Issuer issuer = new Issuer(claim, jwt.getIssuer() == null ? NO_ISSUER : jwt.getIssuer().toString());
		lastIssuer = issuer;
		return issuer.name();
	}

	private record Issuer(String claim, String name) {
	}

}
