package io.featurecreep.healthcheck;

import java.time.Duration;

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

	private static final int BUFFER_PER_WATCHER = 256;

	private final Sinks.Many<SessionChanged> changes = Sinks.many().multicast().directBestEffort();

	@TransactionalEventListener
	void on(SessionChanged change) {
		// several request threads may commit at once; the sink needs its emissions one at a time
		changes.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
	}

	/** The changes of one session from now on; a slow watcher gets a buffer rather than slowing the others. */
	Flux<SessionChanged> changesOf(String sessionId) {
		return changes.asFlux()
			.filter(change -> change.sessionId().equals(sessionId))
			.onBackpressureBuffer(BUFFER_PER_WATCHER);
	}

}
