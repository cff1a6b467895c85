package io.featurecreep.healthcheck;

import java.security.Principal;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The facilitator's controls on the live page: reveal, previous and next, the timer, the end. With htmx they answer
 * with an event that makes the facilitator's own parts refresh at once (everyone else's follow the server's events);
 * without scripts every form posts and redirects back.
 */
@Controller
class FacilitatorPages {

	/** htmx event names the parts listen to, besides the server-sent ones. */
	static final String QUESTION_CHANGED = "fc-question";

	static final String TIMER_CHANGED = "fc-timer";

	private final LivePageModel pages;

	private final SessionFacilitation facilitation;

	private final SessionLifecycle lifecycle;

	FacilitatorPages(LivePageModel pages, SessionFacilitation facilitation, SessionLifecycle lifecycle) {
		this.pages = pages;
		this.facilitation = facilitation;
		this.lifecycle = lifecycle;
	}

	@PostMapping("/sessions/{sessionId}/reveal")
	String reveal(@PathVariable String sessionId, @RequestParam String questionId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal,
			HttpServletResponse response) {
		return steer(htmx, response, QUESTION_CHANGED,
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
		String showing = pages.visible(sessionId, callerId).activeQuestionId();
		boolean current = from == null || showing == null || from.equals(showing);
		return steer(htmx, response, QUESTION_CHANGED, () -> {
			if (current) {
				facilitation.setActiveQuestion(callerId, sessionId, questionId);
			}
		});
	}

	@PostMapping("/sessions/{sessionId}/timer")
	String timer(@PathVariable String sessionId, @RequestParam(defaultValue = "0") int seconds,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Principal principal,
			HttpServletResponse response) {
		return steer(htmx, response, TIMER_CHANGED,
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

	private String steer(String htmx, HttpServletResponse response, String event, Runnable change) {
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

}
