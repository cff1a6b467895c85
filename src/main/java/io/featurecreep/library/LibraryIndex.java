package io.featurecreep.library;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

import io.featurecreep.library.LibraryAnalysis.TitleKey;

/**
 * The question library as a Lucene index of this node's own ({@link IndexFiles}), with the entries themselves in
 * memory next to it, so a search never touches the database. It holds whatever it was given: {@link LibraryIndexer}
 * keeps it in step with the database. Writes are serialised; searches run concurrently on the latest written state.
 */
@Component
final class LibraryIndex implements Closeable {

	static final String ID = "id";

	static final String TITLE = "title";

	static final String TITLE_PREFIXES = "title_prefixes";

	static final String DESCRIPTION = "description";

	static final String DESCRIPTION_PREFIXES = "description_prefixes";

	static final String SHARED = "shared";

	static final String ORGANISATION = "organisation";

	private static final String USAGE = "usage";

	private static final String POSITION = "position";

	private static final String TITLE_ORDER = "title_order";

	/** Searched text is indexed with freqs and norms (for ranking), without positions (no phrase queries). */
	private static final FieldType TEXT = new FieldType();

	static {
		TEXT.setTokenized(true);
		TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		TEXT.freeze();
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/** The one thread that changes the index's files (see {@link #write}). */
	private final ExecutorService writes = Executors.newSingleThreadExecutor(Thread.ofPlatform()
		.name("library-index-writer")
		.daemon()
		.factory());

	private final IndexFiles files;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final VisibleDocuments visibleDocuments = new VisibleDocuments();

	LibraryIndex() {
		IndexWriterConfig config = new IndexWriterConfig(LibraryAnalysis.perField(
				Map.of(TITLE_PREFIXES, LibraryAnalysis.PREFIXES, DESCRIPTION_PREFIXES, LibraryAnalysis.PREFIXES)));
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
		config.setCommitOnClose(false);
		// most used first: the usage factor can then tell which of the many questions matching a short word can no
		// longer make the top results, and Lucene skips them (see UsageFactorQuery)
		config.setIndexSort(new Sort(UsageFactorQuery.mostUsedFirst(USAGE)));
		try {
			// the large segments memory-mapped, the small ones on the heap: see IndexFiles
			files = IndexFiles.inTemporaryFolder();
			writer = new IndexWriter(files, config);
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Replaces everything with these questions. */
	synchronized void replaceAll(Collection<LibraryQuestion> questions) {
		write(() -> {
			writer.deleteAll();
			entries.clear();
			for (LibraryQuestion question : questions) {
				Entry entry = Entry.of(question);
				writer.addDocument(document(entry));
				entries.put(question.id(), entry);
			}
			// one segment searches fastest; later changes add small ones, which merge as usual
			writer.forceMerge(1);
			searchers.maybeRefreshBlocking();
		});
	}

	/** Adds the questions or replaces the ones with the same ids; searches see them once this returns. */
	synchronized void put(Collection<LibraryQuestion> questions) {
		if (questions.isEmpty()) {
			return;
		}
		write(() -> {
			for (LibraryQuestion question : questions) {
				Entry entry = Entry.of(question);
				writer.updateDocument(new Term(ID, question.id()), document(entry));
				entries.put(question.id(), entry);
			}
			searchers.maybeRefreshBlocking();
		});
	}

	synchronized void remove(Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		write(() -> {
			for (String id : ids) {
				writer.deleteDocuments(new Term(ID, id));
				entries.remove(id);
			}
			searchers.maybeRefreshBlocking();
		});
	}

	/**
	 * Runs a change of the index on the index's own thread and waits for it. A change must not be interrupted halfway
	 * (Lucene turns an interrupt into an error where it waits, and in a directory of files the interrupt closes the
	 * files' channels, which ends the writer for good). The callers' threads do get interrupted (consumers stopping,
	 * requests cancelled); this thread never is. A caller's interrupt is kept for the caller, after the change.
	 */
	private void write(FileChange change) {
		Future<?> done = writes.submit(() -> {
			change.run();
			return null;
		});
		boolean interrupted = false;
		try {
			while (true) {
				try {
					done.get();
					return;
				}
				catch (InterruptedException later) {
					interrupted = true;
				}
				catch (ExecutionException failed) {
					if (failed.getCause() instanceof IOException io) {
						throw new UncheckedIOException(io);
					}
					if (failed.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IllegalStateException(failed.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@FunctionalInterface
	private interface FileChange {

		void run() throws IOException;

	}

	/** The usage count of every indexed question, by id: what the index believes the database holds. */
	Map<String, Long> usageCounts() {
		Map<String, Long> counts = new HashMap<>();
		entries.forEach((id, entry) -> counts.put(id, entry.question().usageCount()));
		return counts;
	}

	int size() {
		return entries.size();
	}

	/** The segments the current state is searched in: for tests. */
	int segments() {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return searcher.getIndexReader().leaves().size();
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The files of the index written to its folder so far: for tests. */
	long filesWrittenToFolder() {
		return files.writtenToFolder();
	}

	/** The segments for which visible documents are kept: for tests, never more than {@link #segments()}. */
	int segmentsWithVisibleDocumentsKept() {
		return visibleDocuments.segments();
	}

	/**
	 * A page of the questions someone may see that match the typed text, best first, near-duplicates collapsed
	 * into one; without text, the most used first.
	 */
	LibraryPage search(Visibility visibility, String text, int offset, int limit) {
		boolean browsing = text == null || text.isBlank();
		Query typed = browsing ? null : SearchAsYouType.query(text);
		if (!browsing && typed == null) {
			return new LibraryPage(List.of(), offset, false); // only punctuation or one letter: nothing to look for
		}
		Query query;
		Sort sort;
		if (browsing) {
			query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
				.add(visibility.filter(), Occur.FILTER)
				.build();
			sort = new Sort(new SortField(USAGE, SortField.Type.LONG, true), positionOrder(),
					new SortField(TITLE_ORDER, SortField.Type.STRING));
		}
		else {
			query = new UsageFactorQuery(new VisibleOnlyQuery(typed, visibility, visibleDocuments), USAGE);
			sort = null;
		}
		int wanted = offset + limit + 1;
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return page(searcher, query, sort, wanted, offset, limit);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A plain Lucene search on the current state, for comparison (the benchmark's baseline). */
	TopDocs rawSearch(Query query, int count) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return searcher.search(query, count);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Collapsing can merge hits, so more hits are read than the page needs; if they collapse into too few
	 * questions, more are read.
	 */
	private LibraryPage page(IndexSearcher searcher, Query query, Sort sort, int wanted, int offset, int limit)
			throws IOException {
		int everything = Math.max(searcher.getIndexReader().maxDoc(), 1);
		int fetch = Math.min(wanted + 5, everything);
		while (true) {
			// no exact total wanted: Lucene may skip documents that cannot make the top from the start
			TopDocs top = sort == null ? searcher.search(query, new TopScoreDocCollectorManager(fetch, fetch))
					: searcher.search(query, fetch, sort);
			List<Group> groups = collapse(idsOf(searcher, top.scoreDocs));
			boolean allRead = top.scoreDocs.length < fetch || fetch == everything;
			if (groups.size() >= wanted || allRead) {
				List<LibraryQuestion> questions = groups.stream()
					.skip(offset)
					.limit(limit)
					.map(Group::representative)
					.toList();
				return new LibraryPage(questions, offset, groups.size() > offset + limit);
			}
			fetch = (int) Math.min((long) fetch * 4, everything);
		}
	}

	/**
	 * Questions whose titles are (nearly) the same become one result, at the rank of the best-ranked of them,
	 * shown as the one people know best: a default indicator, else one of the shared library, else the most
	 * used.
	 */
	private List<Group> collapse(List<String> rankedIds) {
		List<Group> groups = new ArrayList<>();
		Map<String, Group> byKey = new HashMap<>();
		for (String id : rankedIds) {
			Entry entry = entries.get(id);
			if (entry == null) {
				continue; // removed since the searcher opened
			}
			Group same = byKey.get(entry.key().key());
			for (int i = 0; same == null && i < groups.size(); i++) {
				if (groups.get(i).key().nearlySame(entry.key())) {
					same = groups.get(i);
				}
			}
			if (same == null) {
				same = new Group(entry);
				groups.add(same);
			}
			else {
				same.add(entry);
			}
			byKey.putIfAbsent(entry.key().key(), same);
		}
		return groups;
	}

	/** The ids of the hits, in rank order. Doc values are read in doc order, as their iterators require. */
	private static List<String> idsOf(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
		Integer[] byDoc = new Integer[hits.length];
		Arrays.setAll(byDoc, i -> i);
		Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
		String[] ids = new String[hits.length];
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		int leafIndex = -1;
		SortedDocValues values = null;
		LeafReaderContext leaf = null;
		for (int rank : byDoc) {
			int doc = hits[rank].doc;
			int index = ReaderUtil.subIndex(doc, leaves);
			if (index != leafIndex) {
				leafIndex = index;
				leaf = leaves.get(index);
				values = leaf.reader().getSortedDocValues(ID);
			}
			if (values != null && values.advanceExact(doc - leaf.docBase)) {
				ids[rank] = values.lookupOrd(values.ordValue()).utf8ToString();
			}
		}
		return Arrays.stream(ids).filter(Objects::nonNull).toList();
	}

	private static SortField positionOrder() {
		SortField position = new SortField(POSITION, SortField.Type.INT);
		position.setMissingValue(Integer.MAX_VALUE);
		return position;
	}

	private static Document document(Entry entry) {
		LibraryQuestion question = entry.question();
		Document doc = new Document();
		doc.add(new StringField(ID, question.id(), Field.Store.NO));
		doc.add(new SortedDocValuesField(ID, new BytesRef(question.id())));
		if (question.organisationId() == null) {
			doc.add(new StringField(SHARED, "yes", Field.Store.NO));
		}
		else {
			doc.add(new StringField(ORGANISATION, question.organisationId(), Field.Store.NO));
		}
		for (String field : List.of(TITLE, TITLE_PREFIXES)) {
			doc.add(new Field(field, question.title(), TEXT));
		}
		for (String description : List.of(question.descriptionGood(), question.descriptionBad())) {
			if (description != null && !description.isBlank()) {
				doc.add(new Field(DESCRIPTION, description, TEXT));
				doc.add(new Field(DESCRIPTION_PREFIXES, description, TEXT));
			}
		}
		doc.add(new NumericDocValuesField(USAGE, question.usageCount()));
		if (question.defaultPosition() != null) {
			doc.add(new NumericDocValuesField(POSITION, question.defaultPosition()));
		}
		doc.add(new SortedDocValuesField(TITLE_ORDER,
				new BytesRef(truncate(question.title().toLowerCase(Locale.ROOT), 200))));
		return doc;
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	@Override
	public synchronized void close() throws IOException {
		try {
			searchers.close();
			write(writer::close);
		}
		finally {
			writes.shutdown();
			files.close();
		}
	}

	/** Whose questions a search may return. */
	record Visibility(String organisationId, LibraryScope scope) {

		/** The terms of the questions this lets through: any of them. */
		List<Term> terms() {
			Term shared = new Term(SHARED, "yes");
			Term own = new Term(ORGANISATION, organisationId == null ? "" : organisationId);
			return switch (scope) {
				case SHARED -> List.of(shared);
				case ORGANISATION -> List.of(own);
				case ALL -> List.of(shared, own);
			};
		}

		Query filter() {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			terms().forEach(term -> any.add(new TermQuery(term), Occur.SHOULD));
			return any.build();
		}

	}

	private record Entry(LibraryQuestion question, TitleKey key) {

		static Entry of(LibraryQuestion question) {
			return new Entry(question, TitleKey.of(LibraryAnalysis.titleKey(question.title())));
		}

	}

	/** Near-duplicate questions, in the order they were found. */
	private static final class Group {

		private final List<Entry> entries = new ArrayList<>();

		Group(Entry first) {
			entries.add(first);
		}

		TitleKey key() {
			return entries.getFirst().key();
		}

		void add(Entry entry) {
			entries.add(entry);
		}

		LibraryQuestion representative() {
			return entries.stream()
				.map(Entry::question)
				.min(Comparator.comparing((LibraryQuestion q) -> !q.isDefault())
					.thenComparing(q -> q.organisationId() != null)
					.thenComparing(Comparator.comparingLong(LibraryQuestion::usageCount).reversed()))
				.orElseThrow();
		}

	}

}
