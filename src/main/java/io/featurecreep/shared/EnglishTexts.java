package io.featurecreep.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of the message bundles ({@link MessageBundles}) in English, for what has no request to take a language from: refusals that
 * the API reports (pages show the same words) and messages sent to channels from background work. Formatted as
 * Spring's message source does: arguments through {@link MessageFormat}, a text without arguments as it is.
 */
public final class EnglishTexts {

	/** The English base files themselves: never a translation, whatever the machine's default language. */
	private static final List<ResourceBundle> BUNDLES = MessageBundles.BASENAMES.stream()
		.map(basename -> ResourceBundle.getBundle(basename, Locale.ROOT,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)))
		.toList();

	private EnglishTexts() {
	}

	public static String of(String key, Object... arguments) {
		String pattern = BUNDLES.stream()
			.filter(bundle -> bundle.containsKey(key))
			.map(bundle -> bundle.getString(key))
			.findFirst()
			.orElseThrow(() -> new MissingResourceException("No English text for " + key, "messages", key));
		return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
	}

}
