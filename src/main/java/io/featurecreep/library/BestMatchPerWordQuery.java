package io.featurecreep.library;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

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

		/** The highest score it can give in the current window of documents. */
		float windowHighest;

		/** Whether it finds the candidates in the current window. */
		boolean leadsWindow;

		WayScorer(int word, Scorer scorer) throws IOException {
			this.word = word;
			this.scorer = scorer;
			this.docs = scorer.iterator();
			scorer.advanceShallow(0);
			this.highest = scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
		}

		/** Moves up to doc, and where it matches there, raises its word's best score to its own. */
		void matchAt(int doc, float[] bestOfWord) throws IOException {
			if (docs.docID() < doc) {
				docs.advance(doc);
			}
			if (docs.docID() == doc) {
				bestOfWord[word] = Math.max(bestOfWord[word], scorer.score());
			}
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
				way.matchAt(target, bestOfWord);
			}
			return total(bestOfWord);
		}

		/** A document's score: the best score of each word, summed. */
		static float total(float[] bestOfWord) {
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
	 * <li>the documents go by in windows. A window is skipped where the ways' highest scores in it cannot add up to
	 * enough; otherwise the leading ways are chosen again as above, with the highest scores in the window, which
	 * are lower than over the segment: in a window without a good match of one word, the other is required.</li>
	 * <li>a candidate is checked against the other ways highest first, and only while they could still lift it
	 * into the top results or raise its word's score.</li>
	 * </ul>
	 */
	private static final class SkippingBulkScorer extends BulkScorer {

		/** Float sums can round differently from Lucene's order of adding: leave this much room, to skip none. */
		private static final double ROUNDING_ROOM = 1e-5;

		/** Windows are never longer than this, so that a way without blocks does not make one window of all. */
		private static final int MOST_IN_WINDOW = 4096;

		/**
		 * Windows hold at least this many documents per leading way. Each window costs a look at every way's
		 * highest score in it, and windows ending where the first way's block of postings ends held about 30
		 * documents: looking at them cost more than the documents did. Longer windows skip less; of 8 to 128, 32
		 * and 64 were fastest on the slowest queries of the benchmark. Lucene's MaxScore also aims at 32 per clause.
		 */
		private static final int LEAST_IN_WINDOW_PER_WAY = 32;

		private final Matches matches;

		private final int wordCount;

		/** The highest score of each word over the segment: its best way's. */
		private final double[] highestOfWord;

		private final boolean topScores;

		/** What iterating each word's ways costs: the cheapest of the words a top result must match leads. */
		private final long[] costOfWord;

		/** All ways, lowest highest score over the segment first. */
		private final WayScorer[] bySegmentHighest;

		/** All ways, lowest highest score in the current window first (sorted again for each window). */
		private final WayScorer[] byWindowHighest;

		/**
		 * The ways that can lift a document somewhere in the segment into the top results: where they have no
		 * documents, no window needs to start, and a window ends near where their blocks of postings end.
		 */
		private WayScorer[] leading;

		/** Those of them that can lift a document in the current window: they find its candidates. */
		private WayScorer[] windowLeading;

		/**
		 * The other ways that can match in the current window, highest there first: candidates are checked against
		 * them. Only the first followingCount are in use.
		 */
		private final WayScorer[] following;

		private int followingCount;

		/**
		 * Per following way, the highest score each word can get in the current window from that way and the ones
		 * after it: what checking a candidate against the rest can add at most.
		 */
		private final float[][] followingHighest;

		private float minCompetitiveScore;

		private float score;

		SkippingBulkScorer(Matches matches, boolean topScores) {
			this.matches = matches;
			this.topScores = topScores;
			this.wordCount = matches.bestOfWord.length;
			this.highestOfWord = new double[wordCount];
			for (WayScorer way : matches.ways) {
				highestOfWord[way.word] = Math.max(highestOfWord[way.word], way.highest);
			}
			this.costOfWord = new long[wordCount];
			for (WayScorer way : matches.ways) {
				costOfWord[way.word] += way.docs.cost();
			}
			this.bySegmentHighest = matches.ways.clone();
			Arrays.sort(bySegmentHighest, Comparator.comparingDouble(way -> way.highest));
			this.byWindowHighest = matches.ways.clone();
			this.leading = matches.ways;
			this.windowLeading = matches.ways;
			this.following = new WayScorer[matches.ways.length];
			this.followingHighest = new float[matches.ways.length + 1][wordCount];
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
					chooseWindowWays(); // only ever called while a window is scored
				}

			});
			int windowStart = nextCandidate(leading, min);
			while (windowStart < max) {
				int windowEnd = windowEnd(windowStart, max);
				if (!cannotReach(highestInWindow(windowStart, windowEnd))) {
					chooseWindowWays();
					int doc = nextCandidate(windowLeading, windowStart);
					while (doc <= windowEnd) {
						if (acceptDocs == null || acceptDocs.get(doc)) {
							score = scoreUnlessOutOfReach(doc);
							if (score >= minCompetitiveScore) {
								collector.collect(doc);
							}
						}
						doc = nextCandidate(windowLeading, doc + 1);
					}
				}
				windowStart = nextCandidate(leading, windowEnd + 1);
			}
			return windowStart;
		}

		/** The first document from target on that one of the ways matches; they are moved up to it. */
		private static int nextCandidate(WayScorer[] ways, int target) throws IOException {
			int next = DocIdSetIterator.NO_MORE_DOCS;
			for (WayScorer way : ways) {
				int at = way.docs.docID() < target ? way.docs.advance(target) : way.docs.docID();
				next = Math.min(next, at);
			}
			return next;
		}

		/**
		 * The last document of the window that starts at start: near where the leading ways know the highest score
		 * they can give (the ends of their current blocks of postings), so whole windows can be skipped.
		 */
		private int windowEnd(int start, int max) throws IOException {
			int end = Math.min(max - 1, start + MOST_IN_WINDOW - 1);
			int blocksEnd = end;
			for (WayScorer way : leading) {
				blocksEnd = Math.min(blocksEnd, way.scorer.advanceShallow(Math.max(start, way.docs.docID())));
			}
			int least = Math.min(end, start + LEAST_IN_WINDOW_PER_WAY * leading.length - 1);
			return Math.max(blocksEnd, Math.max(least, start));
		}

		/**
		 * The highest score any document from start to end can have: per word its best way, summed. Each way's
		 * highest in the window is kept for choosing the ways to lead it.
		 */
		private double highestInWindow(int start, int end) throws IOException {
			double[] highestOfWord = new double[wordCount];
			for (WayScorer way : matches.ways) {
				way.windowHighest = 0;
				if (way.docs.docID() <= end) {
					if (way.docs.docID() < start) {
						way.scorer.advanceShallow(start);
					}
					way.windowHighest = way.scorer.getMaxScore(end);
					highestOfWord[way.word] = Math.max(highestOfWord[way.word], way.windowHighest);
				}
			}
			return sum(highestOfWord);
		}

		/**
		 * The score of a candidate, or a lower one when it cannot reach what the top results need. The following
		 * ways are looked at highest first, and only while their highest scores in this window could still lift the
		 * candidate into the top results and raise its word's best: advancing one to a candidate costs more than
		 * anything else here, and most candidates are settled by the first few.
		 */
		private float scoreUnlessOutOfReach(int doc) throws IOException {
			float[] best = matches.bestOfWord;
			Arrays.fill(best, 0f);
			for (WayScorer way : windowLeading) {
				way.matchAt(doc, best); // on doc or after it already
			}
			for (int i = 0; i < followingCount; i++) {
				WayScorer way = following[i];
				if (way.docs.docID() > doc || way.windowHighest <= best[way.word]) {
					continue; // it does not match here, or cannot better its word's best
				}
				if (cannotReach(atMost(best, followingHighest[i]))) {
					break; // below what is needed, as the true score is
				}
				way.matchAt(doc, best);
			}
			return Matches.total(best);
		}

		/** The highest a candidate can score: per word the better of its best so far and what the rest can add. */
		private static double atMost(float[] best, float[] rest) {
			double sum = 0;
			for (int word = 0; word < best.length; word++) {
				sum += Math.max(best[word], rest[word]);
			}
			return sum;
		}

		/** When what the top results need rises: the ways that lead over the segment, and what each must score. */
		private void chooseLeadingWays() throws IOException {
			leading = leadingWays(way -> way.highest, bySegmentHighest);
			if (topScores) {
				tellTheWays();
			}
		}

		/**
		 * The ways that lead in the current window, and the order the others check a candidate in. Runs for each
		 * window and each rise of what the top results need, so it allocates little.
		 */
		private void chooseWindowWays() {
			orderByWindowHighest();
			windowLeading = leadingWays(way -> way.windowHighest, byWindowHighest);
			for (WayScorer way : matches.ways) {
				way.leadsWindow = false;
			}
			for (WayScorer way : windowLeading) {
				way.leadsWindow = true;
			}
			followingCount = 0;
			for (int i = byWindowHighest.length - 1; i >= 0; i--) {
				if (!byWindowHighest[i].leadsWindow && byWindowHighest[i].windowHighest > 0) {
					following[followingCount++] = byWindowHighest[i];
				}
			}
			Arrays.fill(followingHighest[followingCount], 0f);
			for (int i = followingCount - 1; i >= 0; i--) {
				System.arraycopy(followingHighest[i + 1], 0, followingHighest[i], 0, wordCount);
				WayScorer way = following[i];
				followingHighest[i][way.word] = Math.max(followingHighest[i][way.word], way.windowHighest);
			}
		}

		/**
		 * The ways that can lift a document into the top results, given the highest score each can give (and the
		 * ways sorted by it, lowest first): if a word is required (the other words together cannot reach what is
		 * needed), the ways of the cheapest such word that score enough with the others' best; otherwise all but
		 * the lowest-scoring ways whose best scores, one per word, add up to less than needed.
		 */
		private WayScorer[] leadingWays(ToDoubleFunction<WayScorer> highest, WayScorer[] lowestFirst) {
			double[] highestOfWord = new double[wordCount];
			for (WayScorer way : lowestFirst) {
				highestOfWord[way.word] = Math.max(highestOfWord[way.word], highest.applyAsDouble(way));
			}
			double total = sum(highestOfWord);
			int required = -1;
			long requiredCost = Long.MAX_VALUE;
			for (int word = 0; word < wordCount; word++) {
				if (cannotReach(total - highestOfWord[word]) && costOfWord[word] < requiredCost) {
					required = word;
					requiredCost = costOfWord[word];
				}
			}
			if (required >= 0) {
				double others = total - highestOfWord[required];
				int count = 0;
				WayScorer[] leadingWays = new WayScorer[lowestFirst.length];
				for (WayScorer way : lowestFirst) {
					if (way.word == required && !cannotReach(highest.applyAsDouble(way) + others)) {
						leadingWays[count++] = way;
					}
				}
				return Arrays.copyOf(leadingWays, count);
			}
			double[] boundOfWord = new double[wordCount];
			double bound = 0;
			int firstLeading = 0;
			while (firstLeading < lowestFirst.length) {
				WayScorer way = lowestFirst[firstLeading];
				double widened = bound + Math.max(0, highest.applyAsDouble(way) - boundOfWord[way.word]);
				if (!cannotReach(widened)) {
					break;
				}
				bound = widened;
				boundOfWord[way.word] = Math.max(boundOfWord[way.word], highest.applyAsDouble(way));
				firstLeading++;
			}
			return Arrays.copyOfRange(lowestFirst, firstLeading, lowestFirst.length);
		}

		/**
		 * Sorts the ways lowest first by their highest score in the window. By insertion: there are a dozen or two,
		 * and they are mostly in order already from the last window.
		 */
		private void orderByWindowHighest() {
			for (int i = 1; i < byWindowHighest.length; i++) {
				WayScorer way = byWindowHighest[i];
				int at = i;
				while (at > 0 && byWindowHighest[at - 1].windowHighest > way.windowHighest) {
					byWindowHighest[at] = byWindowHighest[at - 1];
					at--;
				}
				byWindowHighest[at] = way;
			}
		}

		private boolean cannotReach(double highest) {
			return highest * (1 + ROUNDING_ROOM) < minCompetitiveScore;
		}

		/**
		 * Tells each way what it must score to matter: what the top results need, less the best the other words
		 * can add. A document it then skips may be scored too low here, but its true score is below what the top
		 * results need as well, so it never gets in either way.
		 */
		private void tellTheWays() throws IOException {
			double total = sum(highestOfWord);
			for (WayScorer way : matches.ways) {
				double others = total - highestOfWord[way.word];
				float needed = (float) ((minCompetitiveScore - others * (1 + ROUNDING_ROOM)) * (1 - ROUNDING_ROOM));
				if (needed > way.minCompetitiveScore) {
					way.minCompetitiveScore = needed;
					way.scorer.setMinCompetitiveScore(needed);
				}
			}
		}

		private static double sum(double[] values) {
			double sum = 0;
			for (double value : values) {
				sum += value;
			}
			return sum;
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
