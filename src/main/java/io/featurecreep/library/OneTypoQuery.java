package io.featurecreep.library;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The terms of one field at most one typo (an edit, a swap of neighbours counting as one) from a word, never in
 * its first letter: what Lucene's {@code FuzzyQuery(term, 1, 1, …, true)} matches, with the same boost per term
 * (1 for the word itself, else 1 − 1 / the shorter length). The difference is where the automaton comes from:
 * a {@code FuzzyQuery} compiles its own, two in fact, on every search, and compiling them cost twice as much as
 * running them over the terms of a 100,000-question library. A word is looked for in several fields and ways, so
 * one {@link Automaton} per word is compiled once per search and shared by all of them.
 */
final class OneTypoQuery extends MultiTermQuery {

	private final Automaton automaton;

	OneTypoQuery(String field, Automaton automaton, RewriteMethod rewrite) {
		super(field, rewrite);
		this.automaton = automaton;
	}

	@Override
	protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
		return new BoostedByDistance(automaton.compiled().getTermsEnum(terms), automaton);
	}

	@Override
	public void visit(QueryVisitor visitor) {
		if (visitor.acceptField(field)) {
			visitor.consumeTermsMatching(this, field, () -> automaton.compiled().runAutomaton);
		}
	}

	@Override
	public String toString(String field) {
		return (this.field.equals(field) ? "" : this.field + ":") + automaton.word() + "~1";
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && field.equals(((OneTypoQuery) other).field)
				&& automaton.word().equals(((OneTypoQuery) other).automaton.word())
				&& rewriteMethod.equals(((OneTypoQuery) other).rewriteMethod);
	}

	@Override
	public int hashCode() {
		return Objects.hash(classHash(), field, automaton.word(), rewriteMethod);
	}

	/** The compiled automaton of one word, for the queries of all the fields it is looked for in. */
	record Automaton(String word, BytesRef bytes, int length, CompiledAutomaton compiled) {

		static Automaton of(String word) {
			return new Automaton(word, new BytesRef(word), word.codePointCount(0, word.length()),
					FuzzyQuery.getFuzzyAutomaton(word, 1, 1, true));
		}

	}

	/** Sets each term's boost as Lucene's fuzzy terms do: by its edit distance against the shorter length. */
	private static final class BoostedByDistance extends FilteredTermsEnum {

		private final Automaton automaton;

		private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);

		BoostedByDistance(TermsEnum matching, Automaton automaton) {
			super(matching, false);
			this.automaton = automaton;
		}

		@Override
		protected AcceptStatus accept(BytesRef term) {
			if (term.bytesEquals(automaton.bytes())) {
				boost.setBoost(1f);
			}
			else {
				boost.setBoost(1f - 1f / Math.min(UnicodeUtil.codePointCount(term), automaton.length()));
			}
			return AcceptStatus.YES;
		}

	}

}
