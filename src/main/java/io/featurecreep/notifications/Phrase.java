package io.featurecreep.notifications;

import org.springframework.context.MessageSourceResolvable;

import io.featurecreep.shared.EnglishTexts;

/**
 * A text of the message bundles with its arguments, said later: in English where it is stored or reported by the
 * API ({@link #toString()}, which {@link EnglishTexts} and {@link java.text.MessageFormat} also use for a phrase
 * that is an argument of another text), and in the reader's language where a page shows it (Spring's message source
 * resolves it, and a phrase among the arguments of another text, in the language asked for). Refusals that name
 * another text ("Please give the {0}") carry it as a phrase, so that a page can say the whole in one language.
 */
record Phrase(String key, Object... arguments) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	/** None: a phrase's key is in the bundles (a test checks every key), and a missing one should show. */
	@Override
	public String getDefaultMessage() {
		return null;
	}

	@Override
	public String toString() {
		return EnglishTexts.of(key, arguments);
	}

}
