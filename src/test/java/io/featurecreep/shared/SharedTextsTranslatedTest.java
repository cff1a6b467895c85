package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The texts several modules share ({@code messages.properties}) in every language the pages speak: each key in
 * each translation, with the same arguments, and each text one that {@link MessageFormat} reads as meant.
 */
class SharedTextsTranslatedTest {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	@ParameterizedTest
	@ValueSource(strings = { "de", "fr", "es", "nl" })
	void everyKeyIsTranslatedWithTheSameArguments(String tag) throws IOException {
		Properties english = load("messages.properties");
		Properties translated = load("messages_" + tag + ".properties");

		assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			assertThat(arguments(translated.getProperty(key))).as("%s in %s", key, tag)
				.isEqualTo(arguments(english.getProperty(key)));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "de", "fr", "es", "nl" })
	void everyTextReadsAsWritten(String tag) throws IOException {
		Properties translated = load("messages_" + tag + ".properties");
		for (String key : translated.stringPropertyNames()) {
			String text = translated.getProperty(key);
			// a straight quote would start a quoted part in a text with arguments: translations use ’ instead
			assertThat(text).as("%s in %s", key, tag).doesNotContain("'");
			Object[] samples = { 3, 7, 9, 11, 13 };
			String formatted = new MessageFormat(text, Language.ofTag(tag).orElseThrow().locale()).format(samples);
			assertThat(formatted).as("%s in %s", key, tag).doesNotContain("{").doesNotContain("}");
		}
	}

	private static Set<String> arguments(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = SharedTextsTranslatedTest.class.getClassLoader().getResourceAsStream(file)) {
			assertThat(in).as(file).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
