package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import io.featurecreep.library.LibraryIndex.Visibility;

/**
 * Not a test: measures the library search on 100,000 generated questions, next to a plain Lucene term query on
 * the same index in the same run. Runs only with the benchmarks profile: {@code ./mvnw -B -Pbenchmarks test}.
 * Prints a table and writes it to {@code target/benchmarks/library-search.md}; docs/benchmarks.md holds the
 * figures we measured.
 * <p>
 * Two libraries of the same 100,000 questions: one where all of them belong to the caller's organisation (the
 * worst case: the visibility filter removes none, every match must be ranked), and one where they are spread over
 * 100 organisations. Titles have one to four words and descriptions 8 to 19 words each, drawn from 20,000 words
 * with the skew of real text (function words most often, then a team-health vocabulary, then made-up rarer
 * words); titles are distinct, as the library keeps them. Queries are what people type into the search box: the
 * first letters (three or more) of a word of a visible question's title, half of them with one typo (a changed,
 * missing, extra or swapped letter after the first), a quarter after another complete word of that title.
 */
class LibrarySearchBenchmark {

	static final int QUESTIONS = Integer.getInteger("benchmark.questions", 100_000);

	static final int ORGANISATIONS = 100;

	static final int DISTINCT_QUERIES = 2_000;

	static final int WARM_UP_ROUNDS = Integer.getInteger("benchmark.warmup", 20_000);

	static final int MEASURED_ROUNDS = Integer.getInteger("benchmark.rounds", 50_000);

	static final String ORG = "org-0";

	/** How many of the slowest queries (by their fastest of 3 runs) a library's note names: for finding the tail. */
	static final int SLOWEST_NAMED = Integer.getInteger("benchmark.slowest", 8);

	static final String[] FUNCTION_WORDS = ("we the and to our of a is are in it for with not on that this be as "
			+ "at by or no all have us can get do what how when more some too very so just well who").split(" ");

	static final String[] COMMON = ("team squad release deploy pipeline test coverage code quality review pair "
			+ "learning mission value customer speed support process meeting planning retro sprint backlog goal "
			+ "focus trust safety ownership autonomy fun morale health debt refactor design architecture incident "
			+ "outage monitoring alert oncall documentation onboarding mentoring growth career feedback communication "
			+ "collaboration stakeholder product roadmap priority scope estimate delivery cadence velocity flow "
			+ "blocker dependency handover decision workload balance wellbeing burnout tooling automation "
			+ "security privacy compliance accessibility performance latency reliability resilience scaling cost "
			+ "budget hiring diversity inclusion recognition purpose impact experiment discovery research insight "
			+ "data metric dashboard observability standup demo showcase alignment transparency respect kindness")
		.split(" ");

	static final String[] SYLLABLES = { "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri",
			"so", "tu", "va", "we", "xi", "yo", "ze", "bra", "cle", "dri", "flo", "gru", "pla", "sta", "tri", "ver",
			"mon", "tal", "nor", "quin", "sel", "dar", "ment", "tion", "ing", "er", "ous" };

	final Random random = new Random(20261127);

