package io.featurecreep.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.validation.Errors;

/**
 * What a new password must be, after NIST SP 800-63B: long enough, not one of the passwords attackers try
 * first, and nothing else (no rules about digits or symbols, which only make people write passwords down).
 * The list of common passwords ships with the application ({@code identity/common-passwords.txt}, its
 * source and licence at its top) and holds only passwords of at least {@link Accounts#MIN_PASSWORD_LENGTH}
 * characters: shorter ones fail the length rule anyway. It is compared without regard to case, so
 * {@code Password123!} does not slip past {@code password123!}.
 */
final class PasswordPolicy {

	/** bcrypt looks at the first 72 bytes only, and Spring Security refuses longer input outright. */
	static final int MAX_PASSWORD_BYTES = 72;

	private PasswordPolicy() {
	}

	/** What is wrong with a new password, if anything. */
	static Optional<Problem> check(String rawPassword) {
		if (rawPassword == null || rawPassword.length() < Accounts.MIN_PASSWORD_LENGTH) {
			return Optional.of(new Problem("password.tooShort", Accounts.MIN_PASSWORD_LENGTH,
					"Please use at least " + Accounts.MIN_PASSWORD_LENGTH + " characters"));
		}
		if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return Optional.of(new Problem("password.tooLong", MAX_PASSWORD_BYTES,
					"Please use at most " + MAX_PASSWORD_BYTES + " characters (fewer with accents or symbols)"));
		}
		if (CommonPasswords.LIST.contains(rawPassword.toLowerCase(Locale.ROOT))) {
			return Optional.of(new Problem("password.common", Accounts.MIN_PASSWORD_LENGTH,
					"This password is one of the most common ones, which attackers try first; please choose another"));
		}
		return Optional.empty();
	}

	/** How many common passwords the policy knows (for tests and for the curious). */
	static int commonPasswordCount() {
		return CommonPasswords.LIST.size();
	}

	/**
	 * A refused password: a message key of {@code messages.properties} with its one argument, and the English text
	 * for clients that get no page (GraphQL).
	 */
	record Problem(String code, int argument, String defaultMessage) {

		Object[] arguments() {
			return new Object[] { argument };
		}

	}

	/** Loaded once, on first use (about 110,000 entries, a few megabytes of memory). */
	private static final class CommonPasswords {

		static final Set<String> LIST = load("identity/common-passwords.txt");

		static Set<String> load(String resource) {
			InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource);
			if (in == null) {
				throw new IllegalStateException("The list of common passwords is missing: " + resource);
			}
			Set<String> passwords = new HashSet<>(150_000);
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (!line.isEmpty() && !line.startsWith("# ") && !line.equals("#")) {
						passwords.add(line);
					}
				}
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
			return Set.copyOf(passwords);
		}

	}

	/**
	 * A password chosen on a form (sign-up, reset), with its confirmation: the policy's problem on {@code password},
	 * a mismatch on {@code passwordConfirm}.
	 */
	static void checkChosen(String password, String passwordConfirm, Errors errors) {
		check(password).ifPresent(problem -> errors.rejectValue("password", problem.code(), problem.arguments(),
				problem.defaultMessage()));
		if (!password.equals(passwordConfirm)) {
			errors.rejectValue("passwordConfirm", "password.mismatch", "The passwords do not match");
		}
	}

}
