package io.featurecreep.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every durable handler of the application, how their events are written to and read from storage, and what the
 * queue does with an entry whatever carries it (the database or Redis): run it, ask how patiently to retry it, park
 * it.
 */
@Component
class DurableHandlers {

	private static final Logger log = LoggerFactory.getLogger(DurableHandlers.class);

	private final Map<String, DurableHandler<?>> byName;

	private final Map<String, Class<?>> eventTypes;

	/** The handlers of each class of event, found once: every event the application publishes is asked about. */
	private final ClassValue<List<DurableHandler<?>>> byEventClass = new ClassValue<>() {
		@Override
		protected List<DurableHandler<?>> computeValue(Class<?> eventClass) {
			return byName.values().stream().filter(handler -> handler.eventType().isAssignableFrom(eventClass)).toList();
		}
	};

	private final JsonMapper json;

	private final OutboxStore store;

	private final TransactionTemplate transactions;

	private final EventSettings settings;

	private final Clock clock;

	DurableHandlers(List<DurableHandler<?>> handlers, JsonMapper json, OutboxStore store,
			TransactionTemplate transactions, EventSettings settings, Clock clock) {
		this.byName = handlers.stream().collect(Collectors.toMap(DurableHandler::name, Function.identity()));
		// only the event types some handler declared can ever be read back: stored text never picks a class
		this.eventTypes = handlers.stream()
			.map(DurableHandler::eventType)
			.distinct()
			.collect(Collectors.toMap(Class::getName, Function.identity()));
		this.json = json;
		this.store = store;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	List<DurableHandler<?>> forEvent(Object event) {
		return byEventClass.get(event.getClass());
	}

	Optional<DurableHandler<?>> named(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	String write(Object event) {
		return json.writeValueAsString(event);
	}

	/** How patiently the work of this handler is tried: its own retries, or the queue's. */
	Retries retriesOf(String handlerName) {
		Retries own = named(handlerName).map(DurableHandler::retries).orElse(null);
		return own != null ? own : settings.retries();
	}

	/** Runs the entry's handler on its event. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void run(OutboxEntry entry) throws Exception {
		DurableHandler handler = named(entry.handler())
			.orElseThrow(() -> new IllegalStateException("No handler named " + entry.handler()));
		handler.handle(read(entry));
	}

	/**
	 * Gives up on the entry: tells its handler and marks it dead, in one transaction, so the handler's own record of
	 * the work and the queue agree. Work whose handler or event type is unknown is marked dead all the same.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void park(OutboxEntry entry, String error) {
		log.error("Giving up on {} for {} after {} attempts: {}", entry.handler(), entry.eventType(), entry.attempts(),
				error);
		transactions.executeWithoutResult(tx -> {
			DurableHandler handler = byName.get(entry.handler());
			if (handler != null && eventTypes.containsKey(entry.eventType())) {
				try {
					handler.gaveUp(read(entry), error);
				}
				catch (Exception failed) {
					throw failed instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failed);
				}
			}
			store.markDead(entry.id(), error, clock.instant());
		});
	}

	private Object read(OutboxEntry entry) {
		Class<?> type = eventTypes.get(entry.eventType());
		if (type == null) {
			throw new IllegalStateException("Unknown event type " + entry.eventType());
		}
		return json.readValue(entry.payload(), type);
	}

	/** What a failure says in the outbox's last error: its kind and message, no stack. */
	static String describe(Exception failure) {
		return failure.getClass().getSimpleName() + ": " + failure.getMessage();
	}

}
