package io.featurecreep.identity;

import org.springframework.validation.Errors;

import io.featurecreep.shared.DomainException;

/**
 * A refusal as a form's error, which the page shows in the reader's language when the refusal has a key (its
 * English message is the fallback, and all there is for a refusal without one). Notices after a redirect use
 * {@link DomainException#messageIn}.
 */
final class RefusalTexts {

	private RefusalTexts() {
	}

	static void reject(Errors errors, DomainException refused) {
		if (refused.messageKey() == null) {
			errors.reject("refused", refused.getMessage());
		}
		else {
			errors.reject(refused.messageKey(), refused.arguments(), refused.getMessage());
		}
	}

}
