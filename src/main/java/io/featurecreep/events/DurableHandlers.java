package io.featurecreep.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Every durable handler of the application, and how their events are written to and read from storage. */
@Component
class DurableHandlers {

	private final Map<String, DurableHandler<?>> byName;

	private final Map<String, Class<?>> eventTypes;

	private final JsonMapper json;

	DurableHandlers(List<DurableHandler<?>> handlers, JsonMapper json) {
		this.byName = handlers.stream().collect(Collectors.toMap(DurableHandler::name, Function.identity()));
		// only the event types some handler declared can ever be read back: stored text never picks a class
		this.eventTypes = handlers.stream()
			.map(DurableHandler::eventType)
			.distinct()
			.collect(Collectors.toMap(Class::getName, Function.identity()));
		this.json = json;
	}

	List<DurableHandler<?>> forEvent(Object event) {
		return byName.values().stream().filter(handler -> handler.eventType().isInstance(event)).toList();
	}

	Optional<DurableHandler<?>> named(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	String write(Object event) {
		return json.writeValueAsString(event);
	}

	/** Runs the entry's handler on its event. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void run(OutboxEntry entry) throws Exception {
		DurableHandler handler = named(entry.handler())
			.orElseThrow(() -> new IllegalStateException("No handler named " + entry.handler()));
		Class<?> type = eventTypes.get(entry.eventType());
		if (type == null) {
			throw new IllegalStateException("Unknown event type " + entry.eventType());
		}
		handler.handle(json.readValue(entry.payload(), type));
	}

}
