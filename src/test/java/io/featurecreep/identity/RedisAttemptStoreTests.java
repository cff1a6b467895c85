package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.featurecreep.identity.AttemptLimits.Key;
import io.featurecreep.identity.AttemptLimits.Limit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * With Redis, every node counts against the same limits: two stores, as on two nodes, on one real Redis. Runs
 * where .ci/run (or .ci/start-redis.sh) set FC_TEST_REDIS_URL.
 */
@EnabledIfEnvironmentVariable(named = "FC_TEST_REDIS_URL", matches = "redis://.+")
class RedisAttemptStoreTests {

	static RedisClient redis;

	static AttemptLimits nodeA;

	static AttemptLimits nodeB;

	@BeforeAll
	static void twoNodes() {
		redis = RedisClient.create(System.getenv("FC_TEST_REDIS_URL"));
		ThrottlingSettings settings = new ThrottlingSettings(Duration.ofMinutes(15), 5, 5);
		nodeA = new AttemptLimits(new AttemptStore.InRedis(() -> redis, AttemptStore.timeOf(Clock.systemUTC())), settings,
				new SignInMetrics(new SimpleMeterRegistry()));
		nodeB = new AttemptLimits(new AttemptStore.InRedis(() -> redis, AttemptStore.timeOf(Clock.systemUTC())), settings,
				new SignInMetrics(new SimpleMeterRegistry()));
	}

	@AfterAll
	static void close() {
		redis.shutdown();
	}

	@Test
	void attemptsOnOneNodeCountOnTheOther() {
		Key account = Limit.SIGN_IN_PER_ACCOUNT.of("ada-" + UUID.randomUUID() + "@example.org");
		for (int i = 0; i < 3; i++) {
			nodeA.take(account);
		}
		nodeB.take(account);
		nodeB.take(account);

		assertThatThrownBy(() -> nodeA.take(account)).isInstanceOf(TooManyAttempts.class);
		assertThatThrownBy(() -> nodeB.take(account)).isInstanceOf(TooManyAttempts.class);

		nodeB.forget(account);
		nodeA.take(account);
	}

	@Test
	void theCountExpiresFromRedisAndKeepsNoEmailAddress() {
		String email = "bob-" + UUID.randomUUID() + "@example.org";
		nodeA.take(Limit.MAIL_PER_EMAIL.of(email));

		try (StatefulRedisConnection<String, String> connection = redis.connect()) {
			String key = "fc:attempts:mail_per_email:" + AccessTokens.sha256(email);
			assertThat(connection.sync().exists(key)).isEqualTo(1);
			assertThat(connection.sync().ttl(key)).isBetween(1L, Duration.ofMinutes(16).toSeconds());
			assertThat(connection.sync().keys("*" + email + "*")).isEmpty();
		}
	}

}
