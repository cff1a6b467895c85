package io.featurecreep.identity;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where an organisation invite link leads: a valid one is kept for this browser until it signs up, with a password
 * or through a provider, and the page offers both; an expired, used up or revoked one says so and what to do.
 */
@Controller
class InvitationPages {

	private final OrganisationInvites invites;

	private final Invitations invitations;

	InvitationPages(OrganisationInvites invites, Invitations invitations) {
		this.invites = invites;
		this.invitations = invitations;
	}

	@GetMapping(OrganisationInvites.PATH + "{token}")
	String invitation(@PathVariable String token, Principal principal, HttpServletRequest request, Model model) {
		boolean signedIn = principal != null && !(principal instanceof AnonymousAuthenticationToken);
		boolean valid = !signedIn && invites.usable(token).isPresent();
		if (valid) {
			invitations.remember(token, request);
		}
		model.addAttribute("signedIn", signedIn);
		model.addAttribute("valid", valid);
		return "identity/invitation";
	}

}
