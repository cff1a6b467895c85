package io.featurecreep.healthcheck;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.healthcheck.QuestionListEditor.Purpose;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/** The squad's template: the questions its new sessions start with, shaped in the {@link QuestionListEditor}. Owners only. */
@Controller
class TemplatePages {

	private final SquadAccess squads;

	private final SquadTemplates templates;

	private final QuestionListEditor editor;

	private final PageTexts texts;

	TemplatePages(SquadAccess squads, SquadTemplates templates, QuestionListEditor editor, PageTexts texts) {
		this.squads = squads;
		this.templates = templates;
		this.editor = editor;
		this.texts = texts;
	}

	/** As {@link NewSessionPages#questionsUpToTheMaximum}: a posted index never grows the list past the longest. */
	@InitBinder("form")
	void questionsUpToTheMaximum(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(QuestionListForm.MAX);
	}

	@GetMapping("/squads/{squadId}/questions")
	String template(@PathVariable String squadId, Principal principal, Model model) {
		Squad squad = owner(squadId, Callers.id(principal));
		return editor.show(model, squad, QuestionListForm.of(editor.shown(templates.templateOf(squadId))), Map.of(),
				Purpose.TEMPLATE, false);
	}

	@PostMapping("/squads/{squadId}/questions")
	String editTemplate(@PathVariable String squadId, @ModelAttribute("form") QuestionListForm form,
			@RequestParam(defaultValue = "search") String op,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String callerId = Callers.id(principal);
		Squad squad = owner(squadId, callerId);
		if ("save".equals(op) || "defaults".equals(op)) {
			if ("save".equals(op) && form.newQuestions().isEmpty()) {
				return editor.show(model, squad, form,
						Map.of("questions", texts.text("healthcheck.editor.noQuestions.template")), Purpose.TEMPLATE,
						htmx != null);
			}
			try {
				templates.replace(callerId, squadId, "save".equals(op) ? editor.stored(form) : List.of());
				return QuestionListEditor.redirect("/squads/" + squadId + "#questions", htmx, request, response,
						Map.of("templateSaved", true));
			}
			catch (DomainException refused) {
				return editor.show(model, squad, form, Map.of("questions", texts.refusal(refused)), Purpose.TEMPLATE,
						htmx != null);
			}
		}
		return editor.show(model, squad, form, editor.edit(op, form, squad, model), Purpose.TEMPLATE, htmx != null);
	}

	private Squad owner(String squadId, String callerId) {
		return squads.requireOwner(squadId, callerId, DomainException.notFound("Squad not found"),
				"squad.ownersOnly.changeQuestions");
	}

}
