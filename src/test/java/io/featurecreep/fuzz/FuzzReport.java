package io.featurecreep.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run sent and found: requests by kind and status class, and every distinct failure with how often it
 * happened and the first request that showed it (to send again) with the server's answer. Senders on several
 * threads count into one report.
 */
public final class FuzzReport {

	private final long seed;

	private final String database;

	private final Map<String, Map<String, Integer>> byKind = new TreeMap<>();

	private final Map<String, Integer> byStatus = new TreeMap<>();

	private final Map<String, Long> nanosByKind = new TreeMap<>();

	private long slowestNanos;

	private String slowest = "";

	private final Map<String, Found> failures = new LinkedHashMap<>();

	private final Map<String, Found> blemishes = new LinkedHashMap<>();

	private final List<String> notSent = new ArrayList<>();

	private int requests;

	private int failed;

	private int worlds;

	private Duration duration = Duration.ZERO;

	FuzzReport(long seed, String database) {
		this.seed = seed;
		this.database = database;
	}

	synchronized void count(FuzzRequest request, Outcome outcome, Oracles.Failure failure, long nanos) {
		requests++;
		nanosByKind.merge(request.kind(), nanos, Long::sum);
		if (nanos > slowestNanos) {
			slowestNanos = nanos;
			slowest = request.describe();
		}
		String status = outcome.statusClass();
		byKind.computeIfAbsent(request.kind(), kind -> new TreeMap<>()).merge(status, 1, Integer::sum);
		byStatus.merge(status, 1, Integer::sum);
		if (failure != null) {
			failed += failure.breaks() ? 1 : 0;
			(failure.breaks() ? failures : blemishes)
				.computeIfAbsent(failure.signature(), signature -> new Found(signature, requests, request.describe(),
						failure.detail()))
				.count++;
		}
	}

	/** The test could not build the request (MockMvc refused it before the application saw it). */
	synchronized void notSent(FuzzRequest request, Exception refusal) {
		if (notSent.size() < 5) {
			Throwable cause = refusal.getCause() != null ? refusal.getCause() : refusal;
			StackTraceElement[] frames = cause.getStackTrace();
			notSent.add(cause + (frames.length > 0 ? " at " + frames[0] : "") + "\n      " + request.describe());
		}
	}

	synchronized void worldCreated() {
		worlds++;
	}

	void finish(Duration took) {
		duration = took;
	}

	public int requests() {
		return requests;
	}

	public int failedRequests() {
		return failed;
	}

	public Duration duration() {
		return duration;
	}

	public boolean clean() {
		return failures.isEmpty();
	}

	/** How many requests ended in each status class ({@code 2xx}, {@code 4xx}, {@code unhandled}, ...). */
	public Map<String, Integer> byStatus() {
		return byStatus;
	}

	/** The table of requests and statuses, then throughput. */
	public String summary() {
		StringBuilder text = new StringBuilder();
		double seconds = Math.max(duration.toMillis(), 1) / 1000.0;
		text.append(String.format(Locale.ROOT,
				"Fuzz run: %,d requests on %s in %.1f s (%,.0f requests/s), seed %d (-Dfuzz.seed=%d), %d worlds of real data%n",
				requests, database, seconds, requests / seconds, seed, seed, worlds));
		List<String> columns = new ArrayList<>(byStatus.keySet());
		text.append("\n| kind | requests | ms per request | ").append(String.join(" | ", columns)).append(" |\n|---|---:|---:|");
		columns.forEach(column -> text.append("---:|"));
		text.append('\n');
		byKind.forEach((kind, statuses) -> {
			int count = statuses.values().stream().mapToInt(Integer::intValue).sum();
			text.append("| ").append(kind).append(" | ").append(String.format(Locale.ROOT, "%,d | %.2f", count,
					nanosByKind.get(kind) / 1e6 / count));
			columns.forEach(column -> text.append(" | ").append(String.format(Locale.ROOT, "%,d", statuses.getOrDefault(column, 0))));
			text.append(" |\n");
		});
		text.append("| all | ").append(String.format(Locale.ROOT, "%,d | %.2f", requests,
				nanosByKind.values().stream().mapToLong(Long::longValue).sum() / 1e6 / Math.max(requests, 1)));
		columns.forEach(column -> text.append(" | ").append(String.format(Locale.ROOT, "%,d", byStatus.get(column))));
		text.append(" |\n");
		text.append(String.format(Locale.ROOT, "%nSlowest request (%.0f ms): %s%n", slowestNanos / 1e6, slowest));
		text.append(String.format(Locale.ROOT, "%nFailed requests: %,d, distinct failures: %d%n", failed, failures.size()));
		if (!notSent.isEmpty()) {
			text.append("Requests MockMvc could not build (not counted): ").append(String.join("\n  ", notSent)).append('\n');
		}
		return text.toString();
	}

	/** Every distinct failure, most frequent first, each with a reproducer. */
	public String defects() {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "%d distinct failures in %,d of %,d requests (seed %d):%n", failures.size(),
				failed, requests, seed));
		list(text, failures);
		return text.toString();
	}

	/** What the report lists without failing: blemishes of requests that worked. */
	public String blemishes() {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "%d distinct blemishes (not failures):%n", blemishes.size()));
		list(text, blemishes);
		return text.toString();
	}

	/** Distinct failure signatures, most frequent first, with their counts: the run's findings in short. */
	public Map<String, Integer> failureCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		failures.values()
			.stream()
			.sorted(Comparator.comparingInt((Found f) -> -f.count))
			.forEach(found -> counts.put(found.signature, found.count));
		return counts;
	}

	private static void list(StringBuilder text, Map<String, Found> found) {
		int number = 1;
		for (Found one : found.values().stream().sorted(Comparator.comparingInt((Found f) -> -f.count)).toList()) {
			text.append(String.format(Locale.ROOT, "%n%d. %s%n   %,d requests; first was request #%,d:%n   > %s%n   < %s%n",
					number++, one.signature, one.count, one.first, one.request, one.answer));
		}
	}

	private static final class Found {

		private final String signature;

		private final int first;

		private final String request;

		private final String answer;

		private int count;

		Found(String signature, int first, String request, String answer) {
			this.signature = signature;
			this.first = first;
			this.request = request;
			this.answer = answer;
		}

	}

}
