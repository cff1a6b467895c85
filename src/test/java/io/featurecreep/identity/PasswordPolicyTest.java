package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** New passwords: long enough, not too long for bcrypt, and not on the shipped list of common passwords. */
class PasswordPolicyTest {

	@Test
	void aLongUncommonPasswordPasses() {
		assertThat(PasswordPolicy.check("correct horse battery")).isEmpty();
		assertThat(PasswordPolicy.check("only lower case, no digits")).as("no composition rules").isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedWithTheMinimumAsArgument() {
		assertThat(PasswordPolicy.check("123456789")).hasValueSatisfying(problem -> {
			assertThat(problem.code()).isEqualTo("password.tooShort");
			assertThat(problem.arguments()).containsExactly(Accounts.MIN_PASSWORD_LENGTH);
			assertThat(problem.defaultMessage()).isEqualTo("Please use at least 10 characters");
		});
		assertThat(PasswordPolicy.check(null)).isPresent();
	}

	@Test
	void aPasswordBeyondWhatBcryptReadsIsRefused() {
		assertThat(PasswordPolicy.check("é".repeat(37))).hasValueSatisfying(
				problem -> assertThat(problem.code()).isEqualTo("password.tooLong"));
		assertThat(PasswordPolicy.check("a".repeat(72))).isEmpty();
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		assertThat(PasswordPolicy.check("1234567890")).hasValueSatisfying(
				problem -> assertThat(problem.code()).isEqualTo("password.common"));
		assertThat(PasswordPolicy.check("QwertyUIOP")).isPresent();
		assertThat(PasswordPolicy.check("Password1234")).isPresent();
	}

	@Test
	void theListIsLargeAndItsCommentLinesAreNoPasswords() throws IOException {
		List<String> passwords = listedPasswords();

		assertThat(PasswordPolicy.commonPasswordCount()).isGreaterThan(100_000).isEqualTo(passwords.size());
	}

	@Test
	void theListHoldsNoPasswordTheLengthRuleRefusesAnyway() throws IOException {
		assertThat(listedPasswords())
			.allSatisfy(line -> assertThat(line.length()).isGreaterThanOrEqualTo(Accounts.MIN_PASSWORD_LENGTH));
	}

	private List<String> listedPasswords() throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("identity/common-passwords.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.startsWith("# ") && !line.equals("#"))
				.toList();
		}
	}

}
