package io.featurecreep.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: what Feature Creep is, and the way in (or, when signed in, the way to the workspace). */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "identity/home";
	}

}
