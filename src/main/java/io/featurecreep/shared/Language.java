package io.featurecreep.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The languages the pages, e-mails and channel reports are written in, in the order a menu lists them (by their own
 * names: Deutsch, English, Español, Français, Nederlands). Each is stored by its tag ({@code person.locale},
 * {@code squad.report_locale}); English is what everyone gets whose language is not one of these.
 */
public enum Language {

	GERMAN("de", "language.name.de"), ENGLISH("en", "language.name.en"), SPANISH("es", "language.name.es"),
	FRENCH("fr", "language.name.fr"), DUTCH("nl", "language.name.nl");

	/** For whom no language matches. */
	public static final Language DEFAULT = ENGLISH;

	private static final List<String> TAGS = Arrays.stream(values()).map(Language::tag).toList();

	private final String tag;

	private final String nameKey;

	private final Locale locale;

	Language(String tag, String nameKey) {
		this.tag = tag;
		this.nameKey = nameKey;
		this.locale = Locale.forLanguageTag(tag);
	}

	/** The IETF language tag, as stored and as the API takes it: {@code de}. */
	public String tag() {
		return tag;
	}

	/** The key of the language's name in its own language ("Deutsch"), the same in every bundle. */
	public String nameKey() {
		return nameKey;
	}

	public Locale locale() {
		return locale;
	}

	/** The language of this tag, exactly as stored ({@code de}); anything else, a region included, is none. */
	public static Optional<Language> ofTag(String tag) {
		return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst();
	}

	/** The language of a locale, whatever its region or script: {@code de-CH} is German. */
	public static Optional<Language> of(Locale locale) {
		return locale == null ? Optional.empty() : ofTag(locale.getLanguage());
	}

	/**
	 * The first of the reader's languages that we write, in the order of preference of an {@code Accept-Language}
	 * header, regions ignored ({@code fr-BE, nl;q=0.8} is French; {@code zh, nl;q=0.5} Dutch); none if we write none
	 * of them, or the header cannot be read. Read here rather than through the servlet container, which answers a
	 * missing or unreadable header with the machine's own language.
	 */
	public static Optional<Language> bestMatch(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Optional.empty();
		}
		try {
			String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
			return tag == null ? Optional.empty() : of(Locale.forLanguageTag(tag));
		}
		catch (IllegalArgumentException unreadable) {
			return Optional.empty();
		}
	}

	/**
	 * What someone chose by tag, in any letter case: none (blank) leaves the choice to the default, and a tag of a
	 * language we do not write is refused.
	 */
	public static Optional<Language> chosen(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(ofTag(tag.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> DomainException.of(ErrorCode.BAD_USER_INPUT, "language.unknown", tags())));
	}

	/** The tags, for messages that list them: "de, en, es, fr, nl". */
	public static String tags() {
		return Arrays.stream(values()).map(Language::tag).collect(Collectors.joining(", "));
	}

}
