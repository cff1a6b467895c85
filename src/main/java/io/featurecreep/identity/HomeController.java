package io.featurecreep.identity;

import java.security.Principal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A minimal start page: who is signed in, and where to go. The squad workspace will replace it. */
@Controller
class HomeController {

	private final People people;

	HomeController(People people) {
		this.people = people;
	}

	@GetMapping("/")
	String home(Principal principal, Model model) {
		if (principal != null && !(principal instanceof AnonymousAuthenticationToken)) {
			model.addAttribute("person", people.findById(principal.getName()).orElse(null));
		}
		return "identity/home";
	}

}
