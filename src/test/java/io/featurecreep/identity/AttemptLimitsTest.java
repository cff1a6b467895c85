package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.featurecreep.identity.AttemptLimits.Key;
import io.featurecreep.identity.AttemptLimits.Limit;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.support.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The rate limits' rules, on the in-memory store and a clock the test moves (no waiting). */
class AttemptLimitsTest {

	final MovableClock clock = new MovableClock();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final AttemptLimits limits = new AttemptLimits(
			new AttemptStore.InMemory(Duration.ofMinutes(15), AttemptStore.timeOf(clock)),
			new ThrottlingSettings(Duration.ofMinutes(15), 5, 3), new SignInMetrics(meters));

	final Key account = Limit.SIGN_IN_PER_ACCOUNT.of("ada@example.org");

	@Test
	void fiveAttemptsPassAndTheSixthIsRefusedUntilTheWindowHasPassed() {
		takeTimes(5, account);

		TooManyAttempts refused = catchThrowableOfType(TooManyAttempts.class, () -> limits.take(account));
		assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
		assertThat(refused.minutes()).isEqualTo(15);
		assertThat(refused.getMessage()).isEqualTo("Too many attempts. Please try again in 15 minutes.");

		clock.advance(Duration.ofMinutes(15));
		takeTimes(5, account);
	}

	@Test
	void refusedAttemptsDoNotProlongTheLockOut() {
		takeTimes(5, account);
		for (int minute = 1; minute < 15; minute++) {
			clock.advance(Duration.ofMinutes(1));
			assertThatThrownBy(() -> limits.take(account)).isInstanceOf(TooManyAttempts.class);
		}

		clock.advance(Duration.ofMinutes(1));

		limits.take(account);
	}

	@Test
	void theWindowCountsFromTheFirstAttempt() {
		limits.take(account);
		clock.advance(Duration.ofMinutes(10));
		takeTimes(4, account);

		TooManyAttempts refused = catchThrowableOfType(TooManyAttempts.class, () -> limits.take(account));

		assertThat(refused.minutes()).isEqualTo(5);
		assertThat(refused.seconds()).isEqualTo(300);
	}

	@Test
	void forgettingGivesAFullAllowanceAgain() {
		takeTimes(5, account);

		limits.forget(account);

		takeTimes(5, account);
	}

	@Test
	void aGivenBackAttemptCanBeTakenAgain() {
		takeTimes(5, account);

		limits.giveBack(account);

		limits.take(account);
		assertThatThrownBy(() -> limits.take(account)).isInstanceOf(TooManyAttempts.class);
	}

	@Test
	void perAddressLimitsHaveTheirOwnAllowance() {
		Key address = Limit.SIGN_IN_PER_ADDRESS.of("192.0.2.1");

		takeTimes(3, address);

		assertThatThrownBy(() -> limits.take(address)).isInstanceOf(TooManyAttempts.class);
	}

	@Test
	void anAttemptRefusedByOneKeyCountsAgainstNone() {
		Key address = Limit.SIGN_IN_PER_ADDRESS.of("192.0.2.2");
		takeTimes(3, address);

		assertThatThrownBy(() -> limits.take(account, address)).isInstanceOf(TooManyAttempts.class);

		takeTimes(5, account);
	}

	@Test
	void eachRefusalIsCountedUnderItsLimitOnly() {
		Key address = Limit.SIGN_IN_PER_ADDRESS.of("192.0.2.3");
		takeTimes(3, address);

		assertThatThrownBy(() -> limits.take(account, address)).isInstanceOf(TooManyAttempts.class);
		assertThatThrownBy(() -> limits.take(address)).isInstanceOf(TooManyAttempts.class);

		assertThat(refusals("sign_in_per_address")).isEqualTo(2);
		assertThat(refusals("sign_in_per_account")).isZero();
	}

	@Test
	void limitsAndKeysAreCountedApart() {
		takeTimes(5, account);

		limits.take(Limit.SIGN_IN_PER_ACCOUNT.of("bob@example.org"));
		limits.take(Limit.MAIL_PER_EMAIL.of("ada@example.org"));
	}

	private double refusals(String limit) {
		return meters.get("feature.creep.throttled.attempts").tag("limit", limit).counter().count();
	}

	private void takeTimes(int times, Key key) {
		for (int i = 0; i < times; i++) {
			limits.take(key);
		}
	}

}
