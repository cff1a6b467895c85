package io.featurecreep.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Rate limits on what attackers repeat: guessing passwords, creating accounts, asking for reset e-mails and
 * minting access tokens. Each limit allows {@link ThrottlingSettings#attempts()} (per account, e-mail address or
 * person) or {@link ThrottlingSettings#attemptsPerAddress()} (per client address) attempts per window; spent
 * attempts all come back when the window, counted from the first attempt, has passed. A refused attempt costs
 * nothing, so an attacker can never make a lock-out last longer than one window.
 * <p>
 * Token buckets of Bucket4j ({@link AttemptStore}): one per limit and key, the key hashed so that no e-mail
 * address ends up in Redis and no long input makes a long key. When the store fails, attempts are let through
 * (and logged): a broken Redis must not lock everyone out.
 */
@Component
class AttemptLimits {

	private static final Logger log = LoggerFactory.getLogger(AttemptLimits.class);

	private final AttemptStore store;

	private final BucketConfiguration perKey;

	private final BucketConfiguration perAddress;

	private final SignInMetrics metrics;

	AttemptLimits(AttemptStore store, ThrottlingSettings settings, SignInMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
		this.perKey = configuration(settings.attempts(), settings.window());
		this.perAddress = configuration(settings.attemptsPerAddress(), settings.window());
	}

	/**
	 * Counts one attempt against each key, or against none: refused, when one of them has no attempt left, with
	 * the time until it has.
	 */
	void take(Key... keys) {
		List<Bucket> taken = new ArrayList<>();
		try {
			for (Key key : keys) {
				Bucket bucket = bucket(key);
				ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
				if (!probe.isConsumed()) {
					taken.forEach(each -> each.addTokens(1));
					metrics.refused(key.limit());
					throw new TooManyAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
				}
				taken.add(bucket);
			}
		}
		catch (TooManyAttempts refused) {
			throw refused;
		}
		catch (RuntimeException storeFailed) {
			log.warn("Rate limits are unavailable, letting the attempt through: {}", storeFailed.toString());
		}
	}

	/** Hands back an attempt that turned out to be no attack (a successful sign-in from an address). */
	void giveBack(Key key) {
		try {
			bucket(key).addTokens(1);
		}
		catch (RuntimeException storeFailed) {
			log.warn("Rate limits are unavailable: {}", storeFailed.toString());
		}
	}

	/** Forgets every attempt under the key (a successful sign-in to the account). */
	void forget(Key key) {
		try {
			store.forget(storeKey(key));
		}
		catch (RuntimeException storeFailed) {
			log.warn("Rate limits are unavailable: {}", storeFailed.toString());
		}
	}

	private Bucket bucket(Key key) {
		return store.bucket(storeKey(key), key.limit().perAddress() ? perAddress : perKey);
	}

	private static String storeKey(Key key) {
		return "fc:attempts:" + key.limit().name().toLowerCase(Locale.ROOT) + ":" + AccessTokens.sha256(key.value());
	}

	private static BucketConfiguration configuration(int attempts, Duration window) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, window))
			.build();
	}

	/** What is limited, and per what. */
	enum Limit {

		SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, SIGN_UP_PER_ADDRESS, RESET_REQUEST_PER_ADDRESS,
		/** Password reset requests, and the e-mails sign-up sends, to one e-mail address. */
		MAIL_PER_EMAIL, ACCESS_TOKEN_PER_PERSON;

		boolean perAddress() {
			return name().endsWith("_PER_ADDRESS");
		}

		Key of(String value) {
			return new Key(this, value == null ? "" : value);
		}

	}

	/** One limit's count for one account, address, e-mail address or person. */
	record Key(Limit limit, String value) {
	}

}
