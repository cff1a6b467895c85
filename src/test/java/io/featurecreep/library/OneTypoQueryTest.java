package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The typo query with its automaton compiled once finds and scores exactly what Lucene's fuzzy query does. */
class OneTypoQueryTest {

	static final String[] WORDS = { "team", "teams", "tea", "teem", "release", "releases", "relase", "speed", "sped",
			"spede", "fun", "run", "learning", "mentoring", "mentorign", "équipe", "équipes", "equipe", "éqipe", "me",
			"mentor", "code", "coder", "cdoe", "some", "som" };

	static Directory directory;

	static DirectoryReader reader;

	static IndexSearcher searcher;

	@BeforeAll
	static void index() throws IOException {
		Random random = new Random(11);
		directory = new ByteBuffersDirectory();
		IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
		config.setMaxBufferedDocs(700); // several segments, so automata shared between segments are covered too
		try (IndexWriter writer = new IndexWriter(directory, config)) {
			for (int i = 0; i < 3_000; i++) {
				Document doc = new Document();
				doc.add(new TextField("title", text(random, 1 + random.nextInt(3)), Field.Store.NO));
				doc.add(new TextField("description", text(random, 4 + random.nextInt(10)), Field.Store.NO));
				writer.addDocument(doc);
			}
		}
		reader = DirectoryReader.open(directory);
		searcher = new IndexSearcher(reader);
		searcher.setQueryCache(null);
		assertThat(reader.leaves()).hasSizeGreaterThan(1);
	}

	@AfterAll
	static void close() throws IOException {
		reader.close();
		directory.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "team", "teem", "release", "relase", "sped", "mentorign", "equipe", "éqipe", "cdoe",
			"som", "learnnig", "zzz" })
	void scoresEveryDocumentAsTheFuzzyQueryDoes(String word) throws IOException {
		OneTypoQuery.Automaton automaton = OneTypoQuery.Automaton.of(word);
		for (String field : new String[] { "title", "description" }) {
			Query ours = new OneTypoQuery(field, automaton, FuzzyQuery.defaultRewriteMethod(8));
			Query lucenes = new FuzzyQuery(new Term(field, word), 1, 1, 8, true);
			assertSameHits(ours, lucenes);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tea", "tem", "rel", "spe", "ment", "équ", "eq", "cde" })
	void matchesTheSameDocumentsWithAConstantScore(String beginning) throws IOException {
		Query ours = new OneTypoQuery("title", OneTypoQuery.Automaton.of(beginning),
				MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
		Query lucenes = new FuzzyQuery(new Term("title", beginning), 1, 1, FuzzyQuery.defaultMaxExpansions, true,
				MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
		assertSameHits(ours, lucenes);
	}

	private static void assertSameHits(Query ours, Query lucenes) throws IOException {
		TopDocs expected = searcher.search(lucenes, new TopScoreDocCollectorManager(reader.maxDoc(), Integer.MAX_VALUE));
		TopDocs actual = searcher.search(ours, new TopScoreDocCollectorManager(reader.maxDoc(), Integer.MAX_VALUE));
		assertThat(actual.totalHits.value()).as("%s", ours).isEqualTo(expected.totalHits.value());
		for (int i = 0; i < expected.scoreDocs.length; i++) {
			assertThat(actual.scoreDocs[i].doc).as("%s rank %d", ours, i).isEqualTo(expected.scoreDocs[i].doc);
			assertThat(actual.scoreDocs[i].score).as("%s rank %d", ours, i)
				.isCloseTo(expected.scoreDocs[i].score, within(1e-6f));
		}
	}

	static String text(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
		}
		return text.toString();
	}

}
