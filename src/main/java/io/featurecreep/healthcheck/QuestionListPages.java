package io.featurecreep.healthcheck;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.featurecreep.healthcheck.SessionLifecycle.StartOptions;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.identity.Callers;
import io.featurecreep.library.Deck;
import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.library.QuestionLibrary;
import io.featurecreep.shared.DomainException;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * Putting a list of questions together: for a new session before it starts (add from the library while
 * typing, write new ones, reorder, drop, then start live or async), and for the squad's template. The list
 * lives in the form until it is used, so a session exists only once it starts. htmx posts get the editor
 * back as a fragment; without scripts the same posts render the whole page. The deck's questions show (and travel
 * in the form) in the reader's language, and are stored as the deck's English ({@link Deck#stored}).
 */
@Controller
class QuestionListPages {

	static final int SUGGESTIONS = 5;

	/** The reminders the page offers, in hours before the deadline (the API takes any from 1 to two weeks). */
	static final List<Integer> REMINDER_CHOICES = List.of(1, 2, 4, 12, 24, 48, 72);

	private static final String EDITOR_FRAGMENT = "healthcheck/question-editor :: editor";

	private final SquadAccess squads;

	private final SquadTemplates templates;

	private final SessionLifecycle lifecycle;

	private final SessionViews views;

	private final QuestionLibrary library;

	private final PageTexts texts;

	private final Deck deck;

	QuestionListPages(SquadAccess squads, SquadTemplates templates, SessionLifecycle lifecycle, SessionViews views,
			QuestionLibrary library, PageTexts texts, Deck deck) {
		this.texts = texts;
		this.deck = deck;
		this.squads = squads;
		this.templates = templates;
		this.lifecycle = lifecycle;
		this.views = views;
		this.library = library;
	}

	/**
	 * A posted index grows the list up to it ({@code questions[99999].good} made 100,000 rows); past the longest
	 * list there may be, the binding refuses the field instead, and {@code RequestErrors} answers 400.
	 */
	@InitBinder("form")
	void questionsUpToTheMaximum(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(QuestionListForm.MAX);
	}

	// ----- a new session

	@GetMapping("/squads/{squadId}/sessions/new")
	String newSession(@PathVariable String squadId, Principal principal, Model model) {
		Squad squad = member(squadId, Callers.id(principal));
		Optional<HealthSession> running = views.running(squadId);
		if (running.isPresent()) {
			return "redirect:/sessions/" + running.get().id();
		}
		return show(model, squad, QuestionListForm.of(shown(templates.templateOf(squadId))), Map.of(), Purpose.SESSION, false);
	}

	@PostMapping("/squads/{squadId}/sessions/new")
	String editSession(@PathVariable String squadId, @ModelAttribute("form") QuestionListForm form,
			@RequestParam(defaultValue = "search") String op,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String callerId = Callers.id(principal);
		Squad squad = member(squadId, callerId);
		if (!"start".equals(op)) {
			return show(model, squad, form, edit(op, form, squad, model), Purpose.SESSION, htmx != null);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		StartOptions options = startOptions(form, stored(form), errors);
		if (form.newQuestions().isEmpty()) {
			errors.put("questions", texts.text("healthcheck.editor.noQuestions"));
		}
		if (errors.isEmpty()) {
			try {
				HealthSession session = lifecycle.start(callerId, squadId, options);
				return redirect("/sessions/" + session.id(), htmx, request, response, Map.of());
			}
			catch (DomainException refused) {
				errors.put(fieldOf(refused), texts.refusal(refused));
			}
		}
		return show(model, squad, form, errors, Purpose.SESSION, htmx != null);
	}

	// ----- the squad's template

	@GetMapping("/squads/{squadId}/questions")
	String template(@PathVariable String squadId, Principal principal, Model model) {
		Squad squad = owner(squadId, Callers.id(principal));
		return show(model, squad, QuestionListForm.of(shown(templates.templateOf(squadId))), Map.of(), Purpose.TEMPLATE, false);
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
				return show(model, squad, form, Map.of("questions", texts.text("healthcheck.editor.noQuestions.template")),
						Purpose.TEMPLATE, htmx != null);
			}
			try {
				templates.replace(callerId, squadId, "save".equals(op) ? stored(form) : List.of());
				return redirect("/squads/" + squadId + "#questions", htmx, request, response,
						Map.of("templateSaved", true));
			}
			catch (DomainException refused) {
				return show(model, squad, form, Map.of("questions", texts.refusal(refused)), Purpose.TEMPLATE,
						htmx != null);
			}
		}
		return show(model, squad, form, edit(op, form, squad, model), Purpose.TEMPLATE, htmx != null);
	}

	// ----- shared

	/**
	 * Applies one edit to the list; answers the problems, by field. An added question is named in the model
	 * ({@code added}, {@code addedAt}), next to where it was added from ({@code addedFrom}): the list it went to may
	 * be screens away.
	 */
	private Map<String, String> edit(String op, QuestionListForm form, Squad squad, Model model) {
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

	private String show(Model model, Squad squad, QuestionListForm form, Map<String, String> errors, Purpose purpose,
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

	private List<LibraryQuestion> shown(List<LibraryQuestion> entries) {
		return entries.stream().map(entry -> deck.shown(entry, LocaleContextHolder.getLocale())).toList();
	}

	/** The list to store: the deck's questions back in its English, whichever language the form showed them in. */
	private List<NewQuestion> stored(QuestionListForm form) {
		return form.newQuestions().stream().map(question -> {
			Deck.Texts english = deck.stored(question.title(), question.descriptionGood(), question.descriptionBad());
			return new NewQuestion(english.title(), english.descriptionGood(), english.descriptionBad());
		}).toList();
	}

	private StartOptions startOptions(QuestionListForm form, List<NewQuestion> questions, Map<String, String> errors) {
		SessionMode mode = "ASYNC".equals(form.getMode()) ? SessionMode.ASYNC : SessionMode.LIVE;
		Instant deadline = null;
		if (mode == SessionMode.ASYNC) {
			if (form.getDeadline() == null || form.getDeadline().isBlank()) {
				errors.put("deadline", texts.text("healthcheck.editor.deadline.missing"));
			}
			else {
				try {
					deadline = LocalDateTime.parse(form.getDeadline()).atZone(zone(form.getTimeZone())).toInstant();
				}
				catch (DateTimeParseException ex) {
					errors.put("deadline", texts.text("healthcheck.editor.deadline.invalid"));
				}
			}
		}
		Integer reminder = null;
		if (mode == SessionMode.ASYNC && form.getReminderHours() != null && !form.getReminderHours().isBlank()) {
			try {
				reminder = Integer.valueOf(form.getReminderHours().strip());
			}
			catch (NumberFormatException ex) {
				errors.put("reminderHours", texts.text("reminder.hoursRange", SessionLifecycle.LONGEST_REMINDER_HOURS));
			}
		}
		return new StartOptions(form.getName(), mode, deadline, ResultVisibility.ON_REVEAL, questions, reminder);
	}

	private static ZoneId zone(String name) {
		try {
			return name == null || name.isBlank() ? ZoneOffset.UTC : ZoneId.of(name);
		}
		catch (DateTimeException unknown) {
			return ZoneOffset.UTC;
		}
	}

	/**
	 * Which field a refusal of the start belongs to, from what the lifecycle checks: by its key, or by its words for
	 * the shared text checks, which name the field in English only.
	 */
	private static String fieldOf(DomainException refused) {
		String key = refused.messageKey();
		if (key != null) {
			return switch (key) {
				case "reminder.onlyAsync", "reminder.hoursRange", "reminder.tooLate" -> "reminderHours";
				case "healthcheck.refused.deadlinePassed", "healthcheck.refused.deadlineTooFar",
						"healthcheck.refused.deadlineNotAsync" ->
					"deadline";
				default -> "questions";
			};
		}
		return refused.getMessage().startsWith("Session name") ? "name" : "questions";
	}

	/**
	 * Sends the browser on, with flash messages for the next page. htmx gets an HX-Redirect header (it would
	 * follow a plain redirect itself and put the next page into the editor).
	 */
	private static String redirect(String path, String htmx, HttpServletRequest request, HttpServletResponse response,
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

	private Squad member(String squadId, String callerId) {
		return squads.requireMember(squadId, callerId, DomainException.notFound("Squad not found"));
	}

	private Squad owner(String squadId, String callerId) {
		return squads.requireOwner(squadId, callerId, DomainException.notFound("Squad not found"),
				"squad.ownersOnly.changeQuestions");
	}

	enum Purpose {

		SESSION, TEMPLATE

	}

}