	@Test
	void searchLatencyOn100kQuestions() throws IOException {
		List<LibraryQuestion> generated = questions(vocabulary(20_000));
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"%n%,d questions; per library %,d searches measured after %,d to warm up, cycling through %,d typed "
						+ "queries. Java %s, %d cores, load average %.1f at the start (a load above the number of cores "
					+ "means other work took turns on them).%n%n",
				QUESTIONS, MEASURED_ROUNDS, WARM_UP_ROUNDS, DISTINCT_QUERIES, Runtime.version(),
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		report.append("| library | search | p50 | p90 | p99 | p99.9 | max |\n|---|---|---:|---:|---:|---:|---:|\n");
		List<String> notes = new ArrayList<>();
		measure("all in the caller's organisation", generated.stream().map(q -> withOrganisation(q, ORG)).toList(),
				report, notes);
		measure("spread over " + ORGANISATIONS + " organisations",
				generated.stream()
					.map(q -> withOrganisation(q, "org-" + Integer.parseInt(q.id().substring(1)) % ORGANISATIONS))
					.toList(),
				report, notes);
		notes.forEach(note -> report.append('\n').append(note).append('\n'));
		System.out.println(report);
		Path out = Path.of("target", "benchmarks", "library-search.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	/** The words of a question's title someone would type to find it: four letters or more, no stop words. */
	static List<String> searchableWords(LibraryQuestion question) {
		return LibraryAnalysis.words(question.title())
			.stream()
			.filter(word -> word.length() >= 4 && !LibraryAnalysis.isStopWord(word))
			.distinct()
			.toList();
	}

	void measure(String library, List<LibraryQuestion> questions, StringBuilder report, List<String> notes)
			throws IOException {
		try (LibraryIndex index = new LibraryIndex()) {
			long started = System.nanoTime();
			index.replaceAll(questions);
			long indexing = System.nanoTime() - started;
			List<LibraryQuestion> visible = questions.stream().filter(q -> q.organisationId().equals(ORG)).toList();
			List<Typed> queries = new ArrayList<>();
			while (queries.size() < DISTINCT_QUERIES) {
				LibraryQuestion question = visible.get(random.nextInt(visible.size()));
				List<String> words = searchableWords(question);
				if (!words.isEmpty()) {
					queries.add(typed(words, question));
				}
			}
			Visibility visibility = new Visibility(ORG, LibraryScope.ALL);

			long[] ours = measure(queries, typed -> index.search(visibility, typed.text(), 0, 10).questions().size());
			long[] raw = measure(queries,
					typed -> index.rawSearch(new TermQuery(new Term(LibraryIndex.TITLE, typed.stem())), 10).scoreDocs.length);
			int found = 0;
			for (Typed typed : queries) {
				if (index.search(visibility, typed.text(), 0, 10)
					.questions()
					.stream()
					.anyMatch(q -> q.id().equals(typed.question().id()))) {
					found++;
				}
			}
			long[] oursByQuery = fastestOfThree(queries,
					typed -> index.search(visibility, typed.text(), 0, 10).questions().size());
			String slowest = slowest(queries, oursByQuery);
			long[] oursPerQuery = sorted(oursByQuery);
			long[] rawPerQuery = sorted(fastestOfThree(queries,
					typed -> index.rawSearch(new TermQuery(new Term(LibraryIndex.TITLE, typed.stem())), 10).scoreDocs.length));
			report.append(row(library, "library search: typed text, top 10, collapsed", ours));
			report.append(row(library, "raw Lucene TermQuery on the title, top 10", raw));
			report.append(row(library, "library search, each query's fastest of 3 runs", oursPerQuery));
			report.append(row(library, "raw TermQuery, each query's fastest of 3 runs", rawPerQuery));
			notes.add(String.format(Locale.ROOT, "%s (%,d visible, indexed in %.1f s): ratio %.0fx at p50, %.0fx at "
					+ "p99; the question a query was typed from was among its 10 results for %d of %d queries. "
					+ "Examples: %s. Slowest (fastest of 3): %s.", capitalised(library), visible.size(), indexing / 1e9,
					percentile(ours, 50) / percentile(raw, 50), percentile(ours, 99) / percentile(raw, 99), found,
					queries.size(),
					String.join(", ", queries.stream().limit(6).map(typed -> '"' + typed.text() + '"').toList()),
					slowest));
			assertThat(ours).isNotEmpty();
		}
	}

	static LibraryQuestion withOrganisation(LibraryQuestion question, String organisationId) {
		return new LibraryQuestion(question.id(), organisationId, question.title(), question.descriptionGood(),
				question.descriptionBad(), null, question.usageCount());
	}

	static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * Questions with titles of one to four words, all different as the library keeps them (recording a use of a
	 * title it has counts a use instead), and used from 0 to 199 times.
	 */
	List<LibraryQuestion> questions(List<String> vocabulary) {
		Set<String> keys = new HashSet<>();
		List<LibraryQuestion> questions = new ArrayList<>(QUESTIONS);
		while (questions.size() < QUESTIONS) {
			String title = sentence(vocabulary, 1 + random.nextInt(4));
			if (keys.add(LibraryAnalysis.titleKey(title))) {
				questions.add(new LibraryQuestion("b" + questions.size(), ORG, title,
						sentence(vocabulary, 8 + random.nextInt(12)), sentence(vocabulary, 8 + random.nextInt(12)), null,
						random.nextInt(200)));
			}
		}
		return questions;
	}

	static String row(String library, String name, long[] nanos) {
		return String.format(Locale.ROOT, "| %s | %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.3f ms |%n", library,
				name, percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), percentile(nanos, 99.9),
				nanos[nanos.length - 1] / 1e6);
	}

	/** In milliseconds; the array is sorted. */
	static double percentile(long[] sortedNanos, double percent) {
		int index = (int) Math.ceil(percent / 100 * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
	}

	interface Search {

		int run(Typed typed);

	}

	long[] measure(List<Typed> queries, Search search) {
		long sink = 0;
		for (int i = 0; i < WARM_UP_ROUNDS; i++) {
			sink += search.run(queries.get(i % queries.size()));
		}
		long[] nanos = new long[MEASURED_ROUNDS];
		for (int i = 0; i < MEASURED_ROUNDS; i++) {
			Typed typed = queries.get(i % queries.size());
			long started = System.nanoTime();
			sink += search.run(typed);
			nanos[i] = System.nanoTime() - started;
		}
		assertThat(sink).isNotNegative();
		Arrays.sort(nanos);
		return nanos;
	}

	/**
	 * What each query costs by itself, in the order of the queries: its fastest of three runs, so that a run the
	 * scheduler interrupted (on a machine shared with other work) does not count.
	 */
	long[] fastestOfThree(List<Typed> queries, Search search) {
		long[] nanos = new long[queries.size()];
		for (int i = 0; i < queries.size(); i++) {
			long fastest = Long.MAX_VALUE;
			for (int run = 0; run < 3; run++) {
				long started = System.nanoTime();
				search.run(queries.get(i));
				fastest = Math.min(fastest, System.nanoTime() - started);
			}
			nanos[i] = fastest;
		}
		return nanos;
	}

	/** The queries that cost the most by themselves, slowest first, with their times (nanos by query). */
	static String slowest(List<Typed> queries, long[] nanos) {
		return String.join(", ",
				IntStream.range(0, queries.size())
					.boxed()
					.sorted(Comparator.comparingLong((Integer i) -> nanos[i]).reversed())
					.limit(SLOWEST_NAMED)
					.map(i -> String.format(Locale.ROOT, "\"%s\" %.2f ms", queries.get(i).text(), nanos[i] / 1e6))
					.toList());
	}

	static long[] sorted(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted;
	}

	/** What someone looking for this question might have typed so far. */
	Typed typed(List<String> titleWords, LibraryQuestion question) {
		String word = titleWords.get(random.nextInt(titleWords.size()));
		String prefix = word.substring(0, 3 + random.nextInt(word.length() - 2));
		String text = random.nextBoolean() ? typo(prefix) : prefix;
		if (random.nextInt(4) == 0 && titleWords.size() > 1) {
			String first = titleWords.stream().filter(w -> !w.equals(word)).findFirst().orElseThrow();
			text = first + " " + text;
		}
		return new Typed(text, LibraryAnalysis.stem(word), question);
	}

	String typo(String word) {
		int at = 1 + random.nextInt(word.length() - 1);
		char letter = (char) ('a' + random.nextInt(26));
		return switch (random.nextInt(4)) {
			case 0 -> word.substring(0, at) + letter + word.substring(at + 1);
			case 1 -> word.length() > 3 ? word.substring(0, at) + word.substring(at + 1) : word + letter;
			case 2 -> word.substring(0, at) + letter + word.substring(at);
			default -> at < word.length() - 1
					? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2)
					: word.substring(0, at) + letter;
		};
	}

	List<String> vocabulary(int size) {
		List<String> words = new ArrayList<>(Arrays.asList(FUNCTION_WORDS));
		words.addAll(Arrays.asList(COMMON));
		while (words.size() < size) {
			StringBuilder word = new StringBuilder();
			int syllables = 2 + random.nextInt(3);
			for (int i = 0; i < syllables; i++) {
				word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
			}
			words.add(word.toString());
		}
		return words;
	}

	/** Words drawn with a Zipf-like skew, as in real text: a few are everywhere, most are rare. */
	String sentence(List<String> vocabulary, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int rank = (int) Math.floor(Math.pow(vocabulary.size(), random.nextDouble())) - 1;
			text.append(i == 0 ? "" : " ").append(vocabulary.get(Math.max(0, rank)));
		}
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	record Typed(String text, String stem, LibraryQuestion question) {
	}

}
