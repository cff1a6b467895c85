package io.featurecreep.healthcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.library.Deck;
import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.library.QuestionLibrary;
import io.featurecreep.squads.Squad;

/**
 * The question list editor both {@link NewSessionPages} and {@link TemplatePages} show: one edit at a time (add from
 * the library while typing, write new ones, reorder, drop), the list living in the form until it is used. htmx posts
 * get the editor back as a fragment; without scripts the same posts render the whole page. The deck's questions show
 * (and travel in the form) in the reader's language, and are stored as the deck's English ({@link Deck#stored}).
 */
@Component
class QuestionListEditor {

	static final int SUGGESTIONS = 5;

	/** The reminders the page offers, in hours before the deadline (the API takes any from 1 to two weeks). */
	static final List<Integer> REMINDER_CHOICES = List.of(1, 2, 4, 12, 24, 48, 72);

	private static final String EDITOR_FRAGMENT = "healthcheck/question-editor :: editor";

	private final QuestionLibrary library;

	private final PageTexts texts;

	private final Deck deck;

	QuestionListEditor(QuestionLibrary library, PageTexts texts, Deck deck) {
		this.library = library;
		this.texts = texts;
		this.deck = deck;
	}

	/**
	 * Applies one edit to the list; answers the problems, by field. An added question is named in the model
	 * ({@code added}, {@code addedAt}), next to where it was added from ({@code addedFrom}): the list it went to may
	 * be screens away.
	 */
	Map<String, String> edit(String op, QuestionListForm form, Squad squad, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		String[] parts = op.split(":", 2);
		String argument = parts.length > 1 ? parts[1] : "";
		switch (parts[0]) {
			case "up" -> form.moveUp(argument);
			case "down" -> form.moveDown(argument);
			case "remove" -> form.remove(argument);
			case "add" -> {
				String title = form.getNewTitle() == null ? "" : form.getNewTitle().strip();
				QuestionListForm.Problem problem = form.addTyped();
				if (problem != null) {
					errors.put("newTitle", texts.text(problem.key(), problem.arguments()));
				}
				else {
					added(model, "typed", title, form);
				}
			}
			case "library" -> {
				Optional<LibraryQuestion> entry = library.findVisible(squad.organisationId(), argument)
					.map(found -> deck.shown(found, LocaleContextHolder.getLocale()));
				QuestionListForm.Problem problem = entry.isEmpty()
						? new QuestionListForm.Problem("healthcheck.editor.suggestionGone")
						: form.add(entry.get().title(), entry.get().descriptionGood(), entry.get().descriptionBad());
				if (problem != null) {
					errors.put("search", texts.text(problem.key(), problem.arguments()));
				}
				else {
					form.setSearch("");
					added(model, "library", entry.get().title(), form);
				}
			}
			default -> {
				// "search" and anything unknown: show the list (and suggestions) again
			}
		}
		return errors;
	}

	private static void added(Model model, String from, String title, QuestionListForm form) {
		model.addAttribute("added", title);
		model.addAttribute("addedAt", form.getQuestions().size());
		model.addAttribute("addedFrom", from);
	}

	String show(Model model, Squad squad, QuestionListForm form, Map<String, String> errors, Purpose purpose,
			boolean fragment) {
		model.addAttribute("squad", squad);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("purpose", purpose.name());
		model.addAttribute("action", purpose == Purpose.SESSION ? "/squads/" + squad.id() + "/sessions/new"
				: "/squads/" + squad.id() + "/questions");
		model.addAttribute("suggestions", suggestions(squad, form));
		model.addAttribute("reminderChoices", REMINDER_CHOICES);
		model.addAttribute("inList",
				form.getQuestions().stream().map(item -> item.getTitle().strip().toLowerCase(Locale.ROOT)).toList());
		if (fragment) {
			return EDITOR_FRAGMENT;
		}
		return purpose == Purpose.SESSION ? "healthcheck/session-new" : "healthcheck/template-edit";
	}

	private List<LibraryQuestion> suggestions(Squad squad, QuestionListForm form) {
		String text = form.getSearch();
		if (text == null || text.isBlank() || text.length() > 200) {
			return List.of();
		}
		return shown(library.search(squad.organisationId(), text, SUGGESTIONS));
	}

	List<LibraryQuestion> shown(List<LibraryQuestion> entries) {
		return entries.stream().map(entry -> deck.shown(entry, LocaleContextHolder.getLocale())).toList();
	}

	/** The list to store: the deck's questions back in its English, whichever language the form showed them in. */
	List<NewQuestion> stored(QuestionListForm form) {
		return form.newQuestions().stream().map(question -> {
			Deck.Texts english = deck.stored(question.title(), question.descriptionGood(), question.descriptionBad());
			return new NewQuestion(english.title(), english.descriptionGood(), english.descriptionBad());
		}).toList();
	}

	/**
	 * Sends the browser on, with flash messages for the next page. htmx gets an HX-Redirect header (it would
	 * follow a plain redirect itself and put the next page into the editor).
	 */
	static String redirect(String path, String htmx, HttpServletRequest request, HttpServletResponse response,
			Map<String, Object> flash) {
		FlashMap output = RequestContextUtils.getOutputFlashMap(request);
		output.putAll(flash);
		if (htmx == null) {
			return "redirect:" + path;
		}
		output.setTargetRequestPath(path.replaceAll("#.*", ""));
		RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(output, request, response);
		response.setHeader("HX-Redirect", path);
		return "healthcheck/question-editor :: nothing";
	}

	enum Purpose {

		SESSION, TEMPLATE

	}

}
