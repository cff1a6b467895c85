package io.featurecreep.library;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Typed words, each matching in several ways (in the title, the descriptions, as a beginning, with a typo): a
 * document scores, for each word, its best way of matching it, summed over the words. The same scores as a
 * {@code BooleanQuery} of {@code DisjunctionMaxQuery}s without tie breaker, searched faster.
 * <p>
 * Lucene skips documents that cannot make the top results by clause of the boolean query, here by word: a word
 * being typed that matches, a typo away, a word in nearly every description ("som" is one typo from "some")
 * makes the whole word a clause to look at for nearly every document, although a match only there never ranks.
 * Here each way of matching counts by itself: once the top results are better than every document that matches
 * only in low-scoring ways could be, those ways are no longer iterated, only checked for documents found
 * otherwise.
 */
final class BestMatchPerWordQuery extends Query {

	private final List<List<Query>> words;

	/** For each word, the ways it matches; a document's score for a word is that of its best way. */
	BestMatchPerWordQuery(List<List<Query>> words) {
		this.words = words.stream().map(List::copyOf).filter(ways -> !ways.isEmpty()).toList();
	}

	@Override
	public Query rewrite(IndexSearcher searcher) throws IOException {
		boolean changed = false;
		List<List<Query>> rewritten = new ArrayList<>();
		for (List<Query> ways : words) {
			List<Query> rewrittenWays = new ArrayList<>();
			for (Query way : ways) {
				Query r = way.rewrite(searcher);
				changed |= r != way;
				rewrittenWays.add(r);
			}
			rewritten.add(rewrittenWays);
		}
		return changed ? new BestMatchPerWordQuery(rewritten) : this;
	}

	@Override
	public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
		List<Way> ways = new ArrayList<>();
		for (int word = 0; word < words.size(); word++) {
			for (Query way : words.get(word)) {
				ways.add(new Way(word, searcher.createWeight(way, scoreMode, boost)));
			}
		}
		return new Weight(this) {

			@Override
			public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
				List<Integer> wordOf = new ArrayList<>();
				List<ScorerSupplier> suppliers = new ArrayList<>();
				for (Way way : ways) {
					ScorerSupplier supplier = way.weight().scorerSupplier(context);
					if (supplier != null) {
						wordOf.add(way.word());
						suppliers.add(supplier);
					}
				}
				if (suppliers.isEmpty()) {
					return null;
				}
				long cost = suppliers.stream().mapToLong(ScorerSupplier::cost).sum();
				return new ScorerSupplier() {

					@Override
					public Scorer get(long leadCost) throws IOException {
						return new Matches(scorers(leadCost), words.size());
					}

					@Override
					public BulkScorer bulkScorer() throws IOException {
						boolean topScores = scoreMode == ScoreMode.TOP_SCORES;
						if (topScores) {
							// each way will be told the least score that matters, as if its scores went to the collector
							for (ScorerSupplier supplier : suppliers) {
								supplier.setTopLevelScoringClause();
							}
						}
						return new SkippingBulkScorer(new Matches(scorers(Long.MAX_VALUE), words.size()), topScores);
					}

					private List<WayScorer> scorers(long leadCost) throws IOException {
						List<WayScorer> scorers = new ArrayList<>();
						for (int i = 0; i < suppliers.size(); i++) {
							scorers.add(new WayScorer(wordOf.get(i), suppliers.get(i).get(leadCost)));
						}
						return scorers;
					}

					@Override
					public long cost() {
						return cost;
					}

				};
			}

			@Override
			public Explanation explain(LeafReaderContext context, int doc) throws IOException {
				Explanation[] best = new Explanation[words.size()];
				for (Way way : ways) {
					Explanation e = way.weight().explain(context, doc);
					if (e.isMatch() && (best[way.word()] == null
							|| e.getValue().floatValue() > best[way.word()].getValue().floatValue())) {
						best[way.word()] = e;
					}
				}
				List<Explanation> matched = Arrays.stream(best).filter(Objects::nonNull).toList();
				if (matched.isEmpty()) {
					return Explanation.noMatch("no word matches");
				}
				double sum = 0;
				for (Explanation e : matched) {
					sum += e.getValue().floatValue();
				}
				return Explanation.match((float) sum, "sum over the words of their best match", matched);
			}

