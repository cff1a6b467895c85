package io.featurecreep.identity;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import io.featurecreep.shared.DomainException;

/**
 * What the identity pages show of a refusal: the text of its key in the reader's language, or its English message
 * for a refusal that has no key. The API keeps the English message ({@link DomainException#getMessage()}).
 */
@Component
class RefusalTexts {

	private final MessageSource messages;

	RefusalTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** For a notice a page shows after a redirect (a flash attribute): resolved now, in the language of the post. */
	String of(DomainException refused, Locale locale) {
		return refused.messageKey() == null ? refused.getMessage()
				: messages.getMessage(refused.messageKey(), refused.arguments(), locale);
	}

	/** For a form shown again: the page resolves the key in the reader's language, the message is the fallback. */
	static void reject(Errors errors, DomainException refused) {
		if (refused.messageKey() == null) {
			errors.reject("refused", refused.getMessage());
		}
		else {
			errors.reject(refused.messageKey(), refused.arguments(), refused.getMessage());
		}
	}

}
