package io.featurecreep.events;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Short-lived news for every node, such as "a vote was cast in session X", so each node can update the screens
 * connected to it. Not durable: a node that is down misses what was said meanwhile (its clients reload the
 * current state when they reconnect), and so does a node cut off from the transport (it says so through
 * {@link #whenMessagesMissed}).
 */
public interface NodeBroadcast {

	/**
	 * Tells every node, each once: this node's listeners at once, on the caller's thread (so they should be quick),
	 * and the other nodes through the transport.
	 */
	void publish(String topic, String message);

	/**
	 * Tells the other nodes only, each once: this node's own listeners are left to the caller, who can hand them the
	 * change as it is instead of writing it out and reading it back. The message is written only if there are other
	 * nodes to tell.
	 */
	void publishToOtherNodes(String topic, Supplier<String> message);

	void subscribe(String topic, Consumer<String> listener);

	/**
	 * Runs {@code refresh} whenever this node may have missed what other nodes said (the transport was away for a
	 * while), once it hears them again: listeners then catch up from the database.
	 */
	void whenMessagesMissed(Runnable refresh);

}
