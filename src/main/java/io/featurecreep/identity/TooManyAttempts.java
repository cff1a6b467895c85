package io.featurecreep.identity;

import java.time.Duration;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/** A rate limit refused a request; the message says when to try again (whole minutes, rounded up). */
class TooManyAttempts extends DomainException {

	private final Duration retryAfter;

	TooManyAttempts(Duration retryAfter) {
		super(ErrorCode.TOO_MANY_REQUESTS, "Too many attempts. Please try again in " + minutes(retryAfter)
				+ (minutes(retryAfter) == 1 ? " minute." : " minutes."));
		this.retryAfter = retryAfter;
	}

	/** For the {@code Retry-After} header: at least one second. */
	long seconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	/** For the pages' message: at least one minute. */
	long minutes() {
		return minutes(retryAfter);
	}

	private static long minutes(Duration retryAfter) {
		return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
	}

}
