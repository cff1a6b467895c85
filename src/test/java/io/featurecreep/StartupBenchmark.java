package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import io.featurecreep.support.PackagedJar;

/**
 * Start-up of the packaged application (issue #14): from starting {@code java} to the first 200 on
 * {@code /actuator/health}, each start in a fresh working directory (a new ./data: an empty H2 database that
 * Flyway migrates, a new anonymity key file), side by side in one run:
 * <ul>
 * <li>{@code plain}: {@code java -jar target/feature-creep-<version>.jar}, the executable jar;
 * <li>{@code extracted}: the jar extracted with {@code -Djarmode=tools} (what the cache needs), no cache;
 * <li>{@code aot-cache}: the extracted jar with the JVM's AOT cache from {@code deploy/train-aot-cache.sh}, trained
 * and started without Spring AOT ({@code SPRING_AOT=false});
 * <li>{@code aot}: as the image starts: the extracted jar with Spring AOT's generated bean definitions
 * ({@code -Dspring.aot.enabled=true}) and an AOT cache trained in that mode.
 * </ul>
 * The variants take turns within each round, in a rotating order, so that load from elsewhere falls on all of
 * them alike; the report gives every start and the medians, with the load average before and after.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B -Pbenchmarks test -Dtest=StartupBenchmark -Dbench.rounds=5
 * </pre>
 *
 * {@code -Dbench.variants=plain,aot} leaves the others out (and trains only the cache it needs).
 *
 * The JVM that runs the benchmark trains the cache and runs every start: a cache works only with its own JVM.
 */
class StartupBenchmark {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Duration GIVE_UP = Duration.ofMinutes(5);

	private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");

	private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@Test
	void firstResponseAfterStart() throws Exception {
		Path jar = PackagedJar.find();
		Path work = ROOT.resolve("target/startup-benchmark");
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Path app = work.resolve("app");
		Path extracted = app.resolve("feature-creep.jar");
		Path cache = app.resolve("feature-creep.aot");
		Path springAotCache = app.resolve("feature-creep-spring-aot.aot");
		run(work, Map.of(), List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString(),
				"--application-filename", "feature-creep.jar"));

		Map<String, List<String>> variants = new LinkedHashMap<>();
		variants.put("plain", List.of(java, "-jar", jar.toString()));
		variants.put("extracted", List.of(java, "-jar", extracted.toString()));
		variants.put("aot-cache", List.of(java, "-XX:AOTCache=" + cache, "-jar", extracted.toString()));
		variants.put("aot", List.of(java, "-XX:AOTCache=" + springAotCache, "-Dspring.aot.enabled=true", "-jar",
				extracted.toString()));
		String chosen = System.getProperty("bench.variants", String.join(",", variants.keySet()));
		List<String> names = List.of(chosen.split(","));
		assertThat(names).as("-Dbench.variants").contains("plain");
		assertThat(variants.keySet()).as("-Dbench.variants").containsAll(names);
		if (names.contains("aot-cache")) {
			train(work, extracted, cache, "false");
		}
		if (names.contains("aot")) {
			train(work, extracted, springAotCache, "true");
		}
		Map<String, List<Start>> starts = new LinkedHashMap<>();
		names.forEach(name -> starts.put(name, new ArrayList<>()));

		int rounds = Integer.getInteger("bench.rounds", 5);
		System.out.printf("%n%s, %d cores; %d rounds%n", System.getProperty("java.vm.version"),
				Runtime.getRuntime().availableProcessors(), rounds);
		System.out.printf("%-6s %-10s %12s %12s %12s   %s%n", "round", "variant", "first 200 ms", "CPU ms",
				"'Started' s", "load average before / after");
		for (int round = 1; round <= rounds; round++) {
			for (int turn = 0; turn < names.size(); turn++) {
				String name = names.get((round - 1 + turn) % names.size());
				Start start = start(work.resolve("run-" + round + "-" + name), variants.get(name));
				starts.get(name).add(start);
				System.out.printf("%-6d %-10s %12d %12d %12s   %s / %s%n", round, name, start.firstResponseMillis(),
						start.cpuMillis(), start.started(), start.loadBefore(), start.loadAfter());
			}
		}

		long plain = median(starts.get("plain"), Start::firstResponseMillis);
		long plainCpu = median(starts.get("plain"), Start::cpuMillis);
		System.out.printf("%nMedians: time to the first 200 on /actuator/health after starting java, and the CPU time"
				+ " the JVM used until then (all its threads)%n");
		for (String name : names) {
			long median = median(starts.get(name), Start::firstResponseMillis);
			long cpu = median(starts.get(name), Start::cpuMillis);
			System.out.printf("  %-10s %6d ms  %.2f x plain   CPU %6d ms  %.2f x plain%n", name, median,
					(double) median / plain, cpu, (double) cpu / plainCpu);
		}
	}

	/** Trains a cache with the image's script, with or without Spring AOT. */
	private void train(Path work, Path extracted, Path cache, String springAot) throws Exception {
		long training = System.nanoTime();
		run(work, Map.of("JAVA", java, "SPRING_AOT", springAot), List.of("bash",
				ROOT.resolve("deploy/train-aot-cache.sh").toString(), extracted.toString(), cache.toString()));
		System.out.printf("Trained the AOT cache (Spring AOT %s) in %.1f s (%d MB)%n", springAot,
				(System.nanoTime() - training) / 1e9, Files.size(cache) >> 20);
	}

	private Start start(Path directory, List<String> command) throws Exception {
		Files.createDirectories(directory);
		int port = freePort();
		List<String> full = new ArrayList<>(command);
		full.add("--server.port=" + port);
		String loadBefore = loadAverage();
		Path log = directory.resolve("run.log");
		long begin = System.nanoTime();
		Process process = new ProcessBuilder(full).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build();
			while (true) {
				assertThat(process.isAlive()).as("%s stopped; see %s", command, log).isTrue();
				assertThat(System.nanoTime() - begin).as("no answer within %s", GIVE_UP).isLessThan(GIVE_UP.toNanos());
				try {
					if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						break;
					}
				}
				catch (ConnectException notYet) {
					// the port is not open yet
				}
				Thread.sleep(10);
			}
			long millis = (System.nanoTime() - begin) / 1_000_000;
			long cpuMillis = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
			return new Start(millis, cpuMillis, started(log), loadBefore, loadAverage());
		}
		finally {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static String started(Path log) throws IOException {
		Matcher started = STARTED.matcher(Files.readString(log));
		return started.find() ? started.group(1) : "?";
	}

	private static void run(Path directory, Map<String, String> environment, List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).inheritIO();
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor()).as("%s", command).isZero();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
	}

	private static long median(List<Start> starts, ToLongFunction<Start> measure) {
		long[] millis = starts.stream().mapToLong(measure).sorted().toArray();
		return millis.length % 2 == 1 ? millis[millis.length / 2]
				: (millis[millis.length / 2 - 1] + millis[millis.length / 2]) / 2;
	}

	private record Start(long firstResponseMillis, long cpuMillis, String started, String loadBefore,
			String loadAfter) {
	}

}
