package io.featurecreep.healthcheck;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans session changes out to everyone watching, once the change is committed. Within this node; another
 * transport carries them across nodes.
 */
@Component
class LiveSessionFeed {

	private final Sinks.Many<SessionChanged> changes = Sinks.many().multicast().directBestEffort();

	@TransactionalEventListener
	void on(SessionChanged change) {
		changes.emitNext(change, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
	}

	Flux<SessionChanged> changesOf(String sessionId) {
		return changes.asFlux().filter(change -> change.sessionId().equals(sessionId));
	}

}
