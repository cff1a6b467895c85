package io.featurecreep.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Texts of {@code messages.properties} in English, for what has no request to take a language from: refusals that
 * the API reports (pages show the same words) and messages sent to channels from background work. Formatted as
 * Spring's message source does: arguments through {@link MessageFormat}, a text without arguments as it is.
 */
public final class EnglishTexts {

	/** messages.properties itself: never a translation, whatever the machine's default language. */
	private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	private EnglishTexts() {
	}

	public static String of(String key, Object... arguments) {
		String pattern = BUNDLE.getString(key);
		return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
	}

}
