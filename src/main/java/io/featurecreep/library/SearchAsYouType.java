package io.featurecreep.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what someone typed into a Lucene query, word by word; the text is never parsed as query syntax.
 * <p>
 * Every word matches as itself (stemmed, so "releases" finds "release") or with one typo ("codbase" finds
 * "codebase"). The last word may still be half typed, so it also matches the beginnings of words, and in titles
 * with one typo ("lae" finds "Learning"). A word counts once, by its best match (see {@link BestMatchPerWordQuery},
 * which skips documents that cannot make the top results), and the words are alternatives like the original's
 * {@code |}: a question matching more of them ranks higher. Matches in the title weigh more than in
 * the descriptions, exact matches more than prefixes, prefixes more than typos.
 */
final class SearchAsYouType {

	/** Words beyond this are ignored: enough for any question, and it bounds the query's size. */
	static final int MOST_WORDS = 10;

	/** Shorter words get no typo allowance: one edit turns "we" into "me" or "be". */
	static final int SHORTEST_FOR_TYPO = 3;

	/** Index terms one typo away that a whole word expands to, at most (the closest and most frequent win). */
	static final int TYPO_EXPANSIONS = 8;

	static final float TITLE = 3f;

	static final float DESCRIPTION = 1f;

	static final float EXACT = 1f;

	static final float PREFIX = 0.6f;

	static final float TYPO = 0.4f;

	static final float PREFIX_WITH_TYPO = 0.3f;

	private SearchAsYouType() {
	}

	/** The query for the typed text, or null when it holds nothing to search for. */
	static Query query(String text) {
		List<String> words = LibraryAnalysis.words(text);
		if (words.isEmpty()) {
			return null;
		}
		String typing = words.getLast();
		Set<String> complete = new LinkedHashSet<>(words.subList(0, words.size() - 1));
		complete.remove(typing);
		Map<String, OneTypoQuery.Automaton> automata = new HashMap<>();
		List<List<Query>> query = new ArrayList<>();
		for (String word : complete) {
			if (query.size() == MOST_WORDS - 1) {
				break;
			}
			List<Query> matches = wholeWord(word, automata);
			if (!matches.isEmpty()) {
				query.add(matches);
			}
		}
		List<Query> matches = new ArrayList<>(wholeWord(typing, automata));
		matches.addAll(beginningOfWord(typing, automata));
		if (!matches.isEmpty()) {
			query.add(matches);
		}
		return query.isEmpty() ? null : new BestMatchPerWordQuery(query);
	}

	/** A complete word: itself (stemmed) or one typo away, in the title or the descriptions. */
	private static List<Query> wholeWord(String word, Map<String, OneTypoQuery.Automaton> automata) {
		String stem = LibraryAnalysis.stem(word);
		if (stem == null) {
			return List.of();
		}
		List<Query> matches = new ArrayList<>();
		for (String field : List.of(LibraryIndex.TITLE, LibraryIndex.DESCRIPTION)) {
			float weight = weight(field);
			matches.add(new BoostQuery(new TermQuery(new Term(field, stem)), weight * EXACT));
			if (length(stem) >= SHORTEST_FOR_TYPO) {
				matches.add(new BoostQuery(new OneTypoQuery(field, automaton(stem, automata),
						FuzzyQuery.defaultRewriteMethod(TYPO_EXPANSIONS)), weight * TYPO));
			}
		}
		return matches;
	}

	/**
	 * A word being typed: the beginning of a word in the title or the descriptions, or, in the title, the
	 * beginning of a word with one typo. Stop words too: "the" may be the start of "theme".
	 * <p>
	 * Not the descriptions with a typo: three letters with one edit stand for nearly every word that starts with
	 * two of them, which in the descriptions of a large library is nearly every question. That costs the most
	 * and would rank last anyway; whole words with a typo still match the descriptions.
	 */
	private static List<Query> beginningOfWord(String word, Map<String, OneTypoQuery.Automaton> automata) {
		String prefix = firstCodePoints(word, LibraryAnalysis.LONGEST_PREFIX);
		int length = length(prefix);
		if (length < 2) {
			return List.of();
		}
		List<Query> matches = new ArrayList<>();
		for (String field : List.of(LibraryIndex.TITLE_PREFIXES, LibraryIndex.DESCRIPTION_PREFIXES)) {
			float weight = weight(field);
			Term beginning = new Term(field, prefix);
			if (length < LibraryAnalysis.SHORTEST_PREFIX) {
				// two letters: the two-letter word itself or the start of a longer one (beginnings are indexed
				// from three letters on, so that a typo in three letters never stands for all words with two)
				matches.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(beginning)), weight * PREFIX));
			}
			else {
				matches.add(new BoostQuery(new TermQuery(beginning), weight * PREFIX));
			}
		}
		if (length >= LibraryAnalysis.SHORTEST_PREFIX) {
			// one edit (a swap of neighbours counts as one), never in the first letter: people rarely mistype it,
			// and it keeps "fun" from finding "run"; every beginning one typo away counts the same
			matches.add(new BoostQuery(new OneTypoQuery(LibraryIndex.TITLE_PREFIXES, automaton(prefix, automata),
					MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE), TITLE * PREFIX_WITH_TYPO));
		}
		return matches;
	}

	/** Each text's typo automaton is compiled once per search, whichever fields and ways look for it. */
	private static OneTypoQuery.Automaton automaton(String text, Map<String, OneTypoQuery.Automaton> automata) {
		return automata.computeIfAbsent(text, OneTypoQuery.Automaton::of);
	}

	private static float weight(String field) {
		return field.startsWith(LibraryIndex.TITLE) ? TITLE : DESCRIPTION;
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	private static String firstCodePoints(String text, int count) {
		return length(text) <= count ? text : text.substring(0, text.offsetByCodePoints(0, count));
	}

}
