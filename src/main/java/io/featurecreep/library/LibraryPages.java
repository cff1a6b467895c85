package io.featurecreep.library;

import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;

/** Suggestions from the library while someone types a question (an htmx fragment of the question editor). */
@Controller
class LibraryPages {

	static final int SUGGESTIONS = 5;

	private final QuestionLibrary library;

	private final People people;

	LibraryPages(QuestionLibrary library, People people) {
		this.library = library;
		this.people = people;
	}

	@GetMapping("/library/suggestions")
	String suggestions(@RequestParam(defaultValue = "") String search, Principal principal, Model model) {
		String organisationId = people.findById(Callers.id(principal)).orElseThrow().organisationId();
		List<LibraryQuestion> found = search.isBlank() || search.length() > 200 ? List.of()
				: library.search(organisationId, search, SUGGESTIONS);
		model.addAttribute("suggestions", found);
		model.addAttribute("search", search);
		model.addAttribute("inList", List.of());
		return "library/suggestions :: list(suggestions=${suggestions}, search=${search}, inList=${inList})";
	}

}
