package io.featurecreep.identity;

import static io.featurecreep.shared.SqlTimes.utc;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import io.featurecreep.shared.Caches;

/**
 * When people last signed in, for the admins' list of people: a sign-in with a password or through a provider, a
 * sign-up, and each request with a bearer token (an API client signs in with every request). To the minute: a
 * client's every request writing a row would turn reads into writes, so each node writes a person's time at most
 * once a minute.
 */
@Component
class LastSignIns {

	static final Duration PRECISION = Duration.ofMinutes(1);

	private final Cache<String, Boolean> recentlyWritten = Caches.keptOnTheCallersThread()
		.expireAfterWrite(PRECISION)
		.maximumSize(100_000)
		.build();

	private final JdbcClient jdbc;

	private final Clock clock;

	LastSignIns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String personId) {
		if (recentlyWritten.asMap().putIfAbsent(personId, Boolean.TRUE) == null) {
			jdbc.sql("update person set last_sign_in_at = ? where id = ? and status = 'ACTIVE'")
				.params(utc(clock.instant()), personId)
				.update();
		}
	}

	/** Sign-in with a password or through a provider: the authentication's name is the person's id. */
	@EventListener
	void on(AuthenticationSuccessEvent signedIn) {
		record(signedIn.getAuthentication().getName());
	}

}
