package io.featurecreep.library;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.featurecreep.library.LibraryIndex.Visibility;

/**
 * The library of {@link LibrarySearchBenchmark} (its generated questions and typed queries) for benchmarks outside
 * this package: stored into a database before an application starts, and searched in process next to it, so that a
 * search over HTTP can be compared with the index's own time on the same questions and queries.
 */
public final class GeneratedLibrary {

	private final List<LibraryQuestion> questions;

	private final List<String> queries;

	private GeneratedLibrary(List<LibraryQuestion> questions, List<String> queries) {
		this.questions = questions;
		this.queries = queries;
	}

	/** {@value LibrarySearchBenchmark#QUESTIONS} questions (-Dbenchmark.questions), all of one organisation. */
	public static GeneratedLibrary of(String organisationId) {
		LibrarySearchBenchmark generator = new LibrarySearchBenchmark();
		List<LibraryQuestion> questions = generator.questions(generator.vocabulary(20_000))
			.stream()
			.map(q -> new LibraryQuestion(UUID.nameUUIDFromBytes(q.id().getBytes()).toString(), organisationId,
					q.title(), q.descriptionGood(), q.descriptionBad(), null, q.usageCount()))
			.toList();
		List<String> queries = new ArrayList<>();
		while (queries.size() < LibrarySearchBenchmark.DISTINCT_QUERIES) {
			LibraryQuestion question = questions.get(generator.random.nextInt(questions.size()));
			List<String> words = LibrarySearchBenchmark.searchableWords(question);
			if (!words.isEmpty()) {
				queries.add(generator.typed(words, question).text());
			}
		}
		return new GeneratedLibrary(questions, queries);
	}

	public int size() {
		return questions.size();
	}

	/** What people typed into the search box, each a prefix (maybe with a typo) of a word of a question's title. */
	public List<String> queries() {
		return queries;
	}

	/** Adds the questions to the library table of a migrated database, as the application would store them. */
	public void insertInto(Connection connection) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement("insert into library_question (id, organisation_id, "
				+ "title, title_key, description_good, description_bad, default_position, usage_count, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, null, ?, ?)")) {
			Timestamp now = Timestamp.from(Instant.now());
			int batched = 0;
			for (LibraryQuestion question : questions) {
				insert.setString(1, question.id());
				insert.setString(2, question.organisationId());
				insert.setString(3, question.title());
				insert.setString(4, LibraryAnalysis.titleKey(question.title()));
				insert.setString(5, question.descriptionGood());
				insert.setString(6, question.descriptionBad());
				insert.setLong(7, question.usageCount());
				insert.setTimestamp(8, now);
				insert.addBatch();
				if (++batched % 1000 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			connection.commit();
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * The index's own time for each search (top 10 of everything the organisation sees, as the GraphQL
	 * {@code search} asks), sorted, in nanoseconds: {@code warmUp} searches first, then {@code rounds} measured,
	 * cycling through the queries.
	 */
	public long[] searchNanosInProcess(String organisationId, int warmUp, int rounds) throws IOException {
		try (LibraryIndex index = new LibraryIndex()) {
			index.replaceAll(questions);
			Visibility visibility = new Visibility(organisationId, LibraryScope.ALL);
			long sink = 0;
			for (int i = 0; i < warmUp; i++) {
				sink += index.search(visibility, queries.get(i % queries.size()), 0, 10).questions().size();
			}
			long[] nanos = new long[rounds];
			for (int i = 0; i < rounds; i++) {
				long started = System.nanoTime();
				sink += index.search(visibility, queries.get(i % queries.size()), 0, 10).questions().size();
				nanos[i] = System.nanoTime() - started;
			}
			Arrays.sort(nanos);
			if (sink < 0) {
				throw new IllegalStateException();
			}
			return nanos;
		}
	}

}
