package io.featurecreep.healthcheck;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.featurecreep.shared.DomainException;

/**
 * Texts that the session pages' Java puts into the model (form errors, refusals shown next to a field), in the
 * language of the request being answered. Refusals with a message key are shown in that language; those written in
 * English only (a few shared checks) as they are.
 */
@Component
class PageTexts {

	private final MessageSource messages;

	PageTexts(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	String refusal(DomainException refused) {
		return refused.messageIn(messages, LocaleContextHolder.getLocale());
	}

}
