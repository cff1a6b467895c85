package io.featurecreep.shared;

/**
 * Checks user text before it is stored, so that bad text fails with a clear message naming the field: not blank
 * where it is required, not longer than the database stores, and no characters that hide or disguise what it says.
 * Names and titles are one line of text: no control characters at all. Longer texts (descriptions, comments,
 * notes) may also break lines and indent with tabs. Neither may contain the direction overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069), which make text display in another order than it is stored ("exe.txt" shown as
 * "txt.exe") and run on into whatever the page shows after it.
 */
public final class TextLimits {

	private TextLimits() {
	}

	/** Trims and checks a required name or title. */
	public static String required(String value, String field, int max) {
		return check(requiredValue(value, field), field, max, false);
	}

	/** Trims an optional name or title to null when blank, and checks it. */
	public static String optional(String value, String field, int max) {
		return value == null || value.isBlank() ? null : check(value.strip(), field, max, false);
	}

	/** Trims and checks a required text that may run over several lines. */
	public static String requiredMultiline(String value, String field, int max) {
		return check(requiredValue(value, field), field, max, true);
	}

	/** Trims an optional text that may run over several lines to null when blank, and checks it. */
	public static String optionalMultiline(String value, String field, int max) {
		return value == null || value.isBlank() ? null : check(value.strip(), field, max, true);
	}

	/**
	 * The text without the characters the checks refuse, for text that cannot be refused because nobody could
	 * correct it here (names from a sign-in provider).
	 */
	public static String withoutUnsafeCharacters(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(value.length());
		value.codePoints().filter(c -> !Character.isISOControl(c) && !changesDirection(c)).forEach(kept::appendCodePoint);
		return kept.toString().strip();
	}

	private static String requiredValue(String value, String field) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty()) {
			throw DomainException.badInput(field + " must not be empty");
		}
		return trimmed;
	}

	private static String check(String value, String field, int max, boolean multiline) {
		// counted in UTF-16 units, as H2 counts its varchar columns (PostgreSQL counts characters, never more):
		// an emoji counts twice, and nothing that passes here is too long for either database
		if (value.length() > max) {
			boolean wideSymbols = value.codePointCount(0, value.length()) <= max;
			throw DomainException.badInput(field + " is too long (at most " + max + " characters"
					+ (wideSymbols ? "; emoji and some other symbols count as two)" : ")"));
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
				throw DomainException.badInput(field + (multiline
						? " must not contain control characters other than line breaks and tabs"
						: " must not contain control characters (such as line breaks or tabs)"));
			}
			if (changesDirection(c)) {
				throw DomainException.badInput(field + " must not contain characters that change the direction of the text");
			}
		}
		return value;
	}

	/** The embeddings and overrides U+202A-U+202E and the isolates U+2066-U+2069. */
	private static boolean changesDirection(int c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

}
