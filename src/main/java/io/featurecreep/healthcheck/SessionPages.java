package io.featurecreep.healthcheck;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.healthcheck.SessionViews.QuestionCard;
import io.featurecreep.healthcheck.SessionViews.VoteStatus;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * A running session and its results. The page is rendered with the current state (late joiners and reloads
 * see what everyone sees); then {@link SessionEvents} tells it what changed and its parts fetch themselves
 * again from here, each as the viewer may see it. Facilitator controls answer htmx with an event that makes
 * the facilitator's own parts refresh at once; without scripts every form posts and redirects back.
 */
@Controller
class SessionPages {

	/** htmx event names the parts listen to, besides the server-sent ones. */
	static final String QUESTION_CHANGED = "fc-question";

	static final String TIMER_CHANGED = "fc-timer";

	private final SessionViews views;

	private final SessionFacilitation facilitation;

	private final SessionLifecycle lifecycle;

	private final CastVote castVote;

	private final List<SessionPageContributor> contributors;

	private final PageTexts texts;

	SessionPages(SessionViews views, SessionFacilitation facilitation, SessionLifecycle lifecycle, CastVote castVote,
			List<SessionPageContributor> contributors, PageTexts texts) {
		this.texts = texts;
		this.views = views;
		this.facilitation = facilitation;
		this.lifecycle = lifecycle;
		this.castVote = castVote;
		this.contributors = contributors;
	}

