package io.featurecreep.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many attempts the rate limits of {@link AttemptLimits} allow within one window. Everyone behind one
 * address (an office, a school) shares its per-address allowance: such a deployment may raise it.
 *
 * @param window how long a spent allowance lasts: attempts come back all at once when it has passed, counted
 * from the first attempt, so nobody is ever locked out for longer than this
 * @param attempts attempts per account, per e-mail address and per person
 * @param attemptsPerAddress attempts per client address ({@code request.getRemoteAddr()})
 */
@ConfigurationProperties("feature-creep.throttling")
record ThrottlingSettings(@DefaultValue("15m") Duration window, @DefaultValue("5") int attempts,
		@DefaultValue("5") int attemptsPerAddress) {

	ThrottlingSettings {
		if (window.isNegative() || window.isZero() || attempts < 1 || attemptsPerAddress < 1) {
			throw new IllegalArgumentException(
					"feature-creep.throttling needs a positive window and at least 1 attempt per account and per address");
		}
	}

}
