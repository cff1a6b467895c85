package io.featurecreep.healthcheck;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.healthcheck.SessionViews.QuestionCard;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * A member's vote from the session page. With htmx the answer is the voter's own form again, saved or with the
 * problem next to what they typed; without scripts the form posts and redirects back.
 */
@Controller
class VotePages {

	private final LivePageModel pages;

	private final SessionViews views;

	private final CastVote castVote;

	private final PageTexts texts;

	VotePages(LivePageModel pages, SessionViews views, CastVote castVote, PageTexts texts) {
		this.pages = pages;
		this.views = views;
		this.castVote = castVote;
		this.texts = texts;
	}

	@PostMapping("/sessions/{sessionId}/questions/{questionId}/vote")
	String vote(@PathVariable String sessionId, @PathVariable String questionId,
			@RequestParam(required = false) Integer colour, @RequestParam(required = false) Trend trend,
			@RequestParam(required = false) String comment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model) {
		String viewerId = Callers.id(principal);
		HealthSession session = pages.visible(sessionId, viewerId);
		DomainException refusal = null;
		if (colour == null) {
			refusal = DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.vote.chooseColour");
		}
		else {
			try {
				castVote.cast(viewerId, new Ballot(sessionId, questionId, colour, trend, comment));
			}
			catch (DomainException refused) {
				refusal = refused;
			}
		}
		if (htmx == null) {
			if (refusal != null) {
				throw refusal;
			}
			return "redirect:/sessions/{sessionId}" + (session.mode() == SessionMode.ASYNC ? "#q-{questionId}" : "");
		}
		String problem = refusal == null ? null : texts.refusal(refusal);
		HealthSession now = pages.visible(sessionId, viewerId);
		model.addAttribute("voteError", problem);
		model.addAttribute("voteSaved", problem == null);
		if (problem != null) {
			// what was typed stays next to the problem; a kept vote shows as the server has it, which may be what
			// another of the person's screens sent a moment later
			model.addAttribute("draftComment", comment);
			model.addAttribute("draftColour", colour);
			model.addAttribute("draftTrend", trend);
		}
		if (now.mode() == SessionMode.ASYNC) {
			QuestionCard card = views.card(now, questionId, viewerId)
				.orElseThrow(() -> DomainException.notFound("Not found"));
			model.addAttribute("check", now);
			model.addAttribute("card", card);
			model.addAttribute("members", views.memberCount(now));
			return "healthcheck/session-async :: card";
		}
		pages.live(now, viewerId, model);
		return "healthcheck/live-parts :: stage";
	}

}
