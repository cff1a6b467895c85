package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The usage factor lets Lucene skip documents that cannot make the top results; what it returns must be exactly
 * what scoring every document would.
 */
class UsageFactorQueryTest {

	static final String[] WORDS = { "team", "release", "speed", "fun", "learning", "mission", "support", "code" };

	@Test
	void theTopResultsAreThoseOfScoringEveryDocument() throws IOException {
		Random random = new Random(42);
		try (Directory directory = new ByteBuffersDirectory()) {
			IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
			config.setMaxBufferedDocs(500); // several segments
			try (IndexWriter writer = new IndexWriter(directory, config)) {
				for (int i = 0; i < 5_000; i++) {
					Document doc = new Document();
					StringBuilder text = new StringBuilder();
					for (int w = 0; w < 1 + random.nextInt(6); w++) {
						text.append(WORDS[(int) Math.floor(Math.pow(WORDS.length, random.nextDouble())) - 1]).append(' ');
					}
					doc.add(new TextField("text", text.toString(), Field.Store.NO));
					if (random.nextInt(10) > 0) {
						doc.add(new NumericDocValuesField("usage", random.nextInt(500)));
					}
					writer.addDocument(doc);
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				searcher.setQueryCache(null);
				assertThat(reader.leaves()).hasSizeGreaterThan(1);
				for (Query text : queries()) {
					TopDocs pruned = searcher.search(new UsageFactorQuery(text, "usage"),
							new TopScoreDocCollectorManager(10, 10));
					ScoreDoc[] exact = everyDocument(searcher, text);

					assertThat(pruned.scoreDocs).as("%s", text).hasSize(10);
					for (int i = 0; i < 10; i++) {
						assertThat(pruned.scoreDocs[i].score).as("%s rank %d", text, i)
							.isCloseTo(exact[i].score, within(1e-5f));
					}
					ScoreDoc best = pruned.scoreDocs[0];
					assertThat(searcher.explain(new UsageFactorQuery(text, "usage"), best.doc).getValue().floatValue())
						.isCloseTo(best.score, within(1e-5f));
				}
			}
		}
	}

	static Query[] queries() {
		return new Query[] { new TermQuery(new Term("text", "team")),
				new BooleanQuery.Builder().add(new TermQuery(new Term("text", "team")), Occur.SHOULD)
					.add(new BoostQuery(new TermQuery(new Term("text", "fun")), 3), Occur.SHOULD)
					.build(),
				new BooleanQuery.Builder().add(new TermQuery(new Term("text", "release")), Occur.SHOULD)
					.add(new TermQuery(new Term("text", "speed")), Occur.SHOULD)
					.add(new TermQuery(new Term("text", "code")), Occur.SHOULD)
					.build() };
	}

	/** Every matching document's relevance times its factor, best first: no skipping possible. */
	static ScoreDoc[] everyDocument(IndexSearcher searcher, Query text) throws IOException {
		TopDocs all = searcher.search(text, new TopScoreDocCollectorManager(searcher.getIndexReader().maxDoc(),
				Integer.MAX_VALUE));
		ScoreDoc[] scored = new ScoreDoc[all.scoreDocs.length];
		for (int i = 0; i < scored.length; i++) {
			ScoreDoc hit = all.scoreDocs[i];
			long uses = usage(searcher, hit.doc);
			scored[i] = new ScoreDoc(hit.doc, (float) (hit.score * UsageFactorQuery.factor(uses)));
		}
		Arrays.sort(scored, Comparator.comparingDouble((ScoreDoc hit) -> hit.score).reversed());
		return scored;
	}

	static long usage(IndexSearcher searcher, int doc) throws IOException {
		var leaves = searcher.getIndexReader().leaves();
		var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
		var values = leaf.reader().getNumericDocValues("usage");
		return values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
	}

	@Test
	void theFactorGrowsWithUseAndStaysBounded() {
		assertThat(UsageFactorQuery.factor(0)).isEqualTo(1.0);
		assertThat(UsageFactorQuery.factor(20)).isEqualTo(1.25);
		assertThat(UsageFactorQuery.factor(1_000_000)).isLessThan(1.5).isGreaterThan(1.49);
	}

}
