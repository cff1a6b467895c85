package io.featurecreep.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * OIDC sign-in: loads the user as Spring Security does, then provisions the person (if the sign-up policy lets a
 * new one in) and answers a user whose name is the person id (the session keeps it, so later requests need no
 * database lookup).
 */
final class PersonOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	/** The error code of a sign-in refused by the sign-up policy; the error's description is the reason. */
	static final String SIGN_UP_REFUSED = "sign_up_refused";

	private final OidcUserService delegate = new OidcUserService();

	private final ExternalSignIn signIn;

	PersonOidcUserService(ExternalSignIn signIn) {
		this.signIn = signIn;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = delegate.loadUser(request);
		Person person;
		try {
			person = signIn.person(user.getIssuer().toString(), user.getSubject(), user.getEmail(),
					user.getEmailVerified(), user.getGivenName(), user.getFamilyName());
		}
		catch (SignUpRefused refused) {
			// the sign-in page reads the reason back from the failed sign-in, and says how to get in
			throw new OAuth2AuthenticationException(new OAuth2Error(SIGN_UP_REFUSED, refused.reason().name(), null),
					refused.getMessage());
		}
		return new PersonOidcUser(user.getAuthorities(), user.getIdToken(), user.getUserInfo(), person.id());
	}

	/**
	 * Plain OAuth2 providers (no ID token) have no standard issuer and subject to tie a person to, so they
	 * are refused instead of producing a sign-in whose name is not a person id.
	 */
	static OAuth2UserService<OAuth2UserRequest, OAuth2User> refusePlainOAuth2() {
		return request -> {
			throw new OAuth2AuthenticationException(new OAuth2Error("unsupported_provider",
					"Only OpenID Connect providers are supported; add the 'openid' scope to "
							+ request.getClientRegistration().getRegistrationId(),
					null));
		};
	}

	/** An OIDC user named after the person, not after a claim. */
	static final class PersonOidcUser extends DefaultOidcUser {

		private final String personId;

		PersonOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
				String personId) {
			super(authorities, idToken, userInfo);
			this.personId = personId;
		}

		@Override
		public String getName() {
			return personId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PersonOidcUser that && super.equals(that) && personId.equals(that.personId);
		}

		@Override
		public int hashCode() {
			return 31 * super.hashCode() + personId.hashCode();
		}

	}

}
