package io.featurecreep;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

import io.featurecreep.support.EventStream;
import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.MockIssuers;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Not a test: a load run that prints a report. N live sessions of 10 participants, each with a browser-like
 * event stream open; every participant votes in turn, and each vote's latency is measured from sending it to
 * its "votes" event arriving on each of the session's 10 screens. The baseline is a bare SSE echo in the same
 * server (a POST sent straight to the room's open streams: no database, no rules), measured in the same run.
 *
 * <pre>./mvnw -Pbenchmarks test -Dtest=LiveSessionBenchmark -Dbench.sessions=500</pre>
 *
 * With FC_TEST_REDIS_URL set it also runs two nodes on Redis (streams spread over both, votes on either).
 */
class LiveSessionBenchmark {

	static final int PARTICIPANTS = 10;

	final int sessions = Integer.getInteger("bench.sessions", 100);

	/** Rounds in which every participant votes once; the first warms up and is not measured. */
	final int rounds = Integer.getInteger("bench.rounds", 3);

	final MockOAuth2Server issuer = MockIssuers.started(new MockOAuth2Server(), "bench");

	/** One client for every vote, as browsers keep their connections. */
	final HttpClient votes = HttpClient.newHttpClient();

	/** The bare SSE echo: rooms of open streams, and a POST that sends "votes" to a room. */
	@RestController
	static class Echo {

		private final Map<String, List<SseEmitter>> rooms = new ConcurrentHashMap<>();

		@GetMapping(path = "/bench/echo/{room}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter listen(@PathVariable String room) {
			SseEmitter emitter = new SseEmitter(0L);
			rooms.computeIfAbsent(room, r -> new CopyOnWriteArrayList<>()).add(emitter);
			emitter.onCompletion(() -> rooms.get(room).remove(emitter));
			return emitter;
		}

		@PostMapping("/bench/echo/{room}")
		void vote(@PathVariable String room) {
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

	record Result(String name, int participants, long votes, double seconds, long[] latenciesMicros) {

		double percentile(double p) {
			if (latenciesMicros.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
			return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))] / 1000.0;
		}

	}

	@Test
	void report() throws Exception {
		List<Result> results = new ArrayList<>();
		ConfigurableApplicationContext single = node(Map.of());
		results.add(run("bare SSE echo (baseline)", List.of(single), true));
		results.add(run("Feature Creep, 1 node", List.of(single), false));
		single.close();
		String redis = System.getenv("FC_TEST_REDIS_URL");
		if (redis != null) {
			Map<String, Object> shared = Map.of("spring.data.redis.url", redis, "feature-creep.events.redis-prefix",
					"bench-" + UUID.randomUUID() + ":");
			ConfigurableApplicationContext first = node(shared);
			ConfigurableApplicationContext second = node(shared, first);
			results.add(run("Feature Creep, 2 nodes + Redis", List.of(first, second), false));
			first.close();
			second.close();
		}
		issuer.shutdown();
		String report = report(results);
		System.out.println(report);
		Path out = Path.of("target", "benchmarks", "live-sessions.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	private final Map<String, Object> database = new ConcurrentHashMap<>();

	private ConfigurableApplicationContext node(Map<String, Object> extra, ConfigurableApplicationContext... sharingDatabaseWith) {
		if (sharingDatabaseWith.length == 0) {
			database.clear();
			database.putAll(System.getenv(TestDatabase.POSTGRES_URL) != null ? TestDatabase.postgres().properties()
					: TestDatabase.h2().properties());
			database.put("spring.datasource.hikari.maximum-pool-size", 20);
		}
		Map<String, Object> properties = new java.util.HashMap<>(database);
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
		HttpGraphQl owner = new HttpGraphQl(port(nodes.get(0)), tokens.get(0));
		String squadId = owner.execute(null, "mutation { createSquad(input: {name: \"Bench\", anonymous: true}) { id } }", Map.of())
			.ok()
			.text("createSquad.id");
		String invite = owner.execute(null, "mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", Map.of("s", squadId))
			.ok()
			.text("createInvite.token");
		for (String token : tokens.subList(1, tokens.size())) {
			new HttpGraphQl(port(nodes.get(0)), token).execute(null, "mutation($t: String!) { joinSquad(token: $t) { id } }", Map.of("t", invite)).ok();
		}
		var session = owner.execute(null, "mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", Map.of("s", squadId))
			.ok();
		return new Room(squadId, tokens, session.text("createSession.id"), session.text("createSession.questions.0.id"));
	}

	private Result run(String name, List<ConfigurableApplicationContext> nodes, boolean echo) throws Exception {
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

		HttpClient streams = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
		Map<String, List<CountDownLatchBox>> waiting = new ConcurrentHashMap<>();
		List<EventStream> open = new ArrayList<>();
		int n = 0;
		for (Room room : rooms) {
			for (String token : room.tokens()) {
				int nodePort = port(nodes.get(n++ % nodes.size()));
				String path = echo ? "/bench/echo/" + room.id() : "/sessions/" + room.sessionId() + "/events";
				open.add(EventStream.open(streams, nodePort, path, token, event -> {
					if (event.equals("votes")) {
						waiting.getOrDefault(room.id(), List.of()).forEach(CountDownLatchBox::arrive);
					}
				}));
			}
		}
		Thread.sleep(Math.max(2000, rooms.size() * PARTICIPANTS / 2));

		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong castVotes = new AtomicLong();
		ExecutorService voters = Executors.newFixedThreadPool(Math.min(64, rooms.size()));
		long started = System.nanoTime();
		CountDownLatch done = new CountDownLatch(rooms.size());
		for (Room room : rooms) {
			voters.submit(() -> {
				try {
					for (int round = 0; round < rounds; round++) {
						for (int voter = 0; voter < PARTICIPANTS; voter++) {
							CountDownLatchBox box = new CountDownLatchBox(PARTICIPANTS);
							waiting.put(room.id(), List.of(box));
							long sent = System.nanoTime();
							int nodePort = port(nodes.get(voter % nodes.size()));
							if (echo) {
								post(nodePort, "/bench/echo/" + room.id(), room.tokens().get(voter));
							}
							else {
								new HttpGraphQl(votes, nodePort, room.tokens().get(voter)).execute(null,
										"mutation($s: String!, $q: String!, $a: Int!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a}) { id } }",
										Map.of("s", room.sessionId(), "q", room.questionId(), "a", (voter + round) % 3));
							}
							castVotes.incrementAndGet();
							box.await(sent, round == 0 ? new ArrayList<>() : latencies);
						}
					}
				}
				catch (Exception ex) {
					System.err.println("voter failed: " + ex);
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await(30, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - started) / 1e9;
		voters.shutdown();
		open.forEach(EventStream::close);
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(name, rooms.size() * PARTICIPANTS, castVotes.get(), seconds, sorted);
	}

	private void post(int port, String path, String token) throws Exception {
		votes.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token)
				.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
	}

	/** Waits for a vote's event on every screen of its room and records each arrival's latency. */
	static final class CountDownLatchBox {

		private final CountDownLatch arrivals;

		private final List<Long> arrivedAt = Collections.synchronizedList(new ArrayList<>());

		CountDownLatchBox(int screens) {
			this.arrivals = new CountDownLatch(screens);
		}

		void arrive() {
			arrivedAt.add(System.nanoTime());
			arrivals.countDown();
		}

		void await(long sent, List<Long> latencies) throws InterruptedException {
			if (!arrivals.await(10, TimeUnit.SECONDS)) {
				System.err.println("a vote reached only " + arrivedAt.size() + " screens in 10 s");
			}
			synchronized (arrivedAt) {
				arrivedAt.forEach(at -> latencies.add((at - sent) / 1000));
			}
		}

	}

	private String report(List<Result> results) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"%n## Live sessions: vote -> screen latency (%d sessions x %d participants, %d measured rounds after a warm-up)%n%n",
				sessions, PARTICIPANTS, rounds - 1));
		out.append("| run | participants | votes | votes/s | p50 ms | p95 ms | p99 ms | p99 / baseline p99 |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		double baseline = results.get(0).percentile(99);
		for (Result result : results) {
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.2f |%n", result.name(),
					result.participants(), result.votes(), result.votes() / result.seconds(), result.percentile(50),
					result.percentile(95), result.percentile(99), result.percentile(99) / baseline));
		}
		out.append(String.format(Locale.ROOT, "%nJava %s, %d cores; client and server(s) in one JVM on loopback.%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
		return out.toString();
	}

}
