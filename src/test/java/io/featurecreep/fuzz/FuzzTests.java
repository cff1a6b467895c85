package io.featurecreep.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

import io.featurecreep.support.FeatureCreepTest;

/**
 * No input breaks a request: 20,000 generated requests (GraphQL operations derived from the schema, broken
 * documents and bodies, odd methods and content types, every page with random parameters and form fields), as
 * nobody and as signed-in people with real data, get no 5xx, no unhandled exception, no ERROR in the log and no
 * stack trace. A failure lists every distinct defect with a request that shows it.
 *
 * <p>
 * {@code -Dfuzz.requests=...} changes the number, {@code -Dfuzz.seed=...} replays a run (the seed is printed;
 * with {@code -Dfuzz.threads=1} the requests come in the same order every time; ids of the generated data differ
 * from run to run, so the printed requests are the reproducers).
 */
@FeatureCreepTest
@Tag("fuzz")
class FuzzTests {

	static final int REQUESTS = Integer.getInteger("fuzz.requests", 20_000);

	/** Often enough that the fuzzer rarely finds its squads emptied, its sessions ended and its names garbled. */
	static final int NEW_WORLD_EVERY = Integer.getInteger("fuzz.world-every", 400);

	/** Each sender runs its requests on its own thread: two keep a two-core build machine busy. */
	static final int THREADS = Integer.getInteger("fuzz.threads", 2);

	@Autowired
	WebApplicationContext context;

	@Test
	void noGeneratedRequestBreaksTheApplication() {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("Fuzzing with seed " + seed + " (-Dfuzz.seed=" + seed + " to run it again)");
		FuzzCampaign campaign = FuzzCampaign.on(context);
		FuzzReport report = campaign.run(seed, REQUESTS, NEW_WORLD_EVERY, THREADS, "H2",
				sent -> {
					if (sent % 5000 == 0) {
						System.out.println("Fuzzing: " + sent + " requests sent");
					}
				});
		System.out.println(report.summary());
		campaign.coverage().forEach(System.out::println);
		System.out.println(report.blemishes());
		assertThat(report.requests()).isGreaterThanOrEqualTo(REQUESTS * 99 / 100);
		if (REQUESTS >= 10_000) {
			assertThat(campaign.coveredEverything()).as("every root field and route fuzzed: %s", campaign.coverage())
				.isTrue();
		}
		if (!report.clean()) {
			fail(report.defects());
		}
	}

}
