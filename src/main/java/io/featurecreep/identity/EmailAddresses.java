package io.featurecreep.identity;

import java.util.Locale;
import java.util.regex.Pattern;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/** A deliberately simple e-mail check: one @, something on each side, a dot in the domain, no spaces. */
final class EmailAddresses {

	/** Also used by the sign-up form, so the page and the domain accept the same addresses. */
	static final String SHAPE_REGEX = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

	static final int MAX_LENGTH = 320;

	private static final Pattern SHAPE = Pattern.compile(SHAPE_REGEX);

	private EmailAddresses() {
	}

	static String optional(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return required(email);
	}

	static String required(String email) {
		String trimmed = email == null ? "" : email.strip();
		if (trimmed.length() > MAX_LENGTH || !SHAPE.matcher(trimmed).matches()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.invalidEmail");
		}
		return trimmed.toLowerCase(Locale.ROOT);
	}

}
