package io.featurecreep.healthcheck;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.library.Deck;
import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * A squad's own list of questions over GraphQL: what its next sessions ask unless told otherwise (the deck's texts in
 * the request's language: {@link Deck}).
 */
@Controller
class SquadTemplateGraphQlController {

	private final SquadTemplates templates;

	private final SquadAccess squads;

	private final Deck deck;

	SquadTemplateGraphQlController(SquadTemplates templates, SquadAccess squads, Deck deck) {
		this.templates = templates;
		this.squads = squads;
		this.deck = deck;
	}

	@SchemaMapping(typeName = "Squad")
	List<TemplateQuestionView> template(Squad squad, Principal principal,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		squads.requireMemberToSee(squad.id(), Callers.id(principal));
		List<LibraryQuestion> questions = templates.templateOf(squad.id());
		List<TemplateQuestionView> views = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			LibraryQuestion question = deck.shown(questions.get(i), language);
			views.add(new TemplateQuestionView(i + 1, question.id(), question.title(), question.descriptionGood(),
					question.descriptionBad()));
		}
		return views;
	}

	@MutationMapping
	Squad setSquadTemplate(@Argument SetSquadTemplateInput input, Principal principal) {
		return templates.replace(Callers.id(principal), input.squadId(), QuestionInput.all(input.questions()));
	}

	record SetSquadTemplateInput(String squadId, List<QuestionInput> questions) {
	}

	record TemplateQuestionView(int position, String libraryQuestionId, String question, String descriptionGood,
			String descriptionBad) {
	}

}
