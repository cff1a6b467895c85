package io.featurecreep.healthcheck;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.identity.Callers;

/**
 * Discarding a session on the pages: a confirmation page says what discarding does, and only its form discards.
 * Owners only; others get the error page ({@link DiscardSession} decides).
 */
@Controller
class DiscardPages {

	private final DiscardSession discard;

	private final SessionViews views;

	DiscardPages(DiscardSession discard, SessionViews views) {
		this.discard = discard;
		this.views = views;
	}

	@GetMapping("/sessions/{sessionId}/discard")
	String confirm(@PathVariable String sessionId, Principal principal, Model model) {
		HealthSession session = discard.discardable(Callers.id(principal), sessionId);
		model.addAttribute("check", session);
		model.addAttribute("squad", views.squad(session));
		return "healthcheck/discard";
	}

	@PostMapping("/sessions/{sessionId}/discard")
	String discard(@PathVariable String sessionId, Principal principal, RedirectAttributes redirect) {
		HealthSession discarded = discard.discard(Callers.id(principal), sessionId);
		redirect.addFlashAttribute("sessionDiscarded", true);
		return "redirect:/squads/" + discarded.squadId() + "#sessions";
	}

}