			@Override
			public boolean isCacheable(LeafReaderContext context) {
				return ways.stream().allMatch(way -> way.weight().isCacheable(context));
			}

		};
	}

	private record Way(int word, Weight weight) {
	}

	/** The scorer of one way of matching a word, with the highest score it can give anywhere in the segment. */
	private static final class WayScorer {

		final int word;

		final Scorer scorer;

		final DocIdSetIterator docs;

		final float highest;

		/** What this way has been told it must score to matter. */
		float minCompetitiveScore;

		WayScorer(int word, Scorer scorer) throws IOException {
			this.word = word;
			this.scorer = scorer;
			this.docs = scorer.iterator();
			scorer.advanceShallow(0);
			this.highest = scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
		}

	}

	/**
	 * Documents matching any way of matching any word, scored as the sum over the words of their best way. Every
	 * way is iterated: this is the plain scorer, for when something else leads the search (few visible documents).
	 */
	private static final class Matches extends Scorer {

		final WayScorer[] ways;

		final float[] bestOfWord;

		private final float highest;

		private int doc = -1;

		Matches(List<WayScorer> ways, int wordCount) {
			this.ways = ways.toArray(WayScorer[]::new);
			this.bestOfWord = new float[wordCount];
			float[] highestOfWord = new float[wordCount];
			for (WayScorer way : this.ways) {
				highestOfWord[way.word] = Math.max(highestOfWord[way.word], way.highest);
			}
			double sum = 0;
			for (float h : highestOfWord) {
				sum += h;
			}
			this.highest = Math.nextUp((float) sum);
		}

		/** The score of a document that the given ways are positioned on or before; advances them to it. */
		float scoreOf(int target) throws IOException {
			Arrays.fill(bestOfWord, 0f);
			for (WayScorer way : ways) {
				if (way.docs.docID() < target) {
					way.docs.advance(target);
				}
				if (way.docs.docID() == target) {
					bestOfWord[way.word] = Math.max(bestOfWord[way.word], way.scorer.score());
				}
			}
			double sum = 0;
			for (float best : bestOfWord) {
				sum += best;
			}
			return (float) sum;
		}

		@Override
		public int docID() {
			return doc;
		}

		@Override
		public float score() throws IOException {
			return scoreOf(doc);
		}

		@Override
		public float getMaxScore(int upTo) {
			return highest;
		}

		@Override
		public DocIdSetIterator iterator() {
			return new DocIdSetIterator() {

				@Override
				public int docID() {
					return doc;
				}

				@Override
				public int nextDoc() throws IOException {
					return advance(doc + 1);
				}

				@Override
				public int advance(int target) throws IOException {
					int next = NO_MORE_DOCS;
					for (WayScorer way : ways) {
						int at = way.docs.docID() < target ? way.docs.advance(target) : way.docs.docID();
						next = Math.min(next, at);
					}
					return doc = next;
				}

				@Override
				public long cost() {
					long cost = 0;
					for (WayScorer way : ways) {
						cost += way.docs.cost();
					}
					return cost;
				}

			};
		}

	}

	/**
	 * Iterates only the ways of matching that can still lift a document into the top results; the others are only
	 * checked for the documents found. As the top results get better:
	 * <ul>
	 * <li>a word can become required: the other words together cannot reach what the top results need. Then only
	 * its ways lead, and of those only the ones that score enough with the other words' best.</li>
	 * <li>otherwise, as in Lucene's MaxScore, the lowest-scoring ways whose best scores (one per word) add up to less
	 * than what the top results need stop leading: a document matching only those cannot get in.</li>
	 * <li>each way is told what it must score to matter, so that its own scorer can skip too.</li>
	 * <li>a window of documents is skipped where the ways' highest scores in it cannot add up to enough.</li>
	 * </ul>
	 */
	private static final class SkippingBulkScorer extends BulkScorer {

		/** Float sums can round differently from Lucene's order of adding: leave this much room, to skip none. */
		private static final double ROUNDING_ROOM = 1e-5;

		/** Windows are never longer than this, so that a way without blocks does not make one window of all. */
		private static final int MOST_IN_WINDOW = 4096;

		private final Matches matches;

		/** The ways, lowest highest score first. */
		private final WayScorer[] byHighest;

		/** The highest score of each word over the segment: its best way's. */
		private final float[] highestOfWord;

		private final double[] windowHighestOfWord;

		private final boolean topScores;

		/** The ways that find the candidates. */
		private WayScorer[] leading;

		private float minCompetitiveScore;

		private float score;

		SkippingBulkScorer(Matches matches, boolean topScores) {
			this.matches = matches;
			this.topScores = topScores;
			this.byHighest = matches.ways.clone();
			Arrays.sort(byHighest, Comparator.comparingDouble(way -> way.highest));
			this.leading = byHighest;
			this.highestOfWord = new float[matches.bestOfWord.length];
			for (WayScorer way : matches.ways) {
				highestOfWord[way.word] = Math.max(highestOfWord[way.word], way.highest);
			}
			this.windowHighestOfWord = new double[highestOfWord.length];
		}

		@Override
		public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
			collector.setScorer(new Scorable() {

				@Override
				public float score() {
					return score;
				}

				@Override
				public void setMinCompetitiveScore(float minScore) throws IOException {
					minCompetitiveScore = minScore;
					chooseLeadingWays();
				}

			});
			int doc = nextCandidate(min);
			while (doc < max) {
				int windowEnd = windowEnd(doc, max);
				if (highestInWindow(doc, windowEnd) * (1 + ROUNDING_ROOM) < minCompetitiveScore) {
					doc = nextCandidate(windowEnd + 1);
					continue;
				}
				while (doc <= windowEnd) {
					if (acceptDocs == null || acceptDocs.get(doc)) {
						score = matches.scoreOf(doc);
						if (score >= minCompetitiveScore) {
							collector.collect(doc);
						}
					}
					doc = nextCandidate(doc + 1);
				}
			}
			return doc;
		}

		/** The first document from target on that a leading way matches; leading ways are moved up to it. */
		private int nextCandidate(int target) throws IOException {
			int next = DocIdSetIterator.NO_MORE_DOCS;
			for (WayScorer way : leading) {
				int at = way.docs.docID() < target ? way.docs.advance(target) : way.docs.docID();
				next = Math.min(next, at);
			}
			return next;
		}

		/**
		 * The last document of the window that starts at doc: up to where the leading ways know the highest score
		 * they can give (the end of their current block of postings), so whole windows can be skipped.
		 */
		private int windowEnd(int doc, int max) throws IOException {
			int end = Math.min(max - 1, doc + MOST_IN_WINDOW - 1);
			for (WayScorer way : leading) {
				end = Math.min(end, way.scorer.advanceShallow(Math.max(doc, way.docs.docID())));
			}
			return Math.max(end, doc);
		}

		/** The highest score any document from doc to end can have: per word its best way, summed. */
		private double highestInWindow(int doc, int end) throws IOException {
			Arrays.fill(windowHighestOfWord, 0);
			for (WayScorer way : byHighest) {
				if (way.docs.docID() <= end) {
					if (way.docs.docID() < doc) {
						way.scorer.advanceShallow(doc);
					}
					windowHighestOfWord[way.word] = Math.max(windowHighestOfWord[way.word], way.scorer.getMaxScore(end));
				}
			}
			double sum = 0;
			for (double highest : windowHighestOfWord) {
				sum += highest;
			}
			return sum;
		}

		private void chooseLeadingWays() throws IOException {
			double total = 0;
			for (float highest : highestOfWord) {
				total += highest;
			}
			int required = -1;
			long requiredCost = Long.MAX_VALUE;
			for (int word = 0; word < highestOfWord.length; word++) {
				if (cannotReach(total - highestOfWord[word])) {
					long cost = 0;
					for (WayScorer way : byHighest) {
						cost += way.word == word ? way.docs.cost() : 0;
					}
					if (cost < requiredCost) {
						required = word;
						requiredCost = cost;
					}
				}
			}
			leading = required >= 0 ? waysOfRequired(required, total - highestOfWord[required]) : waysAboveMaxScore();
			if (topScores) {
				tellTheWays(total);
			}
		}

		private boolean cannotReach(double highest) {
			return highest * (1 + ROUNDING_ROOM) < minCompetitiveScore;
		}

		/** The ways of a word every top result must match that score enough with the best of the other words. */
		private WayScorer[] waysOfRequired(int word, double others) {
			return Arrays.stream(byHighest)
				.filter(way -> way.word == word && !cannotReach(way.highest + others))
				.toArray(WayScorer[]::new);
		}

		/** All but the lowest-scoring ways whose best scores, one per word, add up to less than needed. */
		private WayScorer[] waysAboveMaxScore() {
			double[] highestOfWord = new double[this.highestOfWord.length];
			double bound = 0;
			int firstLeading = 0;
			while (firstLeading < byHighest.length) {
				WayScorer way = byHighest[firstLeading];
				double widened = bound + Math.max(0, way.highest - highestOfWord[way.word]);
				if (!cannotReach(widened)) {
					break;
				}
				bound = widened;
				highestOfWord[way.word] = Math.max(highestOfWord[way.word], way.highest);
				firstLeading++;
			}
			return Arrays.copyOfRange(byHighest, firstLeading, byHighest.length);
		}

		/**
		 * Tells each way what it must score to matter: what the top results need, less the best the other words
		 * can add. A document it then skips may be scored too low here, but its true score is below what the top
		 * results need as well, so it never gets in either way.
		 */
		private void tellTheWays(double total) throws IOException {
			for (WayScorer way : byHighest) {
				double others = total - highestOfWord[way.word];
				float needed = (float) ((minCompetitiveScore - others * (1 + ROUNDING_ROOM)) * (1 - ROUNDING_ROOM));
				if (needed > way.minCompetitiveScore) {
					way.minCompetitiveScore = needed;
					way.scorer.setMinCompetitiveScore(needed);
				}
			}
		}

		@Override
		public long cost() {
			return matches.iterator().cost();
		}

	}

	@Override
	public void visit(QueryVisitor visitor) {
		QueryVisitor should = visitor.getSubVisitor(Occur.SHOULD, this);
		words.forEach(ways -> ways.forEach(way -> way.visit(should)));
	}

	@Override
	public String toString(String field) {
		StringBuilder text = new StringBuilder("bestPerWord(");
		for (List<Query> ways : words) {
			text.append(ways.stream().map(way -> way.toString(field)).toList()).append(' ');
		}
		return text.append(')').toString();
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && words.equals(((BestMatchPerWordQuery) other).words);
	}

	@Override
	public int hashCode() {
		return Objects.hash(classHash(), words);
	}

}
