package io.featurecreep.insights;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.identity.Callers;
import io.featurecreep.insights.ActionItem.Status;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * Notes and action items on the session pages and the squad page. With htmx a form answers with itself (emptied,
 * or with the problem and what was typed) and an {@value #CHANGED} event that makes the lists on the page fetch
 * themselves again; everyone else's pages hear of it through the session's live events. Without scripts every
 * form posts and redirects back, and a refused one shows the error page.
 */
@Controller
class DiscussionPages {

	/** The htmx event that makes the viewer's own lists of notes and actions refresh at once. */
	static final String CHANGED = "fc-discussion";

	private final NotesAndActions discussion;

	private final DiscussionViews views;

	private final SessionLookup sessions;

	private final MessageSource messages;

	DiscussionPages(NotesAndActions discussion, DiscussionViews views, SessionLookup sessions, MessageSource messages) {
		this.discussion = discussion;
		this.views = views;
		this.sessions = sessions;
		this.messages = messages;
	}

	@GetMapping("/sessions/{sessionId}/discussion")
	String list(@PathVariable String sessionId, Principal principal, Model model) {
		String viewerId = Callers.id(principal);
		model.addAttribute("part", Map.of("view", views.discussion(viewerId, visible(sessionId, viewerId))));
		return "insights/discussion :: list";
	}

	@GetMapping("/sessions/{sessionId}/review")
	String review(@PathVariable String sessionId, Principal principal, Model model) {
		String viewerId = Callers.id(principal);
		HealthSession session = visible(sessionId, viewerId);
		model.addAttribute("part", Map.of("view", new ReviewPart(session.id(), views.toReview(viewerId, session))));
		return "insights/discussion :: review";
	}

	@PostMapping("/sessions/{sessionId}/notes")
	String addNote(@PathVariable String sessionId, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String questionId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			HttpServletResponse response) {
		String viewerId = Callers.id(principal);
		HealthSession session = visible(sessionId, viewerId);
		try {
			discussion.addNote(viewerId, sessionId, question(session, questionId), body);
		}
		catch (DomainException refused) {
			rethrowUnlessTypingError(refused, htmx);
			model.addAttribute("noteError", words(refused));
			model.addAttribute("noteDraft", body);
			model.addAttribute("noteQuestion", questionId);
			return form(viewerId, session, model, "note-form");
		}
		return done(session, htmx, viewerId, model, response, "note-form");
	}

	@PostMapping("/sessions/{sessionId}/actions")
	String addAction(@PathVariable String sessionId, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String questionId, @RequestParam(defaultValue = "") String ownerId,
			@RequestParam(defaultValue = "") String dueDate, @RequestParam(defaultValue = "") String timeZone,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model,
			HttpServletResponse response) {
		String viewerId = Callers.id(principal);
		HealthSession session = visible(sessionId, viewerId);
		try {
			discussion.addAction(viewerId, sessionId, title, question(session, questionId),
					ownerId.isBlank() ? null : ownerId, ActionItem.dueDate(dueDate), ActionItem.zone(timeZone));
		}
		catch (DomainException refused) {
			rethrowUnlessTypingError(refused, htmx);
			boolean aboutTheDueDate = refused.messageKey() != null
					&& refused.messageKey().startsWith(ActionItem.DUE_DATE_REFUSED);
			model.addAttribute(aboutTheDueDate ? "dueError" : "actionError", words(refused));
			model.addAttribute("actionDraft", new ActionDraft(title, questionId, ownerId, dueDate));
			return form(viewerId, session, model, "action-form");
		}
		return done(session, htmx, viewerId, model, response, "action-form");
	}

	/**
	 * Marks an action done, dropped or open again, from a session page ({@code sessionId}) or the squad page.
	 * Without scripts it goes back to that session if the caller sees it, else to the action's squad: never to a
	 * place named only by the request.
	 */
	@PostMapping("/actions/{actionId}/status")
	String setStatus(@PathVariable String actionId, @RequestParam Status status,
			@RequestParam(required = false) String sessionId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal,
			HttpServletResponse response) {
		String callerId = Callers.id(principal);
		ActionItem action = discussion.updateAction(callerId, actionId, status, null, null, null);
		if (htmx != null) {
			response.setHeader("HX-Trigger", CHANGED);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return "insights/discussion :: nothing";
		}
		return sessions.visible(sessionId == null ? "" : sessionId, callerId)
			.map(session -> "redirect:/sessions/" + session.id())
			.orElse("redirect:/squads/" + action.squadId());
	}

	@GetMapping("/squads/{squadId}/actions")
	String squadActions(@PathVariable String squadId, Principal principal, Model model) {
		model.addAttribute("part",
				Map.of("view", new SquadActionsPart(squadId, views.openActions(Callers.id(principal), squadId))));
		return "insights/discussion :: squad-actions-card";
	}

	/** A refusal in the reader's words where it has a message key, else as the domain wrote it. */
	private String words(DomainException refused) {
		return refused.messageIn(messages, LocaleContextHolder.getLocale());
	}

	/**
	 * What was typed is shown again with the problem only where htmx swaps the form in; other refusals (and any
	 * without scripts) get the error page.
	 */
	private static void rethrowUnlessTypingError(DomainException refused, String htmx) {
		if (htmx == null || refused.code() != ErrorCode.BAD_USER_INPUT) {
			throw refused;
		}
	}

	private String done(HealthSession session, String htmx, String viewerId, Model model,
			HttpServletResponse response, String fragment) {
		if (htmx == null) {
			return "redirect:/sessions/" + session.id();
		}
		response.setHeader("HX-Trigger", CHANGED);
		return form(viewerId, session, model, fragment);
	}

	private String form(String viewerId, HealthSession session, Model model, String fragment) {
		model.addAttribute("part", Map.of("view", views.discussion(viewerId, session)));
		return "insights/discussion :: " + fragment;
	}

	/** The question a note or action is about: none, one of the session's, or the one on the live screen. */
	private static String question(HealthSession session, String questionId) {
		if (questionId.isBlank()) {
			return null;
		}
		if (DiscussionViews.QUESTION_ON_SCREEN.equals(questionId)) {
			return session.activeQuestionId();
		}
		return questionId;
	}

	private HealthSession visible(String sessionId, String viewerId) {
		return sessions.visible(sessionId, viewerId).orElseThrow(() -> DomainException.of(ErrorCode.NOT_FOUND, "insights.discussion.notFound"));
	}

	/** What was typed into the action form, shown again with the problem. */
	record ActionDraft(String title, String questionId, String ownerId, String dueDate) {
	}

	record ReviewPart(String sessionId, List<DiscussionViews.ActionView> actions) {
	}

	record SquadActionsPart(String squadId, List<DiscussionViews.ActionView> actions) {
	}

}
