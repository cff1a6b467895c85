package io.featurecreep.identity;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in person into every page's model as {@code me}, for the page header. htmx fragment
 * requests skip it: they render no header, and live pages fetch many of them.
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInPerson {

	private final People people;

	SignedInPerson(People people) {
		this.people = people;
	}

	@ModelAttribute("me")
	Person me(Principal principal, HttpServletRequest request) {
		if (principal == null || principal instanceof AnonymousAuthenticationToken
				|| request.getHeader("HX-Request") != null) {
			return null;
		}
		return people.findById(principal.getName()).orElse(null);
	}

}
