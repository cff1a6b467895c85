package io.featurecreep.healthcheck;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/** A squad's own list of questions over GraphQL: what its next sessions ask unless told otherwise. */
@Controller
class SquadTemplateGraphQlController {

	private final SquadTemplates templates;

	private final SquadAccess squads;

	SquadTemplateGraphQlController(SquadTemplates templates, SquadAccess squads) {
		this.templates = templates;
		this.squads = squads;
	}

	@SchemaMapping(typeName = "Squad")
	List<TemplateQuestionView> template(Squad squad, Principal principal) {
		squads.requireMemberToSee(squad.id(), Callers.id(principal));
		List<LibraryQuestion> questions = templates.templateOf(squad.id());
		List<TemplateQuestionView> views = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			LibraryQuestion question = questions.get(i);
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
