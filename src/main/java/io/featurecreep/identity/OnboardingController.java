package io.featurecreep.identity;

import java.security.Principal;
import java.util.regex.Pattern;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.shared.DomainException;

/**
 * Finishing a profile: people who signed in through another provider may have no name or e-mail yet, and
 * squad mates need to know who is who. Pages that need a complete profile send people here first.
 */
@Controller
class OnboardingController {

	static final String VIEW = "identity/onboarding";

	/** "/" then no second "/" at once, and only visible ASCII characters other than the backslash. */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(?!/)[\\x21-\\x5B\\x5D-\\x7E]*");

	private final People people;

	private final Accounts accounts;

	OnboardingController(People people, Accounts accounts) {
		this.people = people;
		this.accounts = accounts;
	}

	@GetMapping("/onboarding")
	String form(@RequestParam(required = false) String next, Principal principal, Model model) {
		Person person = people.findById(Callers.id(principal)).orElseThrow();
		ProfileForm form = new ProfileForm();
		form.setFirstName(person.firstName());
		form.setLastName(person.lastName());
		form.setEmail(person.email());
		model.addAttribute("profile", form);
		model.addAttribute("next", safeNext(next));
		return VIEW;
	}

	@PostMapping("/onboarding")
	String save(@ModelAttribute("profile") ProfileForm form, BindingResult errors,
			@RequestParam(required = false) String next, Principal principal, Model model) {
		model.addAttribute("next", safeNext(next));
		form.checkProfile(errors);
		if (errors.hasErrors()) {
			return VIEW;
		}
		try {
			accounts.editProfile(Callers.id(principal), new Accounts.ProfileChange(true, form.getFirstName(), true,
					form.getLastName(), true, form.getEmail()));
		}
		catch (DomainException refused) {
			RefusalTexts.reject(errors, refused);
			return VIEW;
		}
		return "redirect:" + safeNext(next);
	}

	/**
	 * Only paths of this site: an open redirect would let a link send people anywhere. A path is taken as it is
	 * only when it is printable ASCII without spaces or backslashes (our own links are; browsers percent-encode
	 * the rest): browsers drop tabs and line breaks from a URL, so {@code /<TAB>/evil.example} would go to
	 * another host, and a line break in the Location header makes the redirect fail.
	 */
	static String safeNext(String next) {
		if (next == null || !LOCAL_PATH.matcher(next).matches()) {
			return "/workspace";
		}
		return next;
	}

}
