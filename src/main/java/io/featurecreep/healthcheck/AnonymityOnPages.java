package io.featurecreep.healthcheck;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the anonymity minimum as {@code minVotes}, so that whatever page explains what an anonymous
 * squad shows (the landing page, sessions, results, history, matrix) names the number in force.
 */
@ControllerAdvice
class AnonymityOnPages {

	private final Anonymity anonymity;

	AnonymityOnPages(Anonymity anonymity) {
		this.anonymity = anonymity;
	}

	@ModelAttribute("minVotes")
	int minVotes() {
		return anonymity.minVotesAnonymous();
	}

}
