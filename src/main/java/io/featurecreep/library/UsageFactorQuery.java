package io.featurecreep.library;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Multiplies the relevance of each match by how often squads used the question: by 1 plus up to
 * {@value #BOOST}, half of that at {@value #PIVOT} uses. A bounded factor rather than an added score, so its
 * effect does not depend on how many questions the library holds, and it never lifts a question matching only in
 * its descriptions over one matching in its title (which weighs three times as much).
 * <p>
 * Lucene's own {@code FunctionScoreQuery} cannot say how high a boosted score may get, which stops Lucene from
 * skipping documents that cannot reach the top results; on 100,000 questions that made searches ten times
 * slower. Because this factor is bounded, this query passes the bound on, and skipping keeps working.
 * <p>
 * In an index sorted by {@link #mostUsedFirst(String)} the bound gets tighter as a search goes: every document
 * after the one just collected is used at most as often, so its factor is at most that one's. Once the top results
 * are full of much-used questions, a less used one must be more relevant to get in, and Lucene skips the many that
 * are not. The results are the same as without the sort; only fewer documents are looked at.
 */
final class UsageFactorQuery extends Query {

	static final double BOOST = 0.5;

	static final double PIVOT = 20;

	private static final float MOST = (float) (1 + BOOST);

	private final Query in;

	private final String usageField;

	UsageFactorQuery(Query in, String usageField) {
		this.in = Objects.requireNonNull(in);
		this.usageField = Objects.requireNonNull(usageField);
	}

	static double factor(long uses) {
		// a count below zero is never written; as none, it keeps the factor within the bounds used for skipping
		long counted = Math.max(uses, 0);
		return 1 + BOOST * counted / (counted + PIVOT);
	}

	/**
	 * The index sort under which this query skips the most: most used first. A document without a count sorts as
	 * unused, which is also how it is scored.
	 */
	static SortField mostUsedFirst(String usageField) {
		return new SortField(usageField, SortField.Type.LONG, true, 0L);
	}

	/** Whether the documents of this segment come most used first, so factors never grow from one to the next. */
	private boolean isMostUsedFirst(LeafReaderContext context) {
		Sort sort = context.reader().getMetaData().sort();
		return sort != null && sort.getSort()[0].equals(mostUsedFirst(usageField));
	}

	@Override
	public Query rewrite(IndexSearcher searcher) throws IOException {
		Query rewritten = in.rewrite(searcher);
		return rewritten == in ? this : new UsageFactorQuery(rewritten, usageField);
	}

	@Override
	public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
		Weight inner = in.createWeight(searcher, scoreMode, boost);
		if (!scoreMode.needsScores()) {
			return inner;
		}
		return new FilterWeight(this, inner) {

			@Override
			public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
				ScorerSupplier supplier = in.scorerSupplier(context);
				if (supplier == null) {
					return null;
				}
				return new ScorerSupplier() {

					@Override
					public Scorer get(long leadCost) throws IOException {
						return new UsageScorer(supplier.get(leadCost), DocValues.getNumeric(context.reader(), usageField));
					}

					@Override
					public BulkScorer bulkScorer() throws IOException {
						// Lucene's own bulk scorers are its fastest way through a disjunction: keep them, and apply the
						// factor to the scores they hand to the collector
						BulkScorer inner = supplier.bulkScorer();
						NumericDocValues uses = DocValues.getNumeric(context.reader(), usageField);
						UsageFactors factors = new UsageFactors(uses);
						boolean mostUsedFirst = isMostUsedFirst(context);
						return new BulkScorer() {

							@Override
							public int score(LeafCollector collector, Bits acceptDocs, int min, int max)
									throws IOException {
								return inner.score(new UsageCollector(collector, factors, mostUsedFirst), acceptDocs, min,
										max);
							}

							@Override
							public long cost() {
								return inner.cost();
							}

						};
					}

					@Override
					public long cost() {
						return supplier.cost();
					}

					@Override
					public void setTopLevelScoringClause() throws IOException {
						supplier.setTopLevelScoringClause();
					}

				};
			}

			@Override
			public Explanation explain(LeafReaderContext context, int doc) throws IOException {
				Explanation relevance = in.explain(context, doc);
				if (!relevance.isMatch()) {
					return relevance;
				}
				NumericDocValues uses = DocValues.getNumeric(context.reader(), usageField);
				long count = uses.advanceExact(doc) ? uses.longValue() : 0;
				double factor = factor(count);
				return Explanation.match((float) (relevance.getValue().doubleValue() * factor), "relevance times usage",
						relevance, Explanation.match((float) factor, "usage factor of " + count + " uses"));
			}

			@Override
			public boolean isCacheable(LeafReaderContext context) {
				return in.isCacheable(context) && DocValues.isCacheable(context, usageField);
			}

		};
	}

	@Override
	public void visit(QueryVisitor visitor) {
		in.visit(visitor.getSubVisitor(Occur.MUST, this));
	}

	@Override
	public String toString(String field) {
		return "usage(" + in.toString(field) + ")";
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && in.equals(((UsageFactorQuery) other).in)
				&& usageField.equals(((UsageFactorQuery) other).usageField);
	}

	@Override
	public int hashCode() {
		return Objects.hash(classHash(), in, usageField);
	}

	/**
	 * Passes documents on to a collector, with their scores multiplied by the usage factor, and tells the scorer
	 * what relevance a document still needs to make the top results.
	 */
	private static final class UsageCollector implements LeafCollector {

		private final LeafCollector collector;

		private final UsageFactors factors;

		private final boolean mostUsedFirst;

		private Scorable relevance;

		/** The lowest score the collector still wants, with the factor. */
		private float minScore;

		/** The highest factor a document not collected yet can have. */
		private double highestFactorAhead = MOST;

		private int doc = -1;

		UsageCollector(LeafCollector collector, UsageFactors factors, boolean mostUsedFirst) {
			this.collector = collector;
			this.factors = factors;
			this.mostUsedFirst = mostUsedFirst;
		}

		@Override
		public void setScorer(Scorable scorer) throws IOException {
			relevance = scorer;
			collector.setScorer(new Scorable() {

				@Override
				public float score() throws IOException {
					return (float) (scorer.score() * factors.of(doc));
				}

				@Override
				public void setMinCompetitiveScore(float minScore) throws IOException {
					UsageCollector.this.minScore = minScore;
					scorer.setMinCompetitiveScore(lowerBound(minScore, highestFactorAhead));
				}

			});
		}

		@Override
		public void collect(int doc) throws IOException {
			this.doc = doc;
			collector.collect(doc);
			if (mostUsedFirst) {
				// documents come in increasing order, and later ones are used at most as often as this one
				double factor = factors.of(doc);
				if (factor < highestFactorAhead) {
					highestFactorAhead = factor;
					if (minScore > 0) {
						relevance.setMinCompetitiveScore(lowerBound(minScore, factor));
					}
				}
			}
		}

		@Override
		public DocIdSetIterator competitiveIterator() throws IOException {
			return collector.competitiveIterator();
		}

		@Override
		public void finish() throws IOException {
			collector.finish();
		}

	}

	/** The factor of each document, read in increasing document order. */
	private static final class UsageFactors {

		private final NumericDocValues uses;

		private int doc = -1;

		private double factor = 1;

		UsageFactors(NumericDocValues uses) {
			this.uses = uses;
		}

		double of(int target) throws IOException {
			if (target != doc) {
				doc = target;
				factor = factor(uses.advanceExact(target) ? uses.longValue() : 0);
			}
			return factor;
		}

	}

	/**
	 * What a document must score without the factor to reach minScore with a factor up to the highest: rounded
	 * down by a millionth, so that rounding the product to a float never skips a document that would tie.
	 */
	private static float lowerBound(float minScore, double highestFactor) {
		return Math.nextDown((float) (minScore / highestFactor * (1 - 1e-6)));
	}

	private static final class UsageScorer extends FilterScorer {

		private final UsageFactors factors;

		UsageScorer(Scorer in, NumericDocValues uses) {
			super(in);
			this.factors = new UsageFactors(uses);
		}

		@Override
		public float score() throws IOException {
			return (float) (in.score() * factors.of(in.docID()));
		}

		@Override
		public int advanceShallow(int target) throws IOException {
			return in.advanceShallow(target);
		}

		@Override
		public float getMaxScore(int upTo) throws IOException {
			return Math.nextUp(in.getMaxScore(upTo) * MOST);
		}

		@Override
		public void setMinCompetitiveScore(float minScore) throws IOException {
			in.setMinCompetitiveScore(lowerBound(minScore, MOST));
		}

	}

}
