package io.featurecreep.fuzz;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.testSecurityContext;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.test.web.servlet.setup.MockMvcConfigurerAdapter;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.featurecreep.identity.Accounts;
import io.featurecreep.support.GraphQlApi;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends generated requests to a running application in-process (MockMvc: the whole filter chain, Spring MVC,
 * GraphQL, the database; no network) and judges each one. Used by {@code FuzzTests} in every build and by the
 * PostgreSQL benchmark for a million requests; both get the same generators, so a failure found in one can be
 * sent again in the other.
 */
public final class FuzzCampaign {

	/** Asynchronous requests (GraphQL) that have not finished by then count as never answered. */
	private static final long ASYNC_WAIT_MS = 5_000;

	private final MockMvc mvc;

	private final GraphQlApi api;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final GraphQlFuzzer graphQl;

	private final PageFuzzer pages;

	private FuzzCampaign(WebApplicationContext context) {
		this.mvc = mockMvc(context);
		JsonMapper json = context.getBean(JsonMapper.class);
		this.accounts = context.getBean(Accounts.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.api = new GraphQlApi(mvc, accounts, json);
		this.graphQl = new GraphQlFuzzer(GraphQlFuzzer.loadSchema(), json);
		this.pages = new PageFuzzer(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
	}

	public static FuzzCampaign on(WebApplicationContext context) {
		return new FuzzCampaign(context);
	}

	/**
	 * A MockMvc like {@code @AutoConfigureMockMvc}'s (every filter of the application, signed-in test people) that
	 * prints nothing: the shared one keeps the print of every request until the test ends, which for thousands of
	 * requests with 100 kB bodies is a lot of memory and, on a failure, a lot of output.
	 */
	private static MockMvc mockMvc(WebApplicationContext context) {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
		SpringBootMockMvcBuilderCustomizer boot = new SpringBootMockMvcBuilderCustomizer(context);
		boot.setPrint(MockMvcPrint.NONE);
		boot.customize(builder);
		builder.apply(new MockMvcConfigurerAdapter() {

			@Override
			public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> mockMvc,
					WebApplicationContext applicationContext) {
				return testSecurityContext();
			}

		});
		return builder.build();
	}

	/** Which GraphQL root fields and which routes the generators have aimed at so far, and which not. */
	public List<String> coverage() {
		return List.of(graphQl.coverage().toString(), pages.coverage().toString());
	}

	/** True once every GraphQL root field and every route got at least one request. */
	public boolean coveredEverything() {
		return graphQl.coverage().missed().isEmpty() && pages.coverage().missed().isEmpty();
	}

	/**
	 * Sends {@code requests} generated requests, half of them to GraphQL, from {@code threads} threads (each with its
	 * own data and a random generator seeded from {@code seed}, so one thread replays the same requests), making new
	 * real data every {@code worldEvery} requests of a thread.
	 *
	 * @param progress told the number of requests sent so far, every 1,000
	 */
	public FuzzReport run(long seed, int requests, int worldEvery, int threads, String database, IntConsumer progress) {
		FuzzReport report = new FuzzReport(seed, database);
		FuzzWorld.keepDefaultOrganisationAdminElsewhere(api);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		Set<String> senders = threads == 1 ? Set.of(Thread.currentThread().getName())
				: IntStream.range(0, threads).mapToObj(i -> "fuzz-" + i).collect(Collectors.toSet());
		long start = System.nanoTime();
		try (LogCapture log = new LogCapture(senders)) {
			IntConsumer sender = index -> {
				// one thread: the run's own seed, so -Dfuzz.seed replays the requests of FuzzTests exactly
				Random random = new Random(threads == 1 ? seed : seed + index);
				FuzzWorld world = null;
				int own = 0;
				while (next.getAndIncrement() < requests) {
					if (own++ % worldEvery == 0) {
						world = FuzzWorld.create(api, accounts, jdbc);
						report.worldCreated();
						log.drain();
					}
					FuzzRequest request = random.nextInt(100) < 55 ? graphQl.next(random, world)
							: pages.next(random, world);
					long sent = System.nanoTime();
					try {
						Outcome outcome = send(request, world, log);
						report.count(request, outcome, Oracles.judge(request, outcome), System.nanoTime() - sent);
					}
					catch (NotSent refused) {
						report.notSent(request, refused);
					}
					int count = done.incrementAndGet();
					if (count % 1000 == 0) {
						progress.accept(count);
					}
				}
			};
			if (threads == 1) {
				sender.accept(0);
			}
			else {
				runOnThreads(threads, sender);
			}
		}
		report.finish(Duration.ofNanos(System.nanoTime() - start));
		return report;
	}

	private static void runOnThreads(int threads, IntConsumer sender) {
		List<Thread> started = new ArrayList<>();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		for (int i = 0; i < threads; i++) {
			int index = i;
			started.add(Thread.ofPlatform().name("fuzz-" + i).start(() -> {
				try {
					sender.accept(index);
				}
				catch (Throwable failure) {
					failures.add(failure);
				}
			}));
		}
		for (Thread thread : started) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("A fuzzing thread failed", failures.get(0));
		}
	}

	private Outcome send(FuzzRequest request, FuzzWorld world, LogCapture log) {
		MvcResult result;
		try {
			result = mvc.perform(request.toMockMvc(world)).andReturn();
		}
		catch (Exception escaped) {
			if (!Oracles.reachedApplication(escaped)) {
				throw new NotSent(escaped);
			}
			return new Outcome(500, Map.of(), "", escaped, null, log.drain(), false, false);
		}
		boolean stream = false;
		boolean neverAnswered = false;
		if (result.getRequest().isAsyncStarted()) {
			String type = result.getResponse().getContentType();
			stream = type != null && type.startsWith("text/event-stream");
			if (!stream) {
				try {
					result.getAsyncResult(ASYNC_WAIT_MS);
					result = mvc.perform(asyncDispatch(result)).andReturn();
				}
				catch (IllegalStateException notDone) {
					neverAnswered = true;
				}
				catch (Exception escaped) {
					return new Outcome(500, Map.of(), "", escaped, null, log.drain(), false, false);
				}
			}
			if (result.getRequest().isAsyncStarted()) {
				// an event stream (or a request that never finished): end it, as a browser closing the page would
				result.getRequest().getAsyncContext().complete();
			}
		}
		MockHttpServletResponse response = result.getResponse();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			headers.put(name, response.getHeaders(name));
		}
		String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		return new Outcome(response.getStatus(), headers, body, null, result.getResolvedException(), log.drain(),
				neverAnswered, stream);
	}

	/** MockMvc could not even build the request: the fuzzer's problem, not the application's. */
	private static final class NotSent extends RuntimeException {

		NotSent(Exception cause) {
			super(cause.toString(), cause);
		}

	}

}
