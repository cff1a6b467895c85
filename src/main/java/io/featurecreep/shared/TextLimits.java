package io.featurecreep.shared;

/** Checks user text against the sizes the database stores, so oversized input fails with a clear message. */
public final class TextLimits {

	private TextLimits() {
	}

	/** Trims and checks a required text; blank or too long is a bad input. */
	public static String required(String value, String field, int max) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty()) {
			throw DomainException.badInput(field + " must not be empty");
		}
		return limit(trimmed, field, max);
	}

	/** Trims an optional text to null when blank and checks its length. */
	public static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return limit(value.strip(), field, max);
	}

	private static String limit(String value, String field, int max) {
		if (value.codePointCount(0, value.length()) > max) {
			throw DomainException.badInput(field + " is too long (at most " + max + " characters)");
		}
		return value;
	}

}
