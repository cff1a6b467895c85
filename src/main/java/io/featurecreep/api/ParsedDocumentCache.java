package io.featurecreep.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps the parsed and validated form of the queries clients send, so a query seen before is neither parsed nor
 * validated again. Clients send the same few documents over and over with different variables (a vote is always
 * the same mutation), and parsing plus validation cost more than casting the vote itself.
 * <p>
 * Only documents that passed validation are kept (a refused one is refused again at full cost, so junk cannot
 * push out the documents clients use), only up to a size, and the least recently used go first. Validation
 * depends on the schema and the text alone, never on variables or the caller, so one entry serves everyone. The
 * depth and complexity limits are checked on execution, once per kept document's operation where variables
 * cannot change the outcome ({@link QueryLimitsInstrumentation}).
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

	private final int maxEntries;

	private final int longestQuery;

	private final Map<String, PreparsedDocumentEntry> entries;

	ParsedDocumentCache(int maxEntries, int longestQuery) {
		this.maxEntries = maxEntries;
		this.longestQuery = longestQuery;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
				return size() > ParsedDocumentCache.this.maxEntries;
			}
		};
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		if (query.length() > longestQuery) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		}
		PreparsedDocumentEntry known;
		synchronized (entries) {
			known = entries.get(query);
		}
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			synchronized (entries) {
				entries.put(query, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	int size() {
		synchronized (entries) {
			return entries.size();
		}
	}

}
