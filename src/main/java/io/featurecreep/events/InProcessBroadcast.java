package io.featurecreep.events;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** The broadcast of a single node: straight to its own listeners. */
public class InProcessBroadcast implements NodeBroadcast {

	private final TopicListeners listeners = new TopicListeners();

	@Override
	public void publish(String topic, String message) {
		listeners.tell(topic, message);
	}

	/** There are none. */
	@Override
	public void publishToOtherNodes(String topic, Supplier<String> message) {
	}

	@Override
	public void subscribe(String topic, Consumer<String> listener) {
		listeners.add(topic, listener);
	}

	/** A single node hears everything it says: it never misses a message. */
	@Override
	public void whenMessagesMissed(Runnable refresh) {
	}

}
