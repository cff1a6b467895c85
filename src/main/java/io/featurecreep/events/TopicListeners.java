package io.featurecreep.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a node's broadcast topics. One failing listener neither stops the others nor reaches the
 * publisher: a publisher is typically a request whose change has already been committed, and must not fail
 * because, say, one screen's watcher did.
 */
final class TopicListeners {

	private static final Logger log = LoggerFactory.getLogger(TopicListeners.class);

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	void add(String topic, Consumer<String> listener) {
		listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
	}

	void tell(String topic, String message) {
		for (Consumer<String> listener : listeners.getOrDefault(topic, List.of())) {
			try {
				listener.accept(message);
			}
			catch (RuntimeException ex) {
				log.warn("A listener of {} failed: {}", topic, ex.toString());
			}
		}
	}

}
