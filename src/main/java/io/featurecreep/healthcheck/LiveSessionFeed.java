package io.featurecreep.healthcheck;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.featurecreep.events.NodeBroadcast;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans session changes out to everyone watching, on every node: a change is broadcast once committed, and each
 * node passes what it hears to the screens and subscriptions connected to it.
 */
@Component
class LiveSessionFeed {

	static final String TOPIC = "session-changes";

	private static final int BUFFER_PER_WATCHER = 256;

	private final Sinks.Many<SessionChanged> changes = Sinks.many().multicast().directBestEffort();

	private final NodeBroadcast broadcast;

	private final JsonMapper json;

	LiveSessionFeed(NodeBroadcast broadcast, JsonMapper json) {
		this.broadcast = broadcast;
		this.json = json;
		broadcast.subscribe(TOPIC, message -> deliver(json.readValue(message, SessionChanged.class)));
	}

	@TransactionalEventListener
	void on(SessionChanged change) {
		broadcast.publish(TOPIC, json.writeValueAsString(change));
	}

	/**
	 * Several threads deliver at once (every request thread that commits a change, and the broadcast reader), and
	 * the sink takes one emission at a time. Waiting on a lock rather than spinning for a while and then failing:
	 * under load a spin limit was reached and changes were lost (found by the live-session benchmark).
	 */
	private synchronized void deliver(SessionChanged change) {
		changes.emitNext(change, Sinks.EmitFailureHandler.FAIL_FAST);
	}

	/** The changes of one session from now on; a slow watcher gets a buffer rather than slowing the others. */
	Flux<SessionChanged> changesOf(String sessionId) {
		return changes.asFlux()
			.filter(change -> change.sessionId().equals(sessionId))
			.onBackpressureBuffer(BUFFER_PER_WATCHER);
	}

}
