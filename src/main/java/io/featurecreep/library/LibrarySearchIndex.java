package io.featurecreep.library;

import org.springframework.stereotype.Component;

import io.featurecreep.events.NodeBroadcast;

/**
 * For whoever replaces the library wholesale behind the application's back (a restored backup): the search index
 * of every node is rebuilt from the database at once, instead of at the next periodic check.
 */
@Component
public class LibrarySearchIndex {

	static final String TOPIC = "library-rebuild";

	private final NodeBroadcast broadcast;

	LibrarySearchIndex(LibraryIndexer indexer, NodeBroadcast broadcast) {
		this.broadcast = broadcast;
		broadcast.subscribe(TOPIC, ignored -> indexer.rebuild());
	}

	/** Rebuilds this node's index before returning, and tells the other nodes to rebuild theirs. */
	public void rebuildEverywhere() {
		broadcast.publish(TOPIC, "all");
	}

}
