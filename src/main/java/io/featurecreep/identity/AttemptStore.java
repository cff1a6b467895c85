package io.featurecreep.identity;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;

import io.featurecreep.shared.Caches;

/**
 * Where the token buckets of {@link AttemptLimits} live. With Redis configured (which running more than one
 * node requires) they live there, shared by all nodes, so an attacker gains nothing by spreading attempts over
 * nodes; each key expires once its bucket is full again. Without Redis there is one node, and they live in its
 * memory: a restart forgets them, which gives an attacker one fresh window at most.
 */
interface AttemptStore {

	/** The bucket under this key, created full with the configuration when it does not exist. */
	Bucket bucket(String key, BucketConfiguration configuration);

	/** Drops the bucket under this key: the next attempt starts from a full one. */
	void forget(String key);

	/** Buckets in this node's memory. */
	final class InMemory implements AttemptStore {

		private final Cache<String, Bucket> buckets;

		private final TimeMeter time;

		/**
		 * A bucket left alone for a whole window is full again, so it can be forgotten then. The cap bounds the
		 * memory that attempts with ever new e-mail addresses can take (each needs an attempt of an address).
		 */
		InMemory(Duration window, TimeMeter time) {
			this.buckets = Caches.keptOnTheCallersThread().expireAfterAccess(window).maximumSize(100_000).build();
			this.time = time;
		}

		@Override
		public Bucket bucket(String key, BucketConfiguration configuration) {
			return buckets.get(key, created -> {
				LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
				for (Bandwidth limit : configuration.getBandwidths()) {
					builder.addLimit(limit);
				}
				return builder.build();
			});
		}

		@Override
		public void forget(String key) {
			buckets.invalidate(key);
		}

	}

	/**
	 * Buckets in Redis, through Bucket4j's Lettuce integration (compare-and-swap, no scripts to install). It
	 * connects on first use, so Redis need not be up while the application starts.
	 */
	final class InRedis implements AttemptStore {

		private final Supplier<AbstractRedisClient> client;

		private final TimeMeter time;

		private volatile ProxyManager<String> buckets;

		InRedis(Supplier<AbstractRedisClient> client, TimeMeter time) {
			this.client = client;
			this.time = time;
		}

		@Override
		public Bucket bucket(String key, BucketConfiguration configuration) {
			return buckets().builder().build(key, () -> configuration);
		}

		@Override
		public void forget(String key) {
			buckets().removeProxy(key);
		}

		private ProxyManager<String> buckets() {
			ProxyManager<String> current = buckets;
			if (current == null) {
				synchronized (this) {
					if (buckets == null) {
						buckets = connect(client.get());
					}
					current = buckets;
				}
			}
			return current;
		}

		private ProxyManager<String> connect(AbstractRedisClient redis) {
			Bucket4jLettuce.LettuceBasedProxyManagerBuilder<byte[]> builder = redis instanceof RedisClusterClient cluster
					? Bucket4jLettuce.casBasedBuilder(cluster) : Bucket4jLettuce.casBasedBuilder((RedisClient) redis);
			return builder.clientClock(time)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
				.build()
				.withMapper(key -> key.getBytes(UTF_8));
		}

	}

	/** Bucket4j's time from the application's clock, so tests can let a window pass without waiting. */
	static TimeMeter timeOf(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

}
