package io.featurecreep.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The broadcast of a single node: straight to its own listeners. */
public class InProcessBroadcast implements NodeBroadcast {

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	@Override
	public void publish(String topic, String message) {
		listeners.getOrDefault(topic, List.of()).forEach(listener -> listener.accept(message));
	}

	@Override
	public void subscribe(String topic, Consumer<String> listener) {
		listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
	}

}
