package io.featurecreep.healthcheck;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.healthcheck.SessionViews.QuestionCard;
import io.featurecreep.healthcheck.SessionViews.VoteStatus;
import io.featurecreep.shared.DomainException;

/**
 * What the session pages put in their models, shared by the page itself ({@link SessionPages}), the voters' forms
 * ({@link VotePages}) and the facilitator's controls ({@link FacilitatorPages}): the session as the viewer may see
 * it, the live page's state, and the parts other modules add.
 */
@Component
class LivePageModel {

	private final SessionViews views;

	private final List<SessionPageContributor> contributors;

	LivePageModel(SessionViews views, List<SessionPageContributor> contributors) {
		this.views = views;
		this.contributors = contributors;
	}

	/** The session, if the viewer is a member of its squad and it was not discarded; to anyone else it does not exist. */
	HealthSession visible(String sessionId, String viewerId) {
		return views.visible(sessionId, viewerId).orElseThrow(() -> DomainException.notFound("Not found"));
	}

	/** A member who opens a discarded session (an old link, a bookmark) is sent to the squad, which says so. */
	Optional<String> backToSquadIfDiscarded(String sessionId, String viewerId, RedirectAttributes redirect) {
		return views.discarded(sessionId, viewerId).map(discarded -> {
			redirect.addFlashAttribute("sessionGone", true);
			return "redirect:/squads/" + discarded.squadId() + "#sessions";
		});
	}

	/**
	 * The live page's model. Only the active question is read with its votes: every part is fetched again on
	 * every change, by every viewer.
	 */
	Live live(HealthSession session, String viewerId, Model model) {
		List<SessionQuestion> questions = views.questions(session);
		int index = 0;
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).id().equals(session.activeQuestionId())) {
				index = i;
			}
		}
		QuestionCard active = questions.isEmpty() ? null
				: views.card(session, questions.get(index), index + 1, viewerId);
		Live live = new Live(session, active, questions.size(),
				active == null ? null : views.status(session, active.id(), viewerId),
				views.canFacilitate(session, viewerId));
		model.addAttribute("check", session);
		model.addAttribute("live", live);
		model.addAttribute("questions", questions);
		model.addAttribute("previous", active != null && index > 0 ? questions.get(index - 1).id() : null);
		model.addAttribute("next", active != null && index < questions.size() - 1 ? questions.get(index + 1).id() : null);
		return live;
	}

	/** An async session's cards, as its page and its counts part show them. */
	List<QuestionCard> async(HealthSession session, String viewerId, Model model) {
		List<QuestionCard> cards = views.cards(session, viewerId);
		model.addAttribute("check", session);
		model.addAttribute("cards", cards);
		model.addAttribute("members", views.memberCount(session));
		return cards;
	}

	/** Other modules' parts of the page, as {@code firstParts} and {@code lastParts}. */
	void addParts(HealthSession session, String viewerId, Model model) {
		List<SessionPagePart> parts = contributors.stream()
			.flatMap(contributor -> contributor.sessionPage(viewerId, session).stream())
			.toList();
		model.addAttribute("firstParts", parts.stream().filter(SessionPagePart::first).toList());
		model.addAttribute("lastParts", parts.stream().filter(part -> !part.first()).toList());
	}

	/** What the live page shows: the active question, how many voted, and whether the viewer steers. */
	record Live(HealthSession session, QuestionCard active, int total, VoteStatus status, boolean facilitator) {

		/** Identifies what the stage shows; the stage is replaced only when this changes. */
		public String stageKey() {
			return active == null ? "none" : active.id() + (active.question().revealed() ? ":revealed" : ":open");
		}

	}

}
