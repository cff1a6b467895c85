package io.featurecreep;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.featurecreep.events.NodeBroadcast;
import io.featurecreep.support.EventStream;
import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.MockIssuers;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Not a test: a load run that prints a report. N live sessions of 10 participants, each with a browser-like
 * event stream open. The load is an open loop: in each round (a question) every participant votes once, at a
 * random moment within a window (10 s by default), whatever the server's answers; the schedule is fixed in
 * advance with a fixed seed, so the baseline and the application get exactly the same offered load. Each vote's
 * latency runs from its scheduled moment to its "votes" event arriving on each of the session's 10 screens. The
 * baseline is a bare SSE echo in the same server (a POST, with the same bearer token and security filters, sent
 * through the nodes' broadcast to the room's open streams: no database, no rules), measured in the same run.
 *
 * <pre>./mvnw -Pbenchmarks test -Dtest=LiveSessionBenchmark -Dbench.sessions=500 -Dbench.window-ms=10000 -Dbench.pairs=3</pre>
 *
 * With FC_TEST_REDIS_URL set it also runs two nodes on Redis (streams spread over both, votes on either), after
 * measuring the baseline again the same way: its echoes cross the nodes through Redis as the votes do.
 */
class LiveSessionBenchmark {

	static final int PARTICIPANTS = 10;

	final int sessions = Integer.getInteger("bench.sessions", 100);

	/** Rounds (questions) in which every participant votes once; the first warms up and is not measured. */
	final int rounds = Integer.getInteger("bench.rounds", 3);

	/** How long a round lasts: every participant of every session votes within it, at a random moment. */
	final Duration window = Duration.ofMillis(Long.getLong("bench.window-ms", 10_000));

	/**
	 * How many times the baseline and the application run one after the other on the same node(s). One run's p99 is
	 * the slowest hundredth of its screen events, which a single collector pause or a burst of background work can
	 * move by half; the report judges each configuration by the median of its pairs' ratios.
	 */
	final int pairs = Integer.getInteger("bench.pairs", 1);

	/** Between rounds, as between two questions. */
	static final Duration PAUSE = Duration.ofSeconds(2);

	static final int STREAM_CLIENTS = 4;

	/**
	 * At most this many votes in flight, to stay within the process's file limit (5,000 streams already hold
	 * 10,000 sockets here). Waiting for a slot counts in the latency, since that runs from the scheduled moment.
	 */
	static final int VOTES_IN_FLIGHT = 2000;

	final MockOAuth2Server issuer = MockIssuers.started(new MockOAuth2Server(), "bench");

	/** One client for every vote, as browsers keep their connections. */
	final HttpClient votes = HttpClient.newHttpClient();

	/** The bare SSE echo: rooms of open streams, and a POST that sends "votes" to a room. */
	@RestController
	static class Echo {

		static final String TOPIC = "bench-echo";

		private final Map<String, List<SseEmitter>> rooms = new ConcurrentHashMap<>();

		private final NodeBroadcast broadcast;

		/**
		 * Over the nodes' own broadcast, as the application's changes go: on one node it hands the room to this
		 * node's streams at once; with Redis it also reaches the streams on the other node, so that the two-node
		 * baseline crosses nodes like the application's votes do.
		 */
		Echo(NodeBroadcast broadcast) {
			this.broadcast = broadcast;
			broadcast.subscribe(TOPIC, this::toRoom);
		}

		@GetMapping(path = "/bench/echo/{room}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter listen(@PathVariable String room) {
			SseEmitter emitter = new SseEmitter(0L);
			// like the application: a first event, sent as the response starts
			try {
				emitter.send(SseEmitter.event().name("sync").data("sync"));
			}
			catch (IOException gone) {
				emitter.completeWithError(gone);
			}
			rooms.computeIfAbsent(room, r -> new CopyOnWriteArrayList<>()).add(emitter);
			emitter.onCompletion(() -> rooms.get(room).remove(emitter));
			return emitter;
		}

