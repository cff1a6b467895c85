package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The voter keys' HMAC, computed from a copied keyed prototype (issue #15), is the plain HMAC, on any thread. */
class AnonymityKeyTest {

	private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);

	private final AnonymityKey key = new AnonymityKey(Base64.getEncoder().encodeToString(SECRET), Path.of("unused"),
			"jdbc:postgresql://db/featurecreep");

	@Test
	void isTheHmacOfTheTextUnderTheKeyOnManyThreadsAtOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				int t = thread;
				done.add(threads.submit(() -> {
					for (int i = 0; i < 2_000; i++) {
						String text = "question-" + i + "\nperson-" + t;
						assertThat(key.hmac(text)).as(text).isEqualTo(plainHmac(text));
					}
					return null;
				}));
			}
			for (Future<?> each : done) {
				each.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static byte[] plainHmac(String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}

}
