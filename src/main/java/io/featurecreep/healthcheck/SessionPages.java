package io.featurecreep.healthcheck;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.healthcheck.LivePageModel.Live;
import io.featurecreep.healthcheck.SessionViews.QuestionCard;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;

/**
 * A running session and its results, as each viewer may see them. The page is rendered with the current state (late
 * joiners and reloads see what everyone sees); then {@link SessionEvents} tells it what changed and its parts fetch
 * themselves again from here. Votes go to {@link VotePages}, the facilitator's controls to {@link FacilitatorPages}.
 */
@Controller
class SessionPages {

	private final LivePageModel pages;

	private final SessionViews views;

	SessionPages(LivePageModel pages, SessionViews views) {
		this.pages = pages;
		this.views = views;
	}

	@GetMapping("/sessions/{sessionId}")
	String session(@PathVariable String sessionId, Principal principal, Model model, RedirectAttributes redirect) {
		String viewerId = Callers.id(principal);
		Optional<String> gone = pages.backToSquadIfDiscarded(sessionId, viewerId, redirect);
		if (gone.isPresent()) {
			return gone.get();
		}
		HealthSession session = pages.visible(sessionId, viewerId);
		if (!session.active()) {
			return "redirect:/sessions/{sessionId}/results";
		}
		model.addAttribute("squad", views.squad(session));
		pages.addParts(session, viewerId, model);
		if (session.mode() == SessionMode.ASYNC) {
			pages.async(session, viewerId, model);
			model.addAttribute("facilitator", views.canFacilitate(session, viewerId));
			return "healthcheck/session-async";
		}
		pages.live(session, viewerId, model);
		return "healthcheck/session-live";
	}

	/**
	 * One part of the live page, fetched again when the server says something changed. The parts that every vote
	 * refreshes (status, counts) also bring back the viewer's own vote forms that show another vote than the one kept
	 * ({@code shown}, see {@link ShownVotes}): the person voted on another screen.
	 */
	@GetMapping("/sessions/{sessionId}/parts/{part}")
	String part(@PathVariable String sessionId, @PathVariable String part,
			@RequestParam(required = false) String showing, @RequestParam(required = false) List<String> shown,
			Principal principal, Model model, HttpServletResponse response) {
		String viewerId = Callers.id(principal);
		Optional<HealthSession> discarded = views.discarded(sessionId, viewerId);
		if (discarded.isPresent()) {
			// discarded while open here: back to the squad, where the session no longer shows
			response.setHeader("HX-Redirect", "/squads/" + discarded.get().squadId());
			return "healthcheck/live-parts :: nothing";
		}
		HealthSession session = pages.visible(sessionId, viewerId);
		if (!session.active()) {
			// the page moves to the results; parts have nothing more to show
			response.setHeader("HX-Redirect", "/sessions/" + sessionId + "/results");
			return "healthcheck/live-parts :: nothing";
		}
		if ("counts".equals(part) && session.mode() == SessionMode.ASYNC) {
			List<QuestionCard> cards = pages.async(session, viewerId, model);
			ShownVotes votes = ShownVotes.of(shown);
			model.addAttribute("outOfDate", cards.stream().filter(votes::outOfDate).toList());
			return "healthcheck/session-async :: counts";
		}
		Live live = pages.live(session, viewerId, model);
		return switch (part) {
			case "stage" -> {
				// unchanged question, unchanged state: keep what the voter is in the middle of choosing
				if (live.stageKey().equals(showing)) {
					response.setStatus(HttpStatus.NO_CONTENT.value());
					yield "healthcheck/live-parts :: nothing";
				}
				yield "healthcheck/live-parts :: stage";
			}
			case "status" -> {
				boolean voteForm = live.active() != null && !(live.active().results() != null
						&& live.active().question().revealed());
				model.addAttribute("stageOutOfDate", voteForm && ShownVotes.of(shown).outOfDate(live.active()));
				yield "healthcheck/live-parts :: status-update";
			}
			case "controls" -> "healthcheck/live-parts :: controls";
			case "timer" -> "healthcheck/live-parts :: timer";
			case "progress" -> "healthcheck/live-parts :: progress";
			default -> throw DomainException.notFound("Not found");
		};
	}

	@GetMapping("/sessions/{sessionId}/results")
	String results(@PathVariable String sessionId, Principal principal, Model model, RedirectAttributes redirect) {
		String viewerId = Callers.id(principal);
		Optional<String> gone = pages.backToSquadIfDiscarded(sessionId, viewerId, redirect);
		if (gone.isPresent()) {
			return gone.get();
		}
		HealthSession session = pages.visible(sessionId, viewerId);
		if (session.active()) {
			return "redirect:/sessions/{sessionId}";
		}
		model.addAttribute("check", session);
		model.addAttribute("squad", views.squad(session));
		model.addAttribute("results", views.results(session, viewerId));
		model.addAttribute("members", views.memberCount(session));
		pages.addParts(session, viewerId, model);
		return "healthcheck/results";
	}

}
