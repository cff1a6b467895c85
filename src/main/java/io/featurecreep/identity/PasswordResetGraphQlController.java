package io.featurecreep.identity;

import java.security.Principal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.shared.DomainException;

/** Password reset links for organisation admins over GraphQL ({@link PasswordResets#issueLink}). */
@Controller
class PasswordResetGraphQlController {

	private final PeopleAdministration administration;

	PasswordResetGraphQlController(PeopleAdministration administration) {
		this.administration = administration;
	}

	/**
	 * Like minting access tokens, not with an access token: a leaked token must not be enough to take over
	 * other people's accounts.
	 */
	@MutationMapping
	String createPasswordResetLink(@Argument String personId, Principal principal) {
		String callerId = Callers.id(principal);
		if (principal instanceof AccessTokenAuthentication) {
			throw DomainException.forbidden("Access tokens cannot create password reset links; sign in to create one");
		}
		return administration.resetLink(callerId, personId);
	}

}
