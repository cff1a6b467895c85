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
import java.util.Map;
import java.util.Optional;

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
import io.featurecreep.healthcheck.SessionLifecycle.StartOptions;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * Starting a session: the squad's questions to shape in the {@link QuestionListEditor}, then live or async (with a
 * deadline and an optional reminder). The list lives in the form until the start, so a session exists only once it
 * starts.
 */
@Controller
class NewSessionPages {

	private final SquadAccess squads;

	private final SquadTemplates templates;

	private final SessionLifecycle lifecycle;

	private final SessionViews views;

	private final QuestionListEditor editor;

	private final PageTexts texts;

	NewSessionPages(SquadAccess squads, SquadTemplates templates, SessionLifecycle lifecycle, SessionViews views,
			QuestionListEditor editor, PageTexts texts) {
		this.squads = squads;
		this.templates = templates;
		this.lifecycle = lifecycle;
		this.views = views;
		this.editor = editor;
		this.texts = texts;
	}

	/**
	 * A posted index grows the list up to it ({@code questions[99999].good} made 100,000 rows); past the longest
	 * list there may be, the binding refuses the field instead, and {@code RequestErrors} answers 400.
	 */
	@InitBinder("form")
	void questionsUpToTheMaximum(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(QuestionListForm.MAX);
	}

	@GetMapping("/squads/{squadId}/sessions/new")
	String newSession(@PathVariable String squadId, Principal principal, Model model) {
		Squad squad = squads.requireMember(squadId, Callers.id(principal), DomainException.notFound("Squad not found"));
		Optional<HealthSession> running = views.running(squadId);
		if (running.isPresent()) {
			return "redirect:/sessions/" + running.get().id();
		}
		return editor.show(model, squad, QuestionListForm.of(editor.shown(templates.templateOf(squadId))), Map.of(),
				Purpose.SESSION, false);
	}

	@PostMapping("/squads/{squadId}/sessions/new")
	String editSession(@PathVariable String squadId, @ModelAttribute("form") QuestionListForm form,
			@RequestParam(defaultValue = "search") String op,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String callerId = Callers.id(principal);
		Squad squad = squads.requireMember(squadId, callerId, DomainException.notFound("Squad not found"));
		if (!"start".equals(op)) {
			return editor.show(model, squad, form, editor.edit(op, form, squad, model), Purpose.SESSION, htmx != null);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		StartOptions options = startOptions(form, editor.stored(form), errors);
		if (form.newQuestions().isEmpty()) {
			errors.put("questions", texts.text("healthcheck.editor.noQuestions"));
		}
		if (errors.isEmpty()) {
			try {
				HealthSession session = lifecycle.start(callerId, squadId, options);
				return QuestionListEditor.redirect("/sessions/" + session.id(), htmx, request, response, Map.of());
			}
			catch (DomainException refused) {
				errors.put(fieldOf(refused), texts.refusal(refused));
			}
		}
		return editor.show(model, squad, form, errors, Purpose.SESSION, htmx != null);
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

}
