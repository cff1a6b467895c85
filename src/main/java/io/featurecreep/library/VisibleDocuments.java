package io.featurecreep.library;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.FixedBitSet;

import io.featurecreep.library.LibraryIndex.Visibility;

/**
 * Which documents of a segment someone may see, as a bit set, kept from one search to the next. A segment never
 * changes once written (a changed question is deleted there and written to a new segment), so a set stays right
 * for as long as its segment lives, and is dropped when the segment is merged away. Deleted documents are left in:
 * searches skip them anyway.
 */
final class VisibleDocuments {

	/** Visibilities kept per segment: a bit set costs one bit per question, so 64 of them for 100,000 cost 800 KB. */
	static final int VISIBILITIES_PER_SEGMENT = 64;

	private final Map<IndexReader.CacheKey, Map<Visibility, FixedBitSet>> bySegment = new ConcurrentHashMap<>();

	FixedBitSet of(LeafReaderContext leaf, Visibility visibility) throws IOException {
		IndexReader.CacheHelper segment = leaf.reader().getCoreCacheHelper();
		if (segment == null) {
			return compute(leaf.reader(), visibility); // a reader without a lifetime to tie a cache entry to
		}
		Map<Visibility, FixedBitSet> sets = bySegment.computeIfAbsent(segment.getKey(), key -> {
			segment.addClosedListener(bySegment::remove);
			return new LeastRecentlyUsed<>(VISIBILITIES_PER_SEGMENT);
		});
		synchronized (sets) {
			FixedBitSet visible = sets.get(visibility);
			if (visible == null) {
				visible = compute(leaf.reader(), visibility);
				sets.put(visibility, visible);
			}
			return visible;
		}
	}

	/** Segments with sets kept: for tests. */
	int segments() {
		return bySegment.size();
	}

	private static FixedBitSet compute(LeafReader reader, Visibility visibility) throws IOException {
		FixedBitSet visible = new FixedBitSet(reader.maxDoc());
		for (Term term : visibility.terms()) {
			PostingsEnum docs = reader.postings(term, PostingsEnum.NONE);
			if (docs != null) {
				visible.or(docs);
			}
		}
		return visible;
	}

	private static final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

		private final int capacity;

		LeastRecentlyUsed(int capacity) {
			super(16, 0.75f, true);
			this.capacity = capacity;
		}

		@Override
		protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
			return size() > capacity;
		}

	}

}
