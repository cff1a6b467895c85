package io.featurecreep.fuzz;

import java.util.Collection;
import java.util.List;

/**
 * What a generator could aim at and what it did aim at in a run: a route or root field that is never fuzzed is
 * a hole in the net, e.g. after the schema grew a field the generator cannot build.
 *
 * @param what what is counted, e.g. {@code routes}
 */
record Coverage(String what, List<String> all, Collection<String> fuzzed) {

	List<String> missed() {
		return all.stream().filter(item -> !fuzzed.contains(item)).toList();
	}

	@Override
	public String toString() {
		List<String> missed = missed();
		return what + ": " + (all.size() - missed.size()) + " of " + all.size() + " fuzzed"
				+ (missed.isEmpty() ? "" : ", never: " + missed);
	}

}
