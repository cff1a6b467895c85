package io.featurecreep.library;

import java.security.Principal;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.shared.TextLimits;

/** The original {@code search}: up to 10 library suggestions for what the user typed. */
@Controller
class LibraryGraphQlController {

	private static final int ORIGINAL_LIMIT = 10;

	private final QuestionLibrary library;

	private final People people;

	LibraryGraphQlController(QuestionLibrary library, People people) {
		this.library = library;
		this.people = people;
	}

	@QueryMapping
	List<SearchResponse> search(@Argument String search, Principal principal) {
		String organisationId = people.findById(Callers.id(principal)).orElseThrow().organisationId();
		String text = TextLimits.optional(search, "Search text", 200);
		return library.search(organisationId, text, ORIGINAL_LIMIT)
			.stream()
			.map(q -> new SearchResponse(q.title(), q.descriptionBad(), q.descriptionGood()))
			.toList();
	}

	record SearchResponse(String question, String descriptionBad, String descriptionGood) {
	}

}
