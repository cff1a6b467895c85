package io.featurecreep.identity;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.featurecreep.shared.PageFrame;

/**
 * Puts the signed-in person into every page's model as {@code me}, for the page header, error pages included.
 * htmx fragment requests skip it: they render no header, and live pages fetch many of them.
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInPerson implements PageFrame {

	private final People people;

	SignedInPerson(People people) {
		this.people = people;
	}

	@ModelAttribute("me")
	Person me(Principal principal, HttpServletRequest request) {
		if (principal == null || principal instanceof AnonymousAuthenticationToken
				|| HtmxRequests.fromHtmx(request)) {
			return null;
		}
		return people.findById(principal.getName()).orElse(null);
	}

	@Override
	public Map<String, Object> attributes(HttpServletRequest request) {
		Person me = me(request.getUserPrincipal(), request);
		return me == null ? Map.of() : Map.of("me", me);
	}

}
