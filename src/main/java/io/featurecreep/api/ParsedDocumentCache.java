package io.featurecreep.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import io.featurecreep.shared.Caches;

/**
 * Keeps the parsed and validated form of the queries clients send, so a query seen before is neither parsed nor
 * validated again. Clients send the same few documents over and over with different variables (a vote is always
 * the same mutation), and parsing plus validation cost more than casting the vote itself.
 * <p>
 * Only documents that passed validation are kept (a refused one is refused again at full cost, so junk cannot
 * push out the documents clients use), only up to a size; when full, a new document is kept only if it is asked
 * for more often than the one it would push out (Caffeine's eviction), so a stream of one-off queries cannot push
 * out the few documents every client sends. Validation
 * depends on the schema and the text alone, never on variables or the caller, so one entry serves everyone. The
 * depth and complexity limits are checked on execution, once per kept document's operation where variables
 * cannot change the outcome ({@link QueryLimitsInstrumentation}).
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

	private final int longestQuery;

	/** Caffeine's: reads take no lock (every request reads it), and a document used often outlives one-offs. */
	private final Cache<String, PreparsedDocumentEntry> entries;

	ParsedDocumentCache(int maxEntries, int longestQuery) {
		this.longestQuery = longestQuery;
		// a few documents: counting their uses and evicting is short
		this.entries = Caches.keptOnTheCallersThread().maximumSize(maxEntries).build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		if (query.length() > longestQuery) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		}
		PreparsedDocumentEntry known = entries.getIfPresent(query);
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			entries.put(query, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	long size() {
		entries.cleanUp();
		return entries.estimatedSize();
	}

}