		/** Ends every stream on the server side, as the application's streams end when their session does. */
		void closeAll() {
			rooms.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
		}

		@PostMapping("/bench/echo/{room}")
		void vote(@PathVariable String room) {
			broadcast.publish(TOPIC, room);
		}

		private void toRoom(String room) {
			for (SseEmitter emitter : rooms.getOrDefault(room, List.of())) {
				try {
					emitter.send(SseEmitter.event().name("votes").data("votes"));
				}
				catch (IOException gone) {
					emitter.completeWithError(gone);
				}
			}
		}

	}

	record Result(String name, int participants, long votes, double seconds, long[] latenciesMicros, long[] lagMicros,
			long failed, long missing) {

		double percentile(double p) {
			return percentile(latenciesMicros, p);
		}

		static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
		}

	}

	@Test
	void report() throws Exception {
		// -Dbench.jfr=file.jfr: a flight recording of the whole run, to see where the time goes
		String jfr = System.getProperty("bench.jfr");
		jdk.jfr.Recording recording = null;
		if (jfr != null) {
			recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
			recording.setDestination(Path.of(jfr));
			recording.start();
		}
		List<Result> results = new ArrayList<>();
		// -Dbench.single=false: only the two-node runs
		if (Boolean.parseBoolean(System.getProperty("bench.single", "true"))) {
			ConfigurableApplicationContext single = node(Map.of());
			for (int pair = 1; pair <= pairs; pair++) {
				results.add(run("bare SSE echo (baseline)" + pairSuffix(pair), List.of(single), true, null));
				results.add(run(SINGLE + pairSuffix(pair), List.of(single), false, null));
			}
			single.close();
		}
		String redis = System.getenv("FC_TEST_REDIS_URL");
		if (redis != null) {
			Map<String, Object> shared = Map.of("spring.data.redis.url", redis, "feature-creep.events.redis-prefix",
					"bench-" + UUID.randomUUID() + ":");
			ConfigurableApplicationContext first = node(shared);
			ConfigurableApplicationContext second = node(shared, first);
			for (int pair = 1; pair <= pairs; pair++) {
				results.add(run("bare SSE echo (baseline) across the 2 nodes + Redis" + pairSuffix(pair),
						List.of(first, second), true, null));
				results.add(run(TWO_NODES + pairSuffix(pair), List.of(first, second), false, null));
			}
			first.close();
			second.close();
		}
		issuer.shutdown();
		if (recording != null) {
			recording.stop();
			recording.close();
		}
		String report = report(results);
		System.out.println(report);
		Path out = Path.of("target", "benchmarks", "live-sessions.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	static final String SINGLE = "Feature Creep, 1 node";

	static final String TWO_NODES = "Feature Creep, 2 nodes + Redis";

	private String pairSuffix(int pair) {
		return pairs == 1 ? "" : " (pair " + pair + ")";
	}

	private final Map<String, Object> database = new ConcurrentHashMap<>();

	private ConfigurableApplicationContext node(Map<String, Object> extra, ConfigurableApplicationContext... sharingDatabaseWith) {
		if (sharingDatabaseWith.length == 0) {
			database.clear();
			database.putAll(System.getenv(TestDatabase.POSTGRES_URL) != null ? TestDatabase.postgres().properties()
					: TestDatabase.h2().properties());
			database.put("spring.datasource.hikari.maximum-pool-size", 20);
		}
		Map<String, Object> properties = new HashMap<>(database);
		properties.putAll(extra);
		properties.put("server.port", 0);
		properties.put("server.tomcat.max-connections", 20000);
		properties.put("server.tomcat.accept-count", 2000);
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUrl("bench").toString());
		properties.put("logging.level.root", "warn");
		properties.put("spring.mvc.async.request-timeout", -1);
		String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(FeatureCreepApplication.class, Echo.class).run(arguments);
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/** One squad: its members' tokens and, for the application, its session and active question. */
	record Room(String id, List<String> tokens, String sessionId, String questionId) {
	}

	private Room room(List<ConfigurableApplicationContext> nodes, boolean echo) {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < PARTICIPANTS; i++) {
			tokens.add(issuer.issueToken("bench", UUID.randomUUID().toString(), "feature-creep", Map.of()).serialize());
		}
		if (echo) {
			return new Room(UUID.randomUUID().toString(), tokens, null, null);
		}
		HttpGraphQl owner = new HttpGraphQl(votes, port(nodes.get(0)), tokens.get(0));
		String squadId = owner.execute(null, "mutation { createSquad(input: {name: \"Bench\", anonymous: true}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		String invite = owner.execute(null, "mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", Map.of("s", squadId))
			.ok()
			.text("createInvite.token");
		for (String token : tokens.subList(1, tokens.size())) {
			new HttpGraphQl(votes, port(nodes.get(0)), token).execute(null, "mutation($t: String!) { joinSquad(token: $t) { id } }", Map.of("t", invite)).ok();
		}
		var session = owner.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", Map.of("s", squadId))
			.ok();
		return new Room(squadId, tokens, session.text("createSession.id"), session.text("createSession.questions.0.id"));
	}

	/**
	 * The votes of a run, fixed in advance with a fixed seed so that the baseline and the application get the same
	 * offered load: in every round (a question) each participant of each session votes once, at a uniformly random
	 * moment within the round's window; the rounds follow each other with a short pause.
	 */
	record Schedule(long[][] offsetsNanos, int[][] voters, boolean[][] measured, long lengthNanos) {

		static Schedule of(int rooms, int rounds, Duration window, Duration pause, long seed) {
			Random random = new Random(seed);
			long[][] offsets = new long[rooms][];
			int[][] voters = new int[rooms][];
			boolean[][] measured = new boolean[rooms][];
			long roundLength = window.toNanos() + pause.toNanos();
			for (int room = 0; room < rooms; room++) {
				List<long[]> votes = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					for (int voter = 0; voter < PARTICIPANTS; voter++) {
						long at = round * roundLength + (long) (random.nextDouble() * window.toNanos());
						votes.add(new long[] { at, voter, round });
					}
				}
				votes.sort((a, b) -> Long.compare(a[0], b[0]));
				offsets[room] = votes.stream().mapToLong(v -> v[0]).toArray();
				voters[room] = votes.stream().mapToInt(v -> (int) v[1]).toArray();
				measured[room] = new boolean[votes.size()];
				for (int k = 0; k < votes.size(); k++) {
					measured[room][k] = votes.get(k)[2] > 0;
				}
			}
			return new Schedule(offsets, voters, measured, rounds * roundLength);
		}

	}

	private Result run(String name, List<ConfigurableApplicationContext> nodes, boolean echo, List<Room> given) throws Exception {
		List<Room> rooms = given != null ? given : rooms(nodes, echo);
		progress(name + ": " + rooms.size() + " sessions ready, opening streams");
		Schedule schedule = Schedule.of(rooms.size(), rounds, window, PAUSE, 4242);

		// several clients, each with its own selector thread, so that reading 5,000 streams is not the bottleneck
		List<HttpClient> streamClients = new ArrayList<>();
		List<ExecutorService> streamExecutors = new ArrayList<>();
		for (int i = 0; i < STREAM_CLIENTS; i++) {
			ExecutorService executor = Executors.newFixedThreadPool(2);
			streamExecutors.add(executor);
			streamClients.add(HttpClient.newBuilder().executor(executor).build());
		}
		long[] start = new long[1];
		Latencies latencies = new Latencies();
		AtomicLong missing = new AtomicLong();
		List<AtomicInteger> screens = new ArrayList<>();
		List<EventStream> open = new ArrayList<>();
		CountDownLatch opened = new CountDownLatch(rooms.size() * PARTICIPANTS);
		int n = 0;
		for (int r = 0; r < rooms.size(); r++) {
			Room room = rooms.get(r);
			long[] offsets = schedule.offsetsNanos()[r];
			boolean[] measured = schedule.measured()[r];
			for (String token : room.tokens()) {
				int nodePort = port(nodes.get(n % nodes.size()));
				HttpClient client = streamClients.get(n % STREAM_CLIENTS);
				n++;
				String path = echo ? "/bench/echo/" + room.id() : "/sessions/" + room.sessionId() + "/events";
				AtomicInteger seen = new AtomicInteger();
				screens.add(seen);
				open.add(EventStream.open(client, nodePort, path, token, event -> {
					if (event.equals("sync")) {
						opened.countDown();
					}
					else if (event.equals("votes")) {
						long now = System.nanoTime();
						// events carry no vote id: the k-th "votes" event on a screen answers the k-th vote of its session
						int k = seen.getAndIncrement();
						if (k < offsets.length && measured[k]) {
							latencies.add((now - (start[0] + offsets[k])) / 1000);
						}
					}
				}));
			}
		}
		// every stream open (its first event seen) before the first vote
		if (!opened.await(2, TimeUnit.MINUTES)) {
			progress(name + ": only " + (rooms.size() * PARTICIPANTS - opened.getCount()) + " streams opened in 2 minutes");
		}
		Thread.sleep(1000);
		progress(name + ": voting");

		// open loop: each vote is sent at its scheduled moment on a virtual thread of its own, whatever happens to
		// the others; latency counts from the scheduled moment, so any lag of the client counts against both runs
		List<long[]> all = new ArrayList<>();
		for (int r = 0; r < rooms.size(); r++) {
			for (int k = 0; k < schedule.offsetsNanos()[r].length; k++) {
				all.add(new long[] { schedule.offsetsNanos()[r][k], r, schedule.voters()[r][k] });
			}
		}
		all.sort((a, b) -> Long.compare(a[0], b[0]));
		Latencies lag = new Latencies();
		AtomicLong failed = new AtomicLong();
		ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
		Semaphore inFlight = new Semaphore(VOTES_IN_FLIGHT);
		start[0] = System.nanoTime();
		for (long[] vote : all) {
			long due = start[0] + vote[0];
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Room room = rooms.get((int) vote[1]);
			int voter = (int) vote[2];
			int round = (int) (vote[0] / (window.toNanos() + PAUSE.toNanos()));
			boolean measured = round > 0;
			senders.submit(() -> {
				if (measured) {
					lag.add((System.nanoTime() - due) / 1000);
				}
				int nodePort = port(nodes.get(voter % nodes.size()));
				try {
					inFlight.acquire();
				}
				catch (InterruptedException ex) {
					return;
				}
				try {
					if (echo) {
						post(nodePort, "/bench/echo/" + room.id(), room.tokens().get(voter));
					}
					else {
						new HttpGraphQl(votes, nodePort, room.tokens().get(voter)).execute(null,
								"mutation($s: String!, $q: String!, $a: Int!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a}) { id } }",
								Map.of("s", room.sessionId(), "q", room.questionId(), "a", (voter + round) % 3))
							.ok();
					}
				}
				catch (Exception | AssertionError ex) {
					failed.incrementAndGet();
					System.err.println("vote failed: " + ex);
				}
				finally {
					inFlight.release();
				}
			});
		}
		senders.shutdown();
		senders.awaitTermination(5, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start[0]) / 1e9;
		// stragglers: give every screen up to 10 s to see every vote of its session
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline && screens.stream().anyMatch(s -> s.get() < rounds * PARTICIPANTS)) {
			Thread.sleep(50);
		}
		screens.forEach(s -> missing.addAndGet(Math.max(0, rounds * PARTICIPANTS - s.get())));
		open.forEach(EventStream::close);
		progress(name + ": done, " + missing.get() + " events missed, " + failed.get() + " votes failed");
		// their connections must go now, not when a collector gets round to it: the next run needs the descriptors
		streamClients.forEach(HttpClient::shutdownNow);
		if (echo) {
			nodes.forEach(node -> node.getBean(Echo.class).closeAll());
		}
		streamExecutors.forEach(ExecutorService::shutdownNow);
		return new Result(name, rooms.size() * PARTICIPANTS, all.size(), seconds, latencies.sorted(), lag.sorted(),
				failed.get(), missing.get());
	}

	private static void progress(String what) {
		System.out.println(java.time.LocalTime.now() + " " + what);
	}

	private List<Room> rooms(List<ConfigurableApplicationContext> nodes, boolean echo) throws InterruptedException {
		ExecutorService setup = Executors.newFixedThreadPool(8);
		List<Room> rooms = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch prepared = new CountDownLatch(sessions);
		for (int i = 0; i < sessions; i++) {
			setup.submit(() -> {
				try {
					rooms.add(room(nodes, echo));
				}
				finally {
					prepared.countDown();
				}
			});
		}
		prepared.await(30, TimeUnit.MINUTES);
		setup.shutdown();
		return new ArrayList<>(rooms);
	}

	private void post(int port, String path, String token) throws Exception {
		var response = votes.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token)
				.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("echo answered " + response.statusCode());
		}
	}

	/** Microsecond samples from many threads. */
	static final class Latencies {

		private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();

		void add(long micros) {
			samples.add(micros);
		}

		long[] sorted() {
			return samples.stream().mapToLong(Long::longValue).sorted().toArray();
		}

	}

	private static long[] together(List<long[]> runs) {
		return runs.stream().flatMapToLong(Arrays::stream).sorted().toArray();
	}

	private String report(List<Result> results) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"%n## Live sessions: vote -> screen latency (%d sessions x %d participants; open loop: each round every "
						+ "participant votes once at a random moment within %.1f s, %d measured rounds after a warm-up)%n%n",
				sessions, PARTICIPANTS, window.toMillis() / 1000.0, rounds - 1));
		out.append("| run | participants | votes | offered votes/s | p50 ms | p95 ms | p99 ms | p99 / baseline p99 "
				+ "| client lag p99 ms | failed votes | missed events |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		double baseline = Double.NaN;
		Map<String, List<Double>> ratios = new LinkedHashMap<>();
		Map<String, List<long[]>> baselineSamples = new HashMap<>();
		Map<String, List<long[]>> samples = new HashMap<>();
		for (Result result : results) {
			String configuration = result.name().contains("2 nodes") ? TWO_NODES : SINGLE;
			if (result.name().startsWith("bare")) {
				baseline = result.percentile(99);
				baselineSamples.computeIfAbsent(configuration, c -> new ArrayList<>()).add(result.latenciesMicros());
			}
			else {
				ratios.computeIfAbsent(configuration, c -> new ArrayList<>()).add(result.percentile(99) / baseline);
				samples.computeIfAbsent(configuration, c -> new ArrayList<>()).add(result.latenciesMicros());
			}
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.1f | %d | %d |%n",
					result.name(), result.participants(), result.votes(),
					(double) sessions * PARTICIPANTS / window.toMillis() * 1000, result.percentile(50),
					result.percentile(95), result.percentile(99), result.percentile(99) / baseline,
					Result.percentile(result.lagMicros(), 99), result.failed(), result.missing()));
		}
		if (pairs > 1) {
			out.append("\n| configuration | p99 / baseline p99, each pair | median | all pairs' events together "
					+ "| target (the median) |\n|---|---|---:|---:|---|\n");
			ratios.forEach((configuration, each) -> {
				List<Double> sorted = each.stream().sorted().toList();
				double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
						: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
				double pooled = Result.percentile(together(samples.get(configuration)), 99)
						/ Result.percentile(together(baselineSamples.get(configuration)), 99);
				out.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | <= 1.5: %s |%n", configuration,
						String.join(", ", each.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()), median,
						pooled, median <= 1.5 ? "PASS" : "MISS"));
			});
		}
		out.append(String.format(Locale.ROOT,
				"%nEach ratio is against the baseline row above it. Java %s, %d cores; client and server(s) in one JVM "
						+ "on loopback.%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
		return out.toString();
	}

}
