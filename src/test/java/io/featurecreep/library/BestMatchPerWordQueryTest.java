package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query skips documents that cannot make the top results in several ways; what it returns must be what
 * Lucene's boolean query of disjunction-max queries returns when it scores every document.
 */
class BestMatchPerWordQueryTest {

	static final String[] WORDS = { "we", "our", "team", "teams", "tea", "release", "releases", "speed", "sped", "fun",
			"run", "learning", "mission", "support", "code", "some", "som", "very", "men", "mentoring" };

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theTopResultsAreThoseOfScoringEveryDocument(boolean sortedByUsage) throws IOException {
		Random random = new Random(7);
		try (Directory directory = new ByteBuffersDirectory()) {
			IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
			config.setMaxBufferedDocs(3_000); // several segments
			if (sortedByUsage) {
				config.setIndexSort(new Sort(UsageFactorQuery.mostUsedFirst("usage")));
			}
			try (IndexWriter writer = new IndexWriter(directory, config)) {
				for (int i = 0; i < 10_000; i++) {
					Document doc = new Document();
					doc.add(new TextField("title", text(random, 1 + random.nextInt(4)), Field.Store.NO));
					doc.add(new TextField("description", text(random, 5 + random.nextInt(15)), Field.Store.NO));
					doc.add(new NumericDocValuesField("usage", random.nextInt(200)));
					writer.addDocument(doc);
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				searcher.setQueryCache(null);
				assertThat(reader.leaves()).hasSizeGreaterThan(1);
				for (List<List<Query>> words : queries(random)) {
					BooleanQuery.Builder sum = new BooleanQuery.Builder();
					words.forEach(ways -> sum.add(new DisjunctionMaxQuery(ways, 0), Occur.SHOULD));
					Query lucenes = sum.build();
					for (boolean withUsage : new boolean[] { false, true }) {
						Query ours = new BestMatchPerWordQuery(words);
						Query expected = lucenes;
						if (withUsage) {
							ours = new UsageFactorQuery(ours, "usage");
							expected = new UsageFactorQuery(expected, "usage");
						}
						TopDocs pruned = searcher.search(ours, new TopScoreDocCollectorManager(10, 10));
						TopDocs exact = searcher.search(expected,
								new TopScoreDocCollectorManager(reader.maxDoc(), Integer.MAX_VALUE));

						assertThat(pruned.scoreDocs).as("%s", ours).hasSize(Math.min(10, exact.scoreDocs.length));
						for (int i = 0; i < pruned.scoreDocs.length; i++) {
							assertThat(pruned.scoreDocs[i].score).as("%s rank %d", ours, i)
								.isCloseTo(exact.scoreDocs[i].score, within(1e-4f));
						}
						if (pruned.scoreDocs.length > 0) {
							ScoreDoc best = pruned.scoreDocs[0];
							assertThat(searcher.explain(ours, best.doc).getValue().floatValue()).as("%s", ours)
								.isCloseTo(best.score, within(1e-4f));
						}
					}
				}
			}
		}
	}

	static String text(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(WORDS[(int) Math.floor(Math.pow(WORDS.length, random.nextDouble())) - 1]).append(' ');
		}
		return text.toString();
	}

	/** Words matching as SearchAsYouType matches them: exactly, with a typo, as a beginning, in both fields. */
	static List<List<List<Query>>> queries(Random random) {
		List<List<List<Query>>> queries = new ArrayList<>();
		for (int q = 0; q < 30; q++) {
			List<List<Query>> words = new ArrayList<>();
			for (int w = 0; w < 1 + random.nextInt(3); w++) {
				String word = WORDS[random.nextInt(WORDS.length)];
				List<Query> ways = new ArrayList<>();
				ways.add(new BoostQuery(new TermQuery(new Term("title", word)), 3));
				ways.add(new TermQuery(new Term("description", word)));
				ways.add(new BoostQuery(new FuzzyQuery(new Term("title", word), 1, 1, 8, true), 1.2f));
				ways.add(new BoostQuery(new FuzzyQuery(new Term("description", word), 1, 1, 8, true), 0.4f));
				if (random.nextBoolean()) {
					ways.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term("title", word.substring(0, 2)))),
							0.9f));
				}
				words.add(ways);
			}
			queries.add(words);
		}
		return queries;
	}

}
