package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.sun.net.httpserver.HttpServer;

import io.featurecreep.library.GeneratedLibrary;
import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.MockIssuers;
import io.featurecreep.support.PackagedJar;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Not a test: what one request costs (issue #15), next to baselines measured in the same run on the same machine.
 * In one run it starts
 * <ul>
 * <li>a bare JDK {@code HttpServer} answering a fixed JSON body (in this JVM, a thread per core);</li>
 * <li>the packaged application, {@code java -jar target/feature-creep-*.jar}, in a JVM of its own as in
 * production, on a new schema of the PostgreSQL database named by FC_TEST_POSTGRES_URL (the server's fsync setting
 * is reported), with 100,000 questions of one organisation in its library, and JWT bearer tokens of 120 people
 * from an in-process OIDC issuer (12 squads of 10, each with a session);</li>
 * </ul>
 * and drives each with {@code wrk}, 32 connections, first to warm up and then for the measured run (20 s): the echo,
 * {@code query { ping }} with a JWT, {@code answerQuestion} (a vote) with a JWT, and {@code /css/app.css}; then
 * pgbench's one-row insert per transaction with 32 clients on a scratch table; then the library search, one request
 * at a time over HTTP next to the index's own time in this JVM on the same questions and queries. After the votes it
 * counts the vote rows: every (person, question) pair voted on must have its row, and no vote may have failed.
 *
 * <pre>
 * source /tmp/fc-test-env.sh   # or eval "$(.ci/start-postgres.sh)"
 * ./mvnw -B package -DskipTests &amp;&amp; ./mvnw -B -Pbenchmarks test -Dtest=RequestCostBenchmark
 * </pre>
 *
 * Options: {@code -Dbench.warmup-s=60} (warm-up per target, default 90: under full load on two cores the JIT compiler needs that long, and a 30 s warm-up measured a quarter of the warm figure), {@code -Dbench.seconds=20}, {@code -Dbench.rounds=2} (measured runs per target, taking turns; the best counts),
 * {@code -Dbench.only=ping,vote} (targets: echo, ping, vote, css, page, pgbench, search),
 * {@code -Dbench.jar=FILE} (another build, e.g. an earlier commit's),
 * {@code -Dbench.jfr=target/request-cost.jfr} (a flight recording of the application, profile settings),
 * {@code -Dbench.app-args="-XX:..."} (more JVM options for the application),
 * {@code -Dbench.keep-schema=true} (the application's schema stays in the database afterwards, to look at its plans).
 */
class RequestCostBenchmark {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final int PEOPLE = 120;

	private static final int SQUAD_SIZE = 10;

	private static final int CONNECTIONS = 32;

	/** The organisation of a fresh installation, which people signing in with a JWT join. */
	private static final String ORGANISATION = "00000000-0000-0000-0000-000000000001";

	private static final String ECHO_BODY = "{\"data\":{\"ping\":\"pong\"}}";

	private static final String PING = "{\"query\":\"query { ping }\"}";

	private static final String VOTE = "mutation Vote($s: String!, $q: String!, $a: Int!) "
			+ "{ answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a}) { id } }";

	private static final String SEARCH = "query Search($s: String!) { search(search: $s) { question } }";

	private final int warmUpSeconds = Integer.getInteger("bench.warmup-s", 90);

	private final int seconds = Integer.getInteger("bench.seconds", 20);

	/** Measured runs per target, taking turns. */
	private final int rounds = Integer.getInteger("bench.rounds", 2);

	private final Set<String> only = Set.of(System.getProperty("bench.only", "echo,ping,vote,css,page,pgbench,search").split(","));

	private final Path work = ROOT.resolve("target/request-cost");

	private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<String, Result> results = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private String jarName = "?";

	private long appPid;

	@Test
	void report() throws Exception {
		// -Dbench.jar=FILE: another build (an earlier commit's, for a before/after comparison), taken as it is
		String other = System.getProperty("bench.jar");
		Path jar = other == null || other.isBlank() ? freshJar() : Path.of(other).toAbsolutePath();
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		String loadBefore = loadAverage();
		Database database = Database.create();
		MockOAuth2Server issuer = MockIssuers.started(new MockOAuth2Server(), "bench");
		HttpServer echo = echoServer();
		Process app = null;
		try {
			GeneratedLibrary library = GeneratedLibrary.of(ORGANISATION);
			database.migrateAndFill(library);
			int port = freePort();
			app = startApp(jar, port, database, issuer.issuerUrl("bench").toString());
			appPid = app.pid();
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < PEOPLE; i++) {
				tokens.add(issuer.issueToken("bench", "person-" + i, "feature-creep", Map.of()).serialize());
			}
			List<Squad> squads = squads(port, tokens);
			String base = "http://127.0.0.1:" + port;
			recordFlight(app);

			List<Target> targets = new ArrayList<>();
			if (only.contains("echo")) {
				targets.add(new Target("echo", "bare JDK HttpServer, fixed JSON (GET)",
						"http://127.0.0.1:" + echo.getAddress().getPort() + "/echo", null));
			}
			if (only.contains("ping")) {
				List<String> requests = new ArrayList<>();
				for (String token : tokens) {
					requests.add(graphQl(token, PING));
				}
				targets.add(new Target("ping", "Feature Creep `query { ping }`, JWT", base, lua(requests)));
			}
			List<String> votes = new ArrayList<>();
			if (only.contains("vote")) {
				int questions = squads.getFirst().questionIds().size();
				for (int q = 0; q < questions; q++) {
					for (int person = 0; person < PEOPLE; person++) {
						Squad squad = squads.get(person / SQUAD_SIZE);
						votes.add(graphQl(tokens.get(person), json(Map.of("query", VOTE, "variables",
								Map.of("s", squad.sessionId(), "q", squad.questionIds().get(q), "a", (person + q) % 3)))));
					}
				}
				targets.add(new Target("vote", "Feature Creep `answerQuestion` (a vote), JWT", base, lua(votes)));
			}
			if (only.contains("css")) {
				targets.add(new Target("css", "static `/css/app.css` through the application", base + "/css/app.css", null));
			}
			if (only.contains("page")) {
				targets.add(new Target("page", "the home page `/`, signed out (Thymeleaf)", base + "/", null));
			}
			measureInRounds(targets);
			if (only.contains("vote")) {
				long stored = database.votes(squads);
				int answered = covered("vote", votes.size(), true).cardinality();
				int sent = covered("vote", votes.size(), false).cardinality();
				boolean all = stored >= answered && stored <= sent;
				notes.add(String.format(Locale.ROOT, "Votes stored after the vote runs: %,d rows; the (person, question)"
						+ " pairs answered without error: at least %,d, and %,d were sent (a person's later votes on a"
						+ " question change their row): %s.", stored, answered, sent, all ? "all stored" : "MISSING VOTES"));
				assertThat(stored).as("vote rows").isBetween((long) answered, (long) sent);
			}
			if (only.contains("pgbench")) {
				results.put("pgbench", database.pgbench(Math.min(warmUpSeconds, 10), seconds));
			}
			if (only.contains("search")) {
				search(library, port, tokens.getFirst());
			}
		}
		finally {
			if (app != null) {
				app.destroy();
				if (!app.waitFor(60, TimeUnit.SECONDS)) {
					app.destroyForcibly();
				}
			}
			echo.stop(0);
			issuer.shutdown();
			if (Boolean.getBoolean("bench.keep-schema")) {
				System.out.println("The application's schema is kept for inspection: " + database.schema);
			}
			else {
				database.drop();
			}
		}
		jarName = jar.getFileName().toString();
		String report = report(loadBefore, database);
		System.out.println(report);
		Path out = ROOT.resolve("target/benchmarks/request-cost.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	/** One measured target: requests per second and latency percentiles from wrk (or pgbench). */
	record Result(String name, double perSecond, double p50Millis, double p99Millis, long errors, String load,
			CpuTimes cpuPerRequest) {

		Result(String name, double perSecond, double p50Millis, double p99Millis, long errors, String load) {
			this(name, perSecond, p50Millis, p99Millis, errors, load, null);
		}

		Result withCpu(CpuTimes perRequest) {
			return new Result(name, perSecond, p50Millis, p99Millis, errors, load, perRequest);
		}

	}

	/**
	 * CPU time in microseconds (Linux's /proc, all threads): of the process that answers (the application's JVM, or
	 * this one for the echo), of PostgreSQL's processes, and of this JVM's finished children (wrk, counted once it has
	 * ended). Per request it says where a request's cost goes.
	 */
	record CpuTimes(double server, double database, double client) {

		private static final double MICROS_PER_TICK = 1_000_000.0 / 100; // USER_HZ is 100 on Linux

		static CpuTimes now(long serverPid) {
			double server = 0;
			double database = 0;
			double client = 0;
			long self = ProcessHandle.current().pid();
			File[] processes = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
			for (File process : processes == null ? new File[0] : processes) {
				String stat;
				try {
					stat = Files.readString(process.toPath().resolve("stat"));
				}
				catch (IOException | UncheckedIOException gone) {
					continue;
				}
				String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				double micros = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MICROS_PER_TICK;
				long pid = Long.parseLong(process.getName());
				if (pid == self) {
					client += (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MICROS_PER_TICK;
				}
				if (pid == serverPid) {
					server += micros;
				}
				else if (command.startsWith("postgres")) {
					database += micros;
				}
			}
			return new CpuTimes(server, database, client);
		}

		CpuTimes perRequest(CpuTimes before, long requests) {
			return new CpuTimes((server - before.server) / requests, (database - before.database) / requests,
					(client - before.client) / requests);
		}

	}

	record Squad(String sessionId, List<String> questionIds) {
	}

	private String report(String loadBefore, Database database) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nRequest cost, %s; Java %s, %d cores; load average %s at the start, "
				+ "%s at the end; PostgreSQL %s, fsync=%s; wrk %d connections, %d s warm-up, best of %d measured runs of %d s;"
				+ " the application (%s) runs in its own JVM (java -jar).%n%n",
				LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), Runtime.version(),
				Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), database.version, database.fsync,
				CONNECTIONS, warmUpSeconds, rounds, seconds, jarName));
		out.append("| target | requests/s | p50 ms | p99 ms | errors | load average at its end "
				+ "| CPU µs per request: server / PostgreSQL / wrk |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		results.values()
			.forEach(r -> out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %d | %s | %s |%n", r.name(),
					r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors(), r.load(),
					r.cpuPerRequest() == null ? "" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f",
							r.cpuPerRequest().server(), r.cpuPerRequest().database(), r.cpuPerRequest().client()))));
		out.append("\n| goal | measured | target | |\n|---|---:|---:|---|\n");
		goal(out, "ping / bare echo", "ping", "echo", 0.25);
		goal(out, "vote / ping", "vote", "ping", 0.5);
		goal(out, "vote / pgbench one-row insert", "vote", "pgbench", 0.2);
		Result http = results.get("search-http");
		Result index = results.get("search-index");
		if (http != null && index != null) {
			double ratio = http.p99Millis() / index.p99Millis();
			out.append(String.format(Locale.ROOT, "| search over HTTP (JDK client) p99 / in-process p99 | %.2f | ≤ 3 | %s |%n",
					ratio, ratio <= 3 ? "PASS" : "MISS"));
		}
		Result wrkSearch = results.get("search-wrk");
		if (wrkSearch != null && index != null) {
			double ratio = wrkSearch.p99Millis() / index.p99Millis();
			out.append(String.format(Locale.ROOT, "| search over HTTP (wrk) p99 / in-process p99 | %.2f | ≤ 3 | %s |%n",
					ratio, ratio <= 3 ? "PASS" : "MISS"));
		}
		notes.forEach(note -> out.append('\n').append(note).append('\n'));
		return out.toString();
	}

	private void goal(StringBuilder out, String name, String measured, String baseline, double target) {
		Result a = results.get(measured);
		Result b = results.get(baseline);
		if (a != null && b != null) {
			double ratio = a.perSecond() / b.perSecond();
			out.append(String.format(Locale.ROOT, "| %s (requests/s) | %.3f | ≥ %.2f | %s |%n", name, ratio, target,
					ratio >= target ? "PASS" : "MISS"));
		}
	}

	// --- the application ---

	private Process startApp(Path jar, int port, Database database, String issuerUri) throws Exception {
		List<String> command = new ArrayList<>(List.of(java));
		String extra = System.getProperty("bench.app-args", "");
		if (!extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + database.url,
				"--spring.datasource.username=" + database.username, "--spring.datasource.password=" + database.password,
				"--spring.flyway.schemas=" + database.schema, "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri,
				"--logging.level.root=warn", "--feature-creep.signup=open"));
		Path log = work.resolve("app.log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// required on a shared database, as in production; a fresh one each run
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		builder.environment().put("FEATURE_CREEP_ANONYMITY_KEY", Base64.getEncoder().encodeToString(key));
		Process process = builder.start();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (true) {
			assertThat(process.isAlive()).as("the application stopped; see %s", log).isTrue();
			assertThat(System.nanoTime()).as("no answer within 5 minutes; see %s", log).isLessThan(deadline);
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return process;
				}
			}
			catch (ConnectException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
	}

	/**
	 * With -Dbench.jfr=FILE, a flight recording (profile settings) of the application from here on, without its
	 * start and set-up; the JVM writes it when it stops.
	 */
	private void recordFlight(Process app) throws Exception {
		String jfr = System.getProperty("bench.jfr");
		if (jfr != null && !jfr.isBlank()) {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					String.valueOf(app.pid()), "JFR.start", "settings=profile", "filename=" + ROOT.resolve(jfr))
				.redirectErrorStream(true)
				.start();
			String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(jcmd.waitFor()).as("jcmd: %s", output).isZero();
		}
	}

	/** 12 squads of 10 (anonymous, as live sessions mostly are), each with a session of the default questions. */
	private List<Squad> squads(int port, List<String> tokens) {
		List<Squad> squads = new ArrayList<>();
		for (int first = 0; first < tokens.size(); first += SQUAD_SIZE) {
			HttpGraphQl owner = new HttpGraphQl(http, port, tokens.get(first));
			String squadId = owner
				.execute(null, "mutation { createSquad(input: {name: \"Bench\", anonymous: true}) { id } }", Map.of())
				.ok()
				.text("createSquad.id");
			String invite = owner
				.execute(null, "mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", Map.of("s", squadId))
				.ok()
				.text("createInvite.token");
			for (String token : tokens.subList(first + 1, first + SQUAD_SIZE)) {
				new HttpGraphQl(http, port, token)
					.execute(null, "mutation($t: String!) { joinSquad(token: $t) { id } }", Map.of("t", invite))
					.ok();
			}
			var session = owner.execute(null,
					"mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }",
					Map.of("s", squadId))
				.ok();
			List<String> questionIds = new ArrayList<>();
			session.data("createSession.questions").forEach(question -> questionIds.add(question.path("id").asString()));
			squads.add(new Squad(session.text("createSession.id"), questionIds));
		}
		return squads;
	}

	// --- wrk ---

	private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
			Pattern.MULTILINE);

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern THREAD = Pattern.compile("^thread (\\d+) start (\\d+) sent (\\d+) ok (\\d+)$", Pattern.MULTILINE);

	/** What each wrk thread sent, in every run of a target, by target. */
	private final Map<String, List<ThreadCount>> threadCounts = new LinkedHashMap<>();

	record ThreadCount(int start, long sent, long ok) {
	}

	private void collectThreads(String key, String output) {
		Matcher thread = THREAD.matcher(output);
		while (thread.find()) {
			threadCounts.computeIfAbsent(key, k -> new ArrayList<>()).add(new ThreadCount(Integer.parseInt(thread.group(2)), Long.parseLong(thread.group(3)),
					Long.parseLong(thread.group(4))));
		}
	}

	/**
	 * Which of the script's requests were sent (upper) or surely answered (lower): each thread sends the list in
	 * turn from its start; of its last requests, up to one per connection may have been in flight when wrk stopped.
	 */
	private BitSet covered(String key, int requests, boolean answered) {
		BitSet covered = new BitSet(requests);
		for (ThreadCount count : threadCounts.getOrDefault(key, List.of())) {
			long n = answered ? Math.max(0, count.ok() - CONNECTIONS) : count.sent();
			for (long k = 0; k < Math.min(n, requests); k++) {
				covered.set((int) ((count.start() + k) % requests));
			}
		}
		return covered;
	}

	private static final Pattern GRAPHQL_ERRORS = Pattern.compile("graphql-errors: (\\d+)");

	/** What wrk drives: a Lua script (or none: GET) says what each request is. */
	record Target(String key, String name, String url, Path script) {
	}

	/**
	 * Each target is warmed up once, then measured in rounds, the targets taking turns within each round, so that
	 * load from elsewhere on a shared machine falls on all of them alike, and none gains from running after the
	 * others have warmed the JVM up. A target's result is its best round (the least disturbed); every round is in
	 * the report.
	 */
	private void measureInRounds(List<Target> targets) throws Exception {
		for (Target target : targets) {
			collectThreads(target.key(), runWrk(target.url(), target.script(), warmUpSeconds));
		}
		Map<String, List<Result>> rounds = new LinkedHashMap<>();
		for (int round = 1; round <= this.rounds; round++) {
			for (Target target : targets) {
				long serverPid = target.key().equals("echo") ? ProcessHandle.current().pid() : appPid;
				CpuTimes before = CpuTimes.now(serverPid);
				String output = runWrk(target.url(), target.script(), seconds);
				CpuTimes after = CpuTimes.now(serverPid);
				collectThreads(target.key(), output);
				Result result = parse(target, output).withCpu(after.perRequest(before, Math.max(1, requests(output))));
				rounds.computeIfAbsent(target.key(), key -> new ArrayList<>()).add(result);
				System.out.printf(Locale.ROOT, "round %d, %s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors, load %s%n",
						round, target.name(), result.perSecond(), result.p50Millis(), result.p99Millis(), result.errors(),
						result.load());
			}
		}
		rounds.forEach((key, results) -> {
			this.results.put(key, results.stream().max(Comparator.comparingDouble(Result::perSecond)).orElseThrow());
			notes.add(String.format(Locale.ROOT, "%s, every round (requests/s @ load average): %s", key,
					String.join(", ", results.stream()
						.map(r -> String.format(Locale.ROOT, "%,.0f @ %s", r.perSecond(), r.load()))
						.toList())));
		});
	}

	private Result parse(Target target, String output) {
		Map<String, Double> percentiles = new LinkedHashMap<>();
		Matcher matcher = PERCENTILE.matcher(output);
		while (matcher.find()) {
			double value = Double.parseDouble(matcher.group(2));
			double millis = switch (matcher.group(3)) {
				case "us" -> value / 1000;
				case "ms" -> value;
				case "s" -> value * 1000;
				default -> value * 60_000;
			};
			percentiles.put(matcher.group(1), millis);
		}
		Matcher rate = RATE.matcher(output);
		assertThat(rate.find()).as("wrk output: %s", output).isTrue();
		long errors = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				errors += Long.parseLong(socket.group(group));
			}
		}
		Matcher graphQlErrors = GRAPHQL_ERRORS.matcher(output);
		// without its line, wrk ran without the script (it reports a script's errors and goes on with GET /)
		assertThat(target.script() == null || GRAPHQL_ERRORS.matcher(output).find()).as("wrk's script ran: %s", output)
			.isTrue();
		if (graphQlErrors.find()) {
			errors += Long.parseLong(graphQlErrors.group(1));
		}
		return new Result(target.name(), Double.parseDouble(rate.group(1)), percentiles.getOrDefault("50", Double.NaN),
				percentiles.getOrDefault("99", Double.NaN), errors, loadAverage());
	}

	private static long requests(String output) {
		Matcher total = Pattern.compile("(\\d+) requests in").matcher(output);
		return total.find() ? Long.parseLong(total.group(1)) : 0;
	}

	private String runWrk(String url, Path script, int duration) throws Exception {
		return runWrk(url, script, duration, 2, CONNECTIONS);
	}

	private String runWrk(String url, Path script, int duration, int threads, int connections) throws Exception {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration + "s",
				"--latency", "--timeout", "10s"));
		if (script != null) {
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(url);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("wrk: %s", output).isZero();
		return output;
	}

	/** A POST body with the bearer token, as wrk's script will send it. */
	private static String graphQl(String token, String body) {
		return token + "\n" + body;
	}

	/**
	 * A wrk script that sends the given requests (token and body) in turn, each thread starting elsewhere in the
	 * list, to {@code /graphql}; it counts answers that are not a 200 or that carry GraphQL errors.
	 */
	private Path lua(List<String> requests) throws IOException {
		StringBuilder script = new StringBuilder("local raw = {\n");
		for (String request : requests) {
			String[] parts = request.split("\n", 2);
			script.append("  { [==[").append(parts[0]).append("]==], [==[").append(parts[1]).append("]==] },\n");
		}
		script.append("""
				}
				local threads = {}
				function setup(thread)
				  thread:set("id", #threads)
				  table.insert(threads, thread)
				end
				function init(args)
				  requests = {}
				  for i, r in ipairs(raw) do
				    requests[i] = wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json",
				      ["Authorization"] = "Bearer " .. r[1] }, r[2])
				  end
				  start = id * math.floor(#requests / 2)
				  sent = 0
				  ok = 0
				  failed = 0
				end
				function request()
				  local index = (start + sent) % #requests
				  sent = sent + 1
				  return requests[index + 1]
				end
				function response(status, headers, body)
				  if status ~= 200 or string.find(body, '"errors"', 1, true) then
				    failed = failed + 1
				  else
				    ok = ok + 1
				  end
				end
				function done(summary, latency, requests)
				  local total = 0
				  for _, thread in ipairs(threads) do
				    total = total + thread:get("failed")
				    io.write("thread " .. thread:get("id") .. " start " .. thread:get("start") .. " sent "
				      .. thread:get("sent") .. " ok " .. thread:get("ok") .. "\\n")
				  end
				  io.write("graphql-errors: " .. total .. "\\n")
				end
				""");
		Path file = Files.createTempFile(work, "requests", ".lua");
		Files.writeString(file, script);
		return file;
	}

	// --- search ---

	/**
	 * The library search as the client's search box sends it, one request at a time over a kept connection (a
	 * warm server, not a queue: the time of one search), next to the index's own time in this JVM for the same
	 * queries on the same 100,000 questions.
	 */
	private void search(GeneratedLibrary library, int port, String token) throws Exception {
		int warmUp = Integer.getInteger("bench.search-warmup", 5_000);
		int rounds = Integer.getInteger("bench.search-rounds", 10_000);
		HttpGraphQl client = new HttpGraphQl(http, port, token);
		List<String> queries = library.queries();
		assertThat(client.execute("Search", SEARCH, Map.of("s", queries.getFirst())).ok().data("search").isArray()).isTrue();
		long[] nanos = new long[rounds];
		for (int i = 0; i < warmUp + rounds; i++) {
			long started = System.nanoTime();
			client.execute("Search", SEARCH, Map.of("s", queries.get(i % queries.size()))).ok();
			if (i >= warmUp) {
				nanos[i - warmUp] = System.nanoTime() - started;
			}
		}
		Arrays.sort(nanos);
		// the same searches from wrk, one connection, one request at a time: the HTTP client the other targets use,
		// whose own cost is small next to the JDK's HttpClient above
		List<String> requests = new ArrayList<>();
		for (String query : queries) {
			requests.add(graphQl(token, json(Map.of("query", SEARCH, "variables", Map.of("s", query)))));
		}
		Target wrkSearch = new Target("search-wrk", "library `search` over HTTP, wrk, one connection",
				"http://127.0.0.1:" + port, lua(requests));
		runWrk(wrkSearch.url(), wrkSearch.script(), 10, 1, 1);
		results.put("search-wrk", parse(wrkSearch, runWrk(wrkSearch.url(), wrkSearch.script(), seconds, 1, 1)));
		results.put("search-http", new Result("library `search` over HTTP (GraphQL, JWT), one at a time",
				1e9 * rounds / Arrays.stream(nanos).sum(), percentile(nanos, 50), percentile(nanos, 99), 0,
				loadAverage()));
		long[] index = library.searchNanosInProcess(ORGANISATION, 2 * warmUp, rounds);
		results.put("search-index", new Result("library search in process (the index, top 10)",
				1e9 * rounds / Arrays.stream(index).sum(), percentile(index, 50), percentile(index, 99), 0,
				loadAverage()));
		notes.add(String.format(Locale.ROOT, "Search: %,d library questions of the caller's organisation, %,d searches "
				+ "measured after %,d to warm up, cycling through %,d typed queries.", library.size(), rounds, warmUp,
				queries.size()));
	}

	private static double percentile(long[] sortedNanos, double percent) {
		int index = (int) Math.ceil(percent / 100 * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
	}

	// --- the bare echo ---

	private static HttpServer echoServer() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
		ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		byte[] body = ECHO_BODY.getBytes(StandardCharsets.UTF_8);
		server.createContext("/echo", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.setExecutor(threads);
		server.start();
		return server;
	}

	// --- PostgreSQL ---

	/** A new schema of the test database for the application, and a scratch one for pgbench. */
	static final class Database {

		final String baseUrl = System.getenv(TestDatabase.POSTGRES_URL);

		final String username = System.getenv().getOrDefault(TestDatabase.POSTGRES_USER, "");

		final String password = System.getenv().getOrDefault(TestDatabase.POSTGRES_PASSWORD, "");

		final String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

		final String url;

		String fsync = "?";

		String version = "?";

		private Database() {
			assertThat(baseUrl).as("%s (source /tmp/fc-test-env.sh)", TestDatabase.POSTGRES_URL).isNotBlank();
			url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}

		static Database create() throws SQLException {
			Database database = new Database();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("create schema " + database.schema);
				database.fsync = single(statement, "show fsync");
				database.version = single(statement, "show server_version");
			}
			return database;
		}

		void migrateAndFill(GeneratedLibrary library) throws SQLException {
			Flyway.configure()
				.dataSource(url, username, password)
				.schemas(schema)
				.locations("classpath:db/migration")
				.load()
				.migrate();
			try (Connection connection = connect()) {
				library.insertInto(connection);
			}
		}

		long votes(List<Squad> squads) throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				String sessions = String.join(",", squads.stream().map(s -> "'" + s.sessionId() + "'").toList());
				return Long.parseLong(single(statement, "select count(*) from vote v join session_question q on q.id = "
						+ "v.question_id where q.session_id in (" + sessions + ")"));
			}
		}

		/** pgbench's one-row insert per transaction, 32 clients, on a table of a scratch schema. */
		Result pgbench(int warmUp, int seconds) throws Exception {
			String scratch = schema + "_pgbench";
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("create schema " + scratch);
				statement.execute("create table " + scratch + ".one_row (id bigserial primary key, "
						+ "value integer not null, at timestamp with time zone not null default now())");
			}
			Path script = Files.createTempFile("pgbench", ".sql");
			Files.writeString(script, "insert into " + scratch + ".one_row (value) values (1);\n");
			try {
				run(script, warmUp);
				String output = run(script, seconds);
				Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(output);
				assertThat(tps.find()).as("pgbench: %s", output).isTrue();
				Matcher latency = Pattern.compile("latency average = ([\\d.]+) ms").matcher(output);
				Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
				return new Result("pgbench: one-row insert per transaction, 32 clients", Double.parseDouble(tps.group(1)),
						latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN, Double.NaN,
						failed.find() ? Long.parseLong(failed.group(1)) : 0, loadAverage());
			}
			finally {
				Files.deleteIfExists(script);
				try (Connection connection = connect(); Statement statement = connection.createStatement()) {
					statement.execute("drop schema if exists " + scratch + " cascade");
				}
			}
		}

		private String run(Path script, int seconds) throws Exception {
			Matcher address = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(baseUrl);
			assertThat(address.find()).as(baseUrl).isTrue();
			ProcessBuilder builder = new ProcessBuilder("/usr/lib/postgresql/15/bin/pgbench", "-n", "-c",
					String.valueOf(CONNECTIONS), "-j", "2", "-T", String.valueOf(seconds), "-f", script.toString(), "-h",
					address.group(1), "-p", address.group(2) == null ? "5432" : address.group(2), "-U", username,
					address.group(3)).redirectErrorStream(true);
			builder.environment().put("PGPASSWORD", password);
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as("pgbench: %s", output).isZero();
			return output;
		}

		void drop() throws SQLException {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists " + schema + " cascade");
			}
		}

		private Connection connect() throws SQLException {
			return DriverManager.getConnection(url, username, password);
		}

		private static String single(Statement statement, String sql) throws SQLException {
			try (ResultSet rows = statement.executeQuery(sql)) {
				rows.next();
				return rows.getString(1);
			}
		}

	}

	// --- helpers ---

	/** The packaged jar, which must be newer than every compiled class: a benchmark of old code says nothing. */
	private static Path freshJar() throws IOException {
		Path jar = PackagedJar.find();
		long built = Files.getLastModifiedTime(jar).toMillis();
		try (Stream<Path> classes = Files.walk(ROOT.resolve("target/classes"))) {
			// build-info.properties is written anew by every build, even one that changed nothing
			long newest = classes.filter(Files::isRegularFile)
				.filter(f -> !f.endsWith("build-info.properties"))
				.mapToLong(f -> {
				try {
					return Files.getLastModifiedTime(f).toMillis();
				}
				catch (IOException ex) {
					return 0;
				}
			}).max().orElse(0);
			assertThat(built).as("%s is older than target/classes: run ./mvnw -B package -DskipTests again", jar)
				.isGreaterThanOrEqualTo(newest);
		}
		return jar;
	}

	private static String json(Map<String, Object> value) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
