package io.featurecreep.healthcheck;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.featurecreep.events.NodeBroadcast;
import io.featurecreep.shared.DomainException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans session changes out to everyone watching, on every node: a change is broadcast once committed, and each
 * node passes what it hears to the screens and subscriptions connected to it. The node where the change was
 * committed passes it on at once, itself. Watchers are kept by session, so a change costs as much as its own
 * session has watchers, however many other sessions are live.
 */
@Component
class LiveSessionFeed extends EndedBeforeShutdown {

	static final String TOPIC = "session-changes";

	private static final Logger log = LoggerFactory.getLogger(LiveSessionFeed.class);

	private static final int BUFFER_PER_WATCHER = 256;

	static final String NO_LONGER_ACTIVE = "This account has been deactivated";

	private final Map<String, Set<Consumer<SessionChanged>>> watchers = new ConcurrentHashMap<>();

	/** The subscriptions' feeds and whose they are, to be ended when the node stops or the person may no longer watch. */
	private final Map<FluxSink<SessionChanged>, String> feeds = new ConcurrentHashMap<>();

	private final NodeBroadcast broadcast;

	private final JsonMapper json;

	LiveSessionFeed(NodeBroadcast broadcast, JsonMapper json) {
		this.broadcast = broadcast;
		this.json = json;
		broadcast.subscribe(TOPIC, message -> deliver(json.readValue(message, SessionChanged.class)));
		broadcast.whenMessagesMissed(this::everyoneCatchesUp);
	}

	/**
	 * This node may have missed changes made on others (Redis was away): every screen and subscription here is told
	 * to fetch the session's state anew, as when it first connected (a change without a kind).
	 */
	private void everyoneCatchesUp() {
		watchers.keySet().forEach(sessionId -> deliver(new SessionChanged(sessionId, null, null)));
	}

	/**
	 * After the commit; a vote written by one statement ({@link VoteUpsert}) has no transaction, and is committed.
	 * This node's watchers get the change as it is; only the other nodes get it as JSON (writing it out and reading
	 * it back cost about 5 µs of a vote's 175 on one node, where nothing is written now).
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(SessionChanged change) {
		deliver(change);
		broadcast.publishToOtherNodes(TOPIC, () -> json.writeValueAsString(change));
	}

	/** Several threads deliver at once (those that commit changes, the broadcast reader): watchers take care. */
	private void deliver(SessionChanged change) {
		for (Consumer<SessionChanged> watcher : watchers.getOrDefault(change.sessionId(), Set.of())) {
			try {
				watcher.accept(change);
			}
			catch (RuntimeException ex) {
				log.warn("A watcher of session {} failed: {}", change.sessionId(), ex.toString());
			}
		}
	}

	/**
	 * Hands each change of a session to {@code watcher} from now on, until the returned handle is run. The watcher
	 * is called on the delivering thread, possibly on several at once, and must not block.
	 */
	Runnable watch(String sessionId, Consumer<SessionChanged> watcher) {
		watchers.compute(sessionId, (id, present) -> {
			Set<Consumer<SessionChanged>> set = present != null ? present : ConcurrentHashMap.newKeySet();
			set.add(watcher);
			return set;
		});
		return () -> watchers.computeIfPresent(sessionId, (id, present) -> {
			present.remove(watcher);
			return present.isEmpty() ? null : present;
		});
	}

	/**
	 * The changes of one session from now on, as the given person watches them, until the node stops or the person
	 * is deactivated; a slow watcher gets a buffer rather than slowing the others.
	 */
	Flux<SessionChanged> changesOf(String sessionId, String personId) {
		return Flux.<SessionChanged>create(sink -> {
			Runnable stopWatching = watch(sessionId, sink::next);
			feeds.put(sink, personId);
			sink.onDispose(() -> {
				stopWatching.run();
				feeds.remove(sink);
			});
			if (!isRunning()) {
				sink.complete(); // stopping: the client subscribes again elsewhere
			}
		}, FluxSink.OverflowStrategy.BUFFER).onBackpressureBuffer(BUFFER_PER_WATCHER);
	}

	/** How many subscriptions are open on this node, for the metrics. */
	int openSubscriptions() {
		return feeds.size();
	}

	/** Completes every subscription: the node is stopping. */
	@Override
	void endAll() {
		feeds.keySet().forEach(FluxSink::complete);
	}

	/** Ends the person's subscriptions with an error that says why: their account is no longer active. */
	void endStreamsOf(String personId) {
		feeds.forEach((sink, watcher) -> {
			if (watcher.equals(personId)) {
				sink.error(DomainException.unauthenticated(NO_LONGER_ACTIVE));
			}
		});
	}

}
