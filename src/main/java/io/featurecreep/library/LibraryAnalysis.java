package io.featurecreep.library;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How the library's texts become search terms. One tokenizer (Unicode word boundaries) for everything, so
 * characters that would be query syntax elsewhere ({@code * " : ( ) - ~ |}) are only word separators here.
 * <ul>
 * <li>Stemmed words (case, accents, English possessives and plurals folded; the same stop words as the
 * original's RediSearch, so "we" stays searchable): what exact and one-typo matches compare.</li>
 * <li>Word beginnings (edge n-grams of the unstemmed words, 3 to {@value #LONGEST_PREFIX} characters): what
 * search as you type compares the word being typed with, so "lea" finds "learning" although its stem is
 * "learn".</li>
 * <li>Title keys (stemmed words, only the articles dropped): two titles with the same key are the same
 * question. Negations such as "no" or "not" count, so "No fun" is not "Fun".</li>
 * </ul>
 */
final class LibraryAnalysis {

	/** The longest word beginning indexed; longer typed words are compared by their first characters. */
	static final int LONGEST_PREFIX = 20;

	/**
	 * The shortest word beginning indexed (shorter words are indexed whole). Two-letter beginnings are found by
	 * the three-letter ones that start with them.
	 */
	static final int SHORTEST_PREFIX = 3;

	/** The longest title key stored (library_question.title_key). */
	static final int LONGEST_KEY = 400;

	/** Title words shorter than this must match exactly for two titles to be the same question. */
	static final int SHORTEST_FOR_TYPO_IN_TITLE = 5;

	static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

	private static final CharArraySet ARTICLES = StopFilter.makeStopSet("a", "an", "the");

	/** Stemmed words, for the title and description fields. */
	static final Analyzer STEMMED = new Words() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer words = new StandardTokenizer();
			return new TokenStreamComponents(words, new PorterStemFilter(new StopFilter(normalised(words), STOP_WORDS)));
		}
	};

	/** Word beginnings, for the prefix fields. */
	static final Analyzer PREFIXES = new Words() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer words = new StandardTokenizer();
			return new TokenStreamComponents(words, new EdgeNGramTokenFilter(
					new StopFilter(normalised(words), STOP_WORDS), SHORTEST_PREFIX, LONGEST_PREFIX, true));
		}
	};

	/** The words as typed, normalised but neither stemmed nor filtered: what a query is built from. */
	private static final Analyzer WORDS = new Words() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer words = new StandardTokenizer();
			return new TokenStreamComponents(words, normalised(words));
		}
	};

	private static final Analyzer TITLE_KEY = new Words() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer words = new StandardTokenizer();
			return new TokenStreamComponents(words, new PorterStemFilter(new StopFilter(normalised(words), ARTICLES)));
		}
	};

	private LibraryAnalysis() {
	}

	/**
	 * Splits words at colons too, which Unicode word boundaries keep inside words (Swedish writes "S:t"): here
	 * "title:fun" is two words, as a person means it.
	 */
	private abstract static class Words extends Analyzer {

		private static final NormalizeCharMap COLONS;

		static {
			NormalizeCharMap.Builder colons = new NormalizeCharMap.Builder();
			colons.add(":", " ");
			COLONS = colons.build();
		}

		@Override
		protected Reader initReader(String fieldName, Reader reader) {
			return new MappingCharFilter(COLONS, reader);
		}

	}

	/** The analyzer of an index writer for the library's fields. */
	static Analyzer perField(Map<String, Analyzer> prefixFields) {
		return new PerFieldAnalyzerWrapper(STEMMED, prefixFields);
	}

	private static TokenStream normalised(Tokenizer words) {
		return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(words)));
	}

	/** The words of a text in order, lower case, accents folded; stop words included. */
	static List<String> words(String text) {
		return tokens(WORDS, text);
	}

	/** The stem a word is indexed under, or null for a stop word. */
	static String stem(String word) {
		List<String> stems = tokens(STEMMED, word);
		return stems.isEmpty() ? null : stems.getFirst();
	}

	static boolean isStopWord(String word) {
		return STOP_WORDS.contains(word);
	}

	/**
	 * What makes two titles the same question: case, spacing, punctuation, accents, articles and word endings
	 * do not count. "Health of the codebase!" and "health of codebase" share a key; "No fun" and "Fun" do not.
	 */
	static String titleKey(String title) {
		String key = String.join(" ", tokens(TITLE_KEY, title));
		// a title of only punctuation or articles still needs a key: its plain lower-case form
		key = key.isEmpty() ? title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : key;
		// folding can lengthen a title ("ﬃ" is "ffi"); the database column holds LONGEST_KEY characters
		if (key.length() > LONGEST_KEY) {
			int end = Character.isHighSurrogate(key.charAt(LONGEST_KEY - 1)) ? LONGEST_KEY - 1 : LONGEST_KEY;
			key = key.substring(0, end);
		}
		return key;
	}

	/**
	 * Whether two title keys stand for the same question in search results: equal, equal but for spaces
	 * ("teamwork" and "team work"), or equal but for one typo in one word of five letters or more ("helth of
	 * codebase"). Shorter words must be equal: "fun" and "run", "team lead" and "team read" are different
	 * questions.
	 */
	static boolean nearlySameTitle(String key, String other) {
		return TitleKey.of(key).nearlySame(TitleKey.of(other));
	}

	/** A title key prepared for comparing many times (search results are compared with each other). */
	record TitleKey(String key, String compact, String[] words) {

		static TitleKey of(String key) {
			return new TitleKey(key, key.replace(" ", ""), key.split(" "));
		}

		boolean nearlySame(TitleKey other) {
			if (key.equals(other.key) || compact.equals(other.compact)) {
				return true;
			}
			if (words.length != other.words.length || Math.abs(key.length() - other.key.length()) > 1) {
				return false;
			}
			int differing = -1;
			for (int i = 0; i < words.length; i++) {
				if (!words[i].equals(other.words[i])) {
					if (differing >= 0) {
						return false;
					}
					differing = i;
				}
			}
			String word = words[differing];
			String otherWord = other.words[differing];
			return Math.min(word.length(), otherWord.length()) >= SHORTEST_FOR_TYPO_IN_TITLE
					&& withinOneEdit(word, otherWord);
		}

	}

	/** Levenshtein distance at most one (a change, an insertion or a deletion). */
	static boolean withinOneEdit(String a, String b) {
		if (a.length() > b.length()) {
			return withinOneEdit(b, a);
		}
		if (b.length() - a.length() > 1) {
			return false;
		}
		int start = 0;
		while (start < a.length() && a.charAt(start) == b.charAt(start)) {
			start++;
		}
		if (start == a.length()) {
			return b.length() - a.length() <= 1;
		}
		int skip = a.length() == b.length() ? 1 : 0;
		return a.regionMatches(start + skip, b, start + 1, a.length() - start - skip);
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		List<String> tokens = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return tokens;
		}
		try (TokenStream stream = analyzer.tokenStream("", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex); // reading a String never fails
		}
		return tokens;
	}

}