	@GetMapping("/sessions/{sessionId}")
	String session(@PathVariable String sessionId, Principal principal, Model model, RedirectAttributes redirect) {
		String viewerId = Callers.id(principal);
		Optional<String> gone = backToSquadIfDiscarded(sessionId, viewerId, redirect);
		if (gone.isPresent()) {
			return gone.get();
		}
		HealthSession session = visible(sessionId, viewerId);
		if (!session.active()) {
			return "redirect:/sessions/{sessionId}/results";
		}
		model.addAttribute("squad", views.squad(session));
		addParts(session, viewerId, model);
		if (session.mode() == SessionMode.ASYNC) {
			model.addAttribute("check", session);
			model.addAttribute("cards", views.cards(session, viewerId));
			model.addAttribute("members", views.memberCount(session));
			model.addAttribute("facilitator", views.canFacilitate(session, viewerId));
			return "healthcheck/session-async";
		}
		live(session, viewerId, model);
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
		HealthSession session = visible(sessionId, viewerId);
		if (!session.active()) {
			// the page moves to the results; parts have nothing more to show
			response.setHeader("HX-Redirect", "/sessions/" + sessionId + "/results");
			return "healthcheck/live-parts :: nothing";
		}
		if ("counts".equals(part) && session.mode() == SessionMode.ASYNC) {
			List<QuestionCard> cards = views.cards(session, viewerId);
			ShownVotes votes = ShownVotes.of(shown);
			model.addAttribute("check", session);
			model.addAttribute("cards", cards);
			model.addAttribute("outOfDate", cards.stream().filter(votes::outOfDate).toList());
			model.addAttribute("members", views.memberCount(session));
			return "healthcheck/session-async :: counts";
		}
		LiveModel live = live(session, viewerId, model);
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

	@PostMapping("/sessions/{sessionId}/questions/{questionId}/vote")
	String vote(@PathVariable String sessionId, @PathVariable String questionId,
			@RequestParam(required = false) Integer colour, @RequestParam(required = false) Trend trend,
			@RequestParam(required = false) String comment,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal, Model model) {
		String viewerId = Callers.id(principal);
		HealthSession session = visible(sessionId, viewerId);
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
		HealthSession now = visible(sessionId, viewerId);
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
		live(now, viewerId, model);
		return "healthcheck/live-parts :: stage";
	}

	// ----- facilitator controls

	@PostMapping("/sessions/{sessionId}/reveal")
	String reveal(@PathVariable String sessionId, @RequestParam String questionId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal,
			HttpServletResponse response) {
		return steer(sessionId, htmx, response, QUESTION_CHANGED,
				() -> facilitation.reveal(Callers.id(principal), sessionId, questionId));
	}

	/**
	 * Previous and next. {@code from} is the question the facilitator's screen showed: a click on controls
	 * that are out of date (a double click, a second facilitator) changes nothing.
	 */
	@PostMapping("/sessions/{sessionId}/active")
	String moveTo(@PathVariable String sessionId, @RequestParam String questionId,
			@RequestParam(required = false) String from,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal,
			HttpServletResponse response) {
		String callerId = Callers.id(principal);
		String showing = visible(sessionId, callerId).activeQuestionId();
		boolean current = from == null || showing == null || from.equals(showing);
		return steer(sessionId, htmx, response, QUESTION_CHANGED, () -> {
			if (current) {
				facilitation.setActiveQuestion(callerId, sessionId, questionId);
			}
		});
	}

	@PostMapping("/sessions/{sessionId}/timer")
	String timer(@PathVariable String sessionId, @RequestParam(defaultValue = "0") int seconds,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal,
			HttpServletResponse response) {
		return steer(sessionId, htmx, response, TIMER_CHANGED,
				() -> facilitation.setTimer(Callers.id(principal), sessionId, Duration.ofSeconds(seconds)));
	}

	@PostMapping("/sessions/{sessionId}/end")
	String end(@PathVariable String sessionId, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Principal principal, HttpServletResponse response) {
		lifecycle.end(Callers.id(principal), sessionId);
		if (htmx != null) {
			response.setHeader("HX-Redirect", "/sessions/" + sessionId + "/results");
			return "healthcheck/live-parts :: nothing";
		}
		return "redirect:/sessions/{sessionId}/results";
	}

	// ----- results

	@GetMapping("/sessions/{sessionId}/results")
	String results(@PathVariable String sessionId, Principal principal, Model model, RedirectAttributes redirect) {
		String viewerId = Callers.id(principal);
		Optional<String> gone = backToSquadIfDiscarded(sessionId, viewerId, redirect);
		if (gone.isPresent()) {
			return gone.get();
		}
		HealthSession session = visible(sessionId, viewerId);
		if (session.active()) {
			return "redirect:/sessions/{sessionId}";
		}
		model.addAttribute("check", session);
		model.addAttribute("squad", views.squad(session));
		model.addAttribute("results", views.results(session, viewerId));
		model.addAttribute("members", views.memberCount(session));
		addParts(session, viewerId, model);
		return "healthcheck/results";
	}

	/** Other modules' parts of the page, as {@code firstParts} and {@code lastParts}. */
	private void addParts(HealthSession session, String viewerId, Model model) {
		List<SessionPagePart> parts = contributors.stream()
			.flatMap(contributor -> contributor.sessionPage(viewerId, session).stream())
			.toList();
		model.addAttribute("firstParts", parts.stream().filter(SessionPagePart::first).toList());
		model.addAttribute("lastParts", parts.stream().filter(part -> !part.first()).toList());
	}

	// -----

	private String steer(String sessionId, String htmx, HttpServletResponse response, String event, Runnable change) {
		try {
			change.run();
		}
		catch (DomainException refused) {
			if (htmx == null || refused.code() == ErrorCode.FORBIDDEN) {
				throw refused;
			}
			// someone else moved on or ended meanwhile: show the current state
		}
		if (htmx != null) {
			response.setHeader("HX-Trigger", event);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return "healthcheck/live-parts :: nothing";
		}
		return "redirect:/sessions/{sessionId}";
	}

	/**
	 * The live page's model. Only the active question is read with its votes: every part is fetched again on
	 * every change, by every viewer.
	 */
	private LiveModel live(HealthSession session, String viewerId, Model model) {
		List<SessionQuestion> questions = views.questions(session);
		int index = 0;
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).id().equals(session.activeQuestionId())) {
				index = i;
			}
		}
		QuestionCard active = questions.isEmpty() ? null
				: views.card(session, questions.get(index), index + 1, viewerId);
		LiveModel live = new LiveModel(session, active, questions.size(),
				active == null ? null : views.status(session, active.id(), viewerId),
				views.canFacilitate(session, viewerId));
		model.addAttribute("check", session);
		model.addAttribute("live", live);
		model.addAttribute("questions", questions);
		model.addAttribute("previous", active != null && index > 0 ? questions.get(index - 1).id() : null);
		model.addAttribute("next", active != null && index < questions.size() - 1 ? questions.get(index + 1).id() : null);
		return live;
	}

	/** The session, if the viewer is a member of its squad and it was not discarded; to anyone else it does not exist. */
	private HealthSession visible(String sessionId, String viewerId) {
		return views.visible(sessionId, viewerId).orElseThrow(() -> DomainException.notFound("Not found"));
	}

	/** A member who opens a discarded session (an old link, a bookmark) is sent to the squad, which says so. */
	private Optional<String> backToSquadIfDiscarded(String sessionId, String viewerId, RedirectAttributes redirect) {
		return views.discarded(sessionId, viewerId).map(discarded -> {
			redirect.addFlashAttribute("sessionGone", true);
			return "redirect:/squads/" + discarded.squadId() + "#sessions";
		});
	}

	/** What the live page shows: the active question, how many voted, and whether the viewer steers. */
	record LiveModel(HealthSession session, QuestionCard active, int total,
			VoteStatus status, boolean facilitator) {

		/** Identifies what the stage shows; the stage is replaced only when this changes. */
		public String stageKey() {
			return active == null ? "none" : active.id() + (active.question().revealed() ? ":revealed" : ":open");
		}

	}

}
