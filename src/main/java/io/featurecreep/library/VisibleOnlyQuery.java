package io.featurecreep.library;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import io.featurecreep.library.LibraryIndex.Visibility;

/**
 * The matches of a query that someone may see. Where they may see most of a segment (an organisation with a large
 * library of its own), the visible documents are handed to Lucene's scorer as the documents it may accept rather
 * than as a required clause: a required clause that matches nearly everything made Lucene look at four times as
 * many documents, because it could skip fewer of those that cannot make the top results. Where they see few, those
 * few lead the search, as a filter clause would.
 */
final class VisibleOnlyQuery extends Query {

	private final Query in;

	private final Visibility visibility;

	private final VisibleDocuments visibleDocuments;

	VisibleOnlyQuery(Query in, Visibility visibility, VisibleDocuments visibleDocuments) {
		this.in = Objects.requireNonNull(in);
		this.visibility = Objects.requireNonNull(visibility);
		this.visibleDocuments = Objects.requireNonNull(visibleDocuments);
	}

	@Override
	public Query rewrite(IndexSearcher searcher) throws IOException {
		Query rewritten = in.rewrite(searcher);
		return rewritten == in ? this : new VisibleOnlyQuery(rewritten, visibility, visibleDocuments);
	}

	@Override
	public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
		Weight inner = in.createWeight(searcher, scoreMode, boost);
		return new FilterWeight(this, inner) {

			@Override
			public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
				FixedBitSet visible = visibleDocuments.of(context, visibility);
				int count = visible.cardinality();
				ScorerSupplier supplier = count == 0 ? null : in.scorerSupplier(context);
				if (supplier == null) {
					return null;
				}
				boolean mostVisible = count >= context.reader().maxDoc() / 2;
				return new ScorerSupplier() {

					@Override
					public Scorer get(long leadCost) throws IOException {
						return new VisibleScorer(supplier.get(Math.min(leadCost, count)), visible, count);
					}

					@Override
					public BulkScorer bulkScorer() throws IOException {
						if (!mostVisible) {
							return new DefaultBulkScorer(get(Long.MAX_VALUE));
						}
						BulkScorer all = supplier.bulkScorer();
						return new BulkScorer() {

							@Override
							public int score(LeafCollector collector, Bits acceptDocs, int min, int max)
									throws IOException {
								return all.score(collector, both(visible, acceptDocs), min, max);
							}

							@Override
							public long cost() {
								return all.cost();
							}

						};
					}

					@Override
					public long cost() {
						return Math.min(supplier.cost(), count);
					}

					@Override
					public void setTopLevelScoringClause() throws IOException {
						supplier.setTopLevelScoringClause();
					}

				};
			}

			@Override
			public boolean isCacheable(LeafReaderContext context) {
				return false; // the visible documents are cached already, and a cached query would keep this cache alive
			}

		};
	}

	private static Bits both(FixedBitSet visible, Bits acceptDocs) {
		if (acceptDocs == null) {
			return visible;
		}
		return new Bits() {

			@Override
			public boolean get(int index) {
				return visible.get(index) && acceptDocs.get(index);
			}

			@Override
			public int length() {
				return visible.length();
			}

		};
	}

	@Override
	public void visit(QueryVisitor visitor) {
		in.visit(visitor.getSubVisitor(Occur.MUST, this));
	}

	@Override
	public String toString(String field) {
		return "visible(" + in.toString(field) + ", " + visibility + ")";
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && in.equals(((VisibleOnlyQuery) other).in)
				&& visibility.equals(((VisibleOnlyQuery) other).visibility)
				&& visibleDocuments == ((VisibleOnlyQuery) other).visibleDocuments;
	}

	@Override
	public int hashCode() {
		return Objects.hash(classHash(), in, visibility);
	}

	/** The matches of a scorer among the visible documents, scored and bounded as the scorer does. */
	private static final class VisibleScorer extends Scorer {

		private final Scorer in;

		private final DocIdSetIterator matches;

		VisibleScorer(Scorer in, FixedBitSet visible, int count) {
			this.in = in;
			this.matches = ConjunctionUtils.intersectScorers(List.of(in, new ConstantScoreScorer(1, ScoreMode.COMPLETE_NO_SCORES,
					new BitSetIterator(visible, count))));
		}

		@Override
		public int docID() {
			return matches.docID();
		}

		@Override
		public DocIdSetIterator iterator() {
			return matches;
		}

		@Override
		public float score() throws IOException {
			return in.score();
		}

		@Override
		public int advanceShallow(int target) throws IOException {
			return in.advanceShallow(target);
		}

		@Override
		public float getMaxScore(int upTo) throws IOException {
			return in.getMaxScore(upTo);
		}

		@Override
		public void setMinCompetitiveScore(float minScore) throws IOException {
			in.setMinCompetitiveScore(minScore);
		}

	}

}
