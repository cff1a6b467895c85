package io.featurecreep.library;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.featurecreep.events.NodeBroadcast;

/**
 * Keeps this node's search index ({@link LibraryIndex}) in step with the library in the database. Three ways,
 * so that every node converges even when it misses something:
 * <ol>
 * <li>At start, before the server takes requests, it indexes every row (and gives rows without a title key
 * theirs).</li>
 * <li>After each commit that adds or uses an entry ({@link LibraryQuestionChanged}), it re-reads that row, with
 * any others changed meanwhile: a question someone just added is searchable when their request returns. Other nodes are meant to receive the
 * same event through the cluster's event transport and handle it here too (it needs no transaction).</li>
 * <li>Every minute (feature-creep.library.index-check) it compares the row count and the sum of the usage counts
 * with what it indexed, two numbers from one cheap query. Entries are never edited or deleted, only added and
 * used more, so equal numbers mean nothing was missed; otherwise it compares usage counts by id and re-reads the
 * rows that differ. A node that lost events, or started while others wrote, catches up within a minute.</li>
 * </ol>
 * All three read the database while holding this object's lock, so whichever runs later also read later: an
 * older snapshot never overwrites a newer one.
 */
@Component
class LibraryIndexer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(LibraryIndexer.class);

	static final String TOPIC = "library-changes";

	private static final int ROWS_PER_READ = 500;

	private static final String COLUMNS = "id, organisation_id, title, description_good, description_bad, "
			+ "default_position, usage_count";

	private final JdbcClient jdbc;

	private final LibraryIndex index;

	private final NodeBroadcast broadcast;

	/** Entries changed and announced, not yet re-read. */
	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	private int reads;

	LibraryIndexer(JdbcClient jdbc, LibraryIndex index, NodeBroadcast broadcast) {
		this.jdbc = jdbc;
		this.index = index;
		this.broadcast = broadcast;
		broadcast.subscribe(TOPIC, this::reindexQuietly);
	}

	@Override
	public void afterSingletonsInstantiated() {
		rebuild();
	}

	/** Indexes every row from scratch. */
	synchronized void rebuild() {
		long started = System.nanoTime();
		List<LibraryQuestion> questions = new ArrayList<>();
		List<Object[]> missingKeys = new ArrayList<>();
		jdbc.sql("select " + COLUMNS + ", title_key from library_question").query(rs -> {
			LibraryQuestion question = QuestionLibrary.map(rs, 0);
			questions.add(question);
			String key = LibraryAnalysis.titleKey(question.title());
			if (!key.equals(rs.getString("title_key"))) {
				missingKeys.add(new Object[] { key, question.id() });
			}
		});
		for (Object[] keyAndId : missingKeys) {
			jdbc.sql("update library_question set title_key = ? where id = ?").params(keyAndId).update();
		}
		index.replaceAll(questions);
		log.info("Indexed {} library questions in {} ms{}", questions.size(), (System.nanoTime() - started) / 1_000_000,
				missingKeys.isEmpty() ? "" : " (" + missingKeys.size() + " new title keys)");
	}

	/** Once committed, every node hears of the change (this one included) and indexes the entry. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(LibraryQuestionChanged changed) {
		try {
			broadcast.publish(TOPIC, changed.id());
		}
		catch (RuntimeException ex) {
			// the change is committed either way; the periodic check below picks it up on every node
			log.warn("Could not pass on library question {} now: {}", changed.id(), ex.toString());
		}
	}

	private void reindexQuietly(String id) {
		try {
			reindexWithOthersWaiting(id);
		}
		catch (RuntimeException ex) {
			log.warn("Could not index library question {} now: {}", id, ex.toString());
		}
	}

	/**
	 * Re-reads the entry before returning, together with every other entry waiting: when many sessions start at
	 * once, each counting uses of its questions, one read and one index refresh serve all the changes that
	 * queued behind the lock, instead of one each in turn. A change another read took was read after it was
	 * announced, so after its commit.
	 */
	private void reindexWithOthersWaiting(String id) {
		waiting.add(id);
		synchronized (this) {
			if (!waiting.contains(id)) {
				return; // a read that began after this change was announced took it
			}
			Set<String> batch = new HashSet<>();
			for (Iterator<String> ids = waiting.iterator(); ids.hasNext();) {
				batch.add(ids.next());
				ids.remove();
			}
			try {
				reindex(batch);
			}
			catch (RuntimeException ex) {
				waiting.addAll(batch); // for the next change, or the periodic check, to try again
				throw ex;
			}
		}
	}

	@Scheduled(fixedDelayString = "${feature-creep.library.index-check:PT1M}",
			initialDelayString = "${feature-creep.library.index-check:PT1M}")
	synchronized void catchUp() {
		Totals database = jdbc.sql("select count(*) as n, coalesce(sum(usage_count), 0) as uses from library_question")
			.query((rs, row) -> new Totals(rs.getLong("n"), rs.getLong("uses")))
			.single();
		Map<String, Long> indexed = index.usageCounts();
		Totals inIndex = new Totals(indexed.size(), indexed.values().stream().mapToLong(Long::longValue).sum());
		if (database.equals(inIndex)) {
			return;
		}
		Set<String> differing = new HashSet<>();
		Set<String> gone = new HashSet<>(indexed.keySet());
		jdbc.sql("select id, usage_count from library_question").query(rs -> {
			String id = rs.getString("id");
			gone.remove(id);
			if (!Long.valueOf(rs.getLong("usage_count")).equals(indexed.get(id))) {
				differing.add(id);
			}
		});
		reindex(differing);
		index.remove(gone);
		log.info("Library index caught up: {} questions re-read, {} removed", differing.size(), gone.size());
	}

	/** Re-reads these rows; ids without a row leave the index. */
	synchronized void reindex(Set<String> ids) {
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += ROWS_PER_READ) {
			List<String> batch = all.subList(from, Math.min(from + ROWS_PER_READ, all.size()));
			reads++;
			List<LibraryQuestion> found = jdbc.sql("select " + COLUMNS + " from library_question where id in (:ids)")
				.param("ids", batch)
				.query(QuestionLibrary::map)
				.list();
			index.put(found);
			Set<String> missing = new HashSet<>(batch);
			found.forEach(question -> missing.remove(question.id()));
			index.remove(missing);
		}
	}

	/** Reads of rows so far: for tests. */
	synchronized int reads() {
		return reads;
	}

	/** Changes waiting for a read: for tests. */
	int waiting() {
		return waiting.size();
	}

	private record Totals(long rows, long uses) {
	}

}
