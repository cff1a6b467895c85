package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class IdsTest {

	@Test
	void anIdIsARandomUuidInItsUsualText() {
		String id = Ids.newId();
		UUID parsed = UUID.fromString(id);
		assertThat(parsed.toString()).isEqualTo(id);
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(parsed.version()).isEqualTo(4);
		assertThat(parsed.variant()).isEqualTo(2);
	}

	@Test
	void threadsSharingAGeneratorNeverGetTheSameId() throws Exception {
		Set<String> ids = ConcurrentHashMap.newKeySet();
		int threads = 64;
		int each = 2_000;
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			var done = IntStream.range(0, threads)
				.mapToObj(t -> pool.submit(() -> IntStream.range(0, each).forEach(i -> ids.add(Ids.newId()))))
				.toList();
			for (Future<?> one : done) {
				one.get();
			}
		}
		assertThat(ids).hasSize(threads * each);
	}

	@Test
	void everyBitOutsideVersionAndVariantVaries() {
		// 122 random bits: over 2,000 ids each of them must have been both 0 and 1 (a stuck bit would show here)
		long msbOnes = 0, msbZeros = 0, lsbOnes = 0, lsbZeros = 0;
		for (int i = 0; i < 2_000; i++) {
			UUID id = UUID.fromString(Ids.newId());
			msbOnes |= id.getMostSignificantBits();
			msbZeros |= ~id.getMostSignificantBits();
			lsbOnes |= id.getLeastSignificantBits();
			lsbZeros |= ~id.getLeastSignificantBits();
		}
		long versionBits = 0xF000L;
		long variantBits = 0xC000_0000_0000_0000L;
		assertThat(msbOnes | versionBits).isEqualTo(-1L);
		assertThat(msbZeros | versionBits).isEqualTo(-1L);
		assertThat(lsbOnes | variantBits).isEqualTo(-1L);
		assertThat(lsbZeros | variantBits).isEqualTo(-1L);
	}

}
