package io.featurecreep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.context.WebApplicationContext;

import io.featurecreep.fuzz.FuzzCampaign;
import io.featurecreep.fuzz.FuzzReport;

/**
 * Not a test: the fuzzer of {@code FuzzTests} for a million requests (by default) against the application on
 * PostgreSQL (with {@code FC_TEST_POSTGRES_URL} set; on H2 without), in a schema of its own. Prints requests by
 * kind and status class, requests per second, and every distinct failure with a request that shows it; writes the
 * same to {@code target/benchmarks/fuzz.md}. A run takes a quarter of an hour or more on two cores.
 *
 * <pre>
 * eval "$(.ci/start-postgres.sh)"
 * ./mvnw -B -Pbenchmarks test -Dtest=FuzzBenchmark -Dfuzz.requests=1000000 -Dfuzz.seed=20261202
 * </pre>
 */
class FuzzBenchmark {

	static final int REQUESTS = Integer.getInteger("fuzz.requests", 1_000_000);

	static final int NEW_WORLD_EVERY = Integer.getInteger("fuzz.world-every", 400);

	/** A request runs on the thread that sends it: two senders for the two cores of the development machine. */
	static final int THREADS = Integer.getInteger("fuzz.threads", 2);

	@Test
	void report() throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		boolean postgres = System.getenv(TestDatabase.POSTGRES_URL) != null;
		List<String> arguments = new ArrayList<>();
		(postgres ? TestDatabase.postgres() : TestDatabase.h2()).properties()
			.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		// errors and warnings only, without one line per refused method: the fuzzer's own capture sees every ERROR
		arguments.addAll(List.of("--server.port=0", "--logging.level.root=warn",
				"--logging.level.org.springframework.web.servlet.PageNotFound=error"));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FeatureCreepApplication.class)
			.run(arguments.toArray(String[]::new))) {
			FuzzCampaign campaign = FuzzCampaign.on((WebApplicationContext) app);
			long start = System.nanoTime();
			long[] last = { start, 0 };
			System.out.printf(Locale.ROOT, "Fuzzing %,d requests on %s from %d threads with seed %d%n", REQUESTS,
					postgres ? "PostgreSQL" : "H2", THREADS, seed);
			FuzzReport report = campaign.run(seed, REQUESTS, NEW_WORLD_EVERY, THREADS, postgres ? "PostgreSQL" : "H2", sent -> {
				if (sent % 50_000 == 0) {
					long now = System.nanoTime();
					// the rate of the last 50,000 next to the overall one: a slowdown as data grows shows here
					System.out.printf(Locale.ROOT, "  %,d requests, %.0f s, last %,d at %.0f requests/s%n", sent,
							(now - start) / 1e9, sent - last[1], (sent - last[1]) / ((now - last[0]) / 1e9));
					last[0] = now;
					last[1] = sent;
				}
			});
			String text = "## Fuzzing (" + (postgres ? "PostgreSQL" : "H2") + ")\n\n" + report.summary() + "\n"
					+ String.join("\n", campaign.coverage()) + "\n\n" + report.defects() + "\n" + report.blemishes();
			System.out.println(text);
			Path out = Path.of("target", "benchmarks", "fuzz.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, text);
		}
	}

}
