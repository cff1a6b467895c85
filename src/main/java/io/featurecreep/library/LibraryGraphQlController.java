package io.featurecreep.library;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;

/**
 * The original {@code search}: up to 10 library suggestions for what the user typed; and
 * {@code libraryQuestions}, the same search with paging, scope and usage counts. Both search the stored (English)
 * texts and answer with the deck's texts in the language the request asks for ({@link Deck}).
 */
@Controller
class LibraryGraphQlController {

	private static final int ORIGINAL_LIMIT = 10;

	private final QuestionLibrary library;

	private final People people;

	private final Deck deck;

	LibraryGraphQlController(QuestionLibrary library, People people, Deck deck) {
		this.library = library;
		this.people = people;
		this.deck = deck;
	}

	@QueryMapping
	List<SearchResponse> search(@Argument String search, Principal principal,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return library.search(organisationOf(principal), search, ORIGINAL_LIMIT)
			.stream()
			.map(found -> deck.shown(found, language))
			.map(q -> new SearchResponse(q.title(), q.descriptionBad(), q.descriptionGood()))
			.toList();
	}

	@QueryMapping
	LibraryPage libraryQuestions(@Argument String search, @Argument LibraryScope scope, @Argument Integer first,
			@Argument Integer offset, Principal principal,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		LibraryPage page = library.search(organisationOf(principal), search, scope, offset == null ? 0 : offset,
				first == null ? ORIGINAL_LIMIT : first);
		return new LibraryPage(page.questions().stream().map(found -> deck.shown(found, language)).toList(),
				page.offset(), page.hasMore());
	}

	@SchemaMapping(typeName = "LibraryQuestion")
	String question(LibraryQuestion question) {
		return question.title();
	}

	@SchemaMapping(typeName = "LibraryQuestion")
	boolean shared(LibraryQuestion question) {
		return question.organisationId() == null;
	}

	private String organisationOf(Principal principal) {
		return people.findById(Callers.id(principal)).orElseThrow().organisationId();
	}

	record SearchResponse(String question, String descriptionBad, String descriptionGood) {
	}

}
