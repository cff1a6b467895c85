package io.featurecreep.healthcheck;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.shared.DomainException;

/**
 * The live page's server-sent events: the name of what changed, never any votes and never any words, so every viewer
 * fetches the changed parts as they may see them, in their own language (each screen's own requests carry it; the
 * person who caused the change and the language they work in play no part). The first event ({@code sync}) makes the page catch up on what
 * happened between its rendering (or a lost connection) and now. The page closes the stream itself on
 * {@code ended}: a stream the server closes shows up as an error in the browser. Comments keep quiet
 * connections open through proxies and reveal browsers that left; streams have no time limit unless
 * {@code feature-creep.sse.stream-time} sets one (the browser then reconnects).
 */
@Controller
class SessionEvents extends EndedBeforeShutdown implements DisposableBean {

	static final String SYNC = "sync";


	/**
	 * Every event written out once, ahead of time: fanning out a change then costs one write per screen. Derived
	 * from the changes, so a new kind of change cannot be left without its event.
	 */
	private static final Map<String, Set<DataWithMediaType>> EVENTS = Stream
		.concat(Stream.of(SYNC), Stream.of(SessionChanged.Change.values()).map(SessionEvents::eventName))
		.distinct()
		.collect(Collectors.toUnmodifiableMap(name -> name, SessionEvents::written));

	private static final Set<DataWithMediaType> KEEP_ALIVE = Set
		.of(new DataWithMediaType(":keep-alive\n\n", MediaType.TEXT_PLAIN));

	private final SessionViews views;

	private final LiveSessionFeed feed;

	private final People people;

	private final Duration streamTime;

	/** Each screen is written on a virtual thread of its own, so a slow browser holds up nobody else. */
	private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

	private final Set<LiveScreen> screens = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService heartbeats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sse-heartbeat").factory());

	private final long keepAliveNanos;

	SessionEvents(SessionViews views, LiveSessionFeed feed, People people,
			@Value("${feature-creep.sse.heartbeat:PT15S}") Duration heartbeat,
			@Value("${feature-creep.sse.stream-time:0s}") Duration streamTime) {
		this.views = views;
		this.feed = feed;
		this.people = people;
		this.streamTime = streamTime;
		this.keepAliveNanos = heartbeat.toNanos();
		long check = Math.max(heartbeat.toMillis() / 15, 50);
		this.heartbeats.scheduleAtFixedRate(() -> keepQuietScreensAlive(System.nanoTime()), check, check,
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Writes a keep-alive to each screen that nothing was written to for a whole heartbeat interval. Checked often,
	 * so keep-alives go out spread over the interval instead of to every screen at once (5,000 writes in one burst
	 * held up live votes every 15 s); a screen that just had an event needs none.
	 */
	void keepQuietScreensAlive(long now) {
		for (LiveScreen screen : screens) {
			if (screen.quietSince(now, keepAliveNanos)) {
				screen.send(KEEP_ALIVE);
			}
		}
	}

	@GetMapping(path = "/sessions/{sessionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String sessionId, Principal principal) throws IOException {
		if (!isRunning()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "This server is stopping");
		}
		String callerId = Callers.id(principal);
		// asked of the database itself, not of a node's brief memory: a browser whose stream was just ended because
		// its person was deactivated reconnects at once, maybe to another node
		if (!people.findById(callerId).map(Person::active).orElse(false)) {
			throw DomainException.unauthenticated(LiveSessionFeed.NO_LONGER_ACTIVE);
		}
		HealthSession session = views.visible(sessionId, callerId)
			.orElseThrow(() -> DomainException.notFound("Not found"));
		// 0: no time limit (the servlet container's async timeout would otherwise end it after 30 s)
		SseEmitter emitter = new SseEmitter(streamTime.toMillis());
		// Sent before the emitter is returned, the first event goes out as Spring MVC starts the response, on this
		// thread: the response is committed before any other thread may write to it (see SessionPagesTests).
		emitter.send(EVENTS.get(SYNC));
		LiveScreen screen = new LiveScreen(emitter, callerId, writers, keepAliveNanos);
		screens.add(screen);
		Runnable stopWatching = feed.watch(session.id(), change -> screen.send(EVENTS.get(eventName(change.change()))));
		Runnable stop = () -> {
			stopWatching.run();
			screens.remove(screen);
		};
		screen.whenGone(stop);
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError(error -> stop.run());
		if (!isRunning()) {
			screen.end(); // the node began to stop while this stream opened, after the others were ended
		}
		return emitter;
	}

	/** How many streams are open on this node, for the metrics. */
	int openScreens() {
		return screens.size();
	}

	/** Ends every open stream: the node is stopping, and browsers reconnect on their own. */
	@Override
	void endAll() {
		for (LiveScreen screen : screens) {
			screen.end();
		}
	}

	/** Ends the person's open streams: they may no longer watch (their browsers then find themselves signed out). */
	void endStreamsOf(String personId) {
		for (LiveScreen screen : screens) {
			if (screen.personId().equals(personId)) {
				screen.end();
			}
		}
	}

	@Override
	public void destroy() {
		heartbeats.shutdownNow();
		writers.shutdownNow();
	}

	/**
	 * The parts of the page a change touches, by the event name they listen to. A change without a kind (this node
	 * may have missed some) makes the page catch up on everything, as on connecting.
	 */
	static String eventName(SessionChanged.Change change) {
		if (change == null) {
			return SYNC;
		}
		return switch (change) {
			case VOTE_CAST -> "votes";
			case TIMER_CHANGED -> "timer";
			case SESSION_ENDED -> "ended";
			case DISCUSSION_CHANGED -> "discussion";
			case QUESTION_ADDED, QUESTION_REMOVED, ACTIVE_QUESTION_CHANGED, QUESTION_REVEALED -> "question";
		};
	}

	/** An event's text as it goes over the wire; the data is the name again, as the page's listeners expect. */
	private static Set<DataWithMediaType> written(String name) {
		return Set.of(new DataWithMediaType("event:" + name + "\ndata:" + name + "\n\n", MediaType.TEXT_PLAIN));
	}

}
