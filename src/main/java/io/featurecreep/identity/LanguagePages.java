package io.featurecreep.identity;

import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import io.featurecreep.shared.Language;

/**
 * Choosing the language of the pages: on the profile page, and in the menu at the foot of every page, which returns
 * to the page it was on. A signed-in person's choice goes into their profile (so it follows them to every browser);
 * every choice is also remembered in this browser, so the pages keep the language after signing out, and "follow my
 * browser" means the browser's language everywhere.
 */
@Controller
class LanguagePages {

	static final String PROFILE = "/profile";

	private final People people;

	private final PageLanguage pageLanguage;

	LanguagePages(People people, PageLanguage pageLanguage) {
		this.people = people;
		this.pageLanguage = pageLanguage;
	}

	@GetMapping(PROFILE)
	String profile(Principal principal, HttpServletRequest request, Model model) {
		model.addAttribute("person", people.findById(Callers.id(principal)).orElseThrow());
		model.addAttribute("chosenLanguage", pageLanguage.choice(request).map(Language::tag).orElse(""));
		return "identity/profile";
	}

	@PostMapping(PROFILE)
	RedirectView saveProfile(@RequestParam(required = false) String locale, Principal principal,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		choose(Language.chosen(locale), Callers.id(principal), request, response);
		redirect.addFlashAttribute("languageSaved", true);
		return redirectTo(PROFILE);
	}

	@PostMapping("/language")
	RedirectView chooseLanguage(@RequestParam(required = false) String locale,
			@RequestParam(required = false) String next, Principal principal, HttpServletRequest request,
			HttpServletResponse response) {
		choose(Language.chosen(locale), PageLanguage.signedIn(principal), request, response);
		return redirectTo(OnboardingController.safeNext(next));
	}

	private void choose(Optional<Language> language, String personId, HttpServletRequest request,
			HttpServletResponse response) {
		if (personId != null) {
			people.chooseLanguage(personId, language.orElse(null));
		}
		pageLanguage.setLocale(request, response, language.map(Language::locale).orElse(null));
	}

	/** Taken as it is: a path with braces in it is no URI template to fill in. */
	private static RedirectView redirectTo(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		return view;
	}

}
