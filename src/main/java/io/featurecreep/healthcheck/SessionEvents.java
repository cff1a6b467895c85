package io.featurecreep.healthcheck;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The live page's server-sent events: the name of what changed, never any votes, so every viewer fetches
 * the changed parts as they may see them. The first event ({@code sync}) makes the page catch up on what
 * happened between its rendering (or a lost connection) and now. The page closes the stream itself on
 * {@code ended}: a stream the server closes shows up as an error in the browser. Comments keep idle
 * connections open through proxies and reveal browsers that left; streams have no time limit unless
 * {@code feature-creep.sse.stream-time} sets one (the browser then reconnects).
 */
@Controller
class SessionEvents {

	static final String SYNC = "sync";

	private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);

	private final SessionViews views;

	private final LiveSessionFeed feed;

	private final Duration heartbeat;

	private final Duration streamTime;

	SessionEvents(SessionViews views, LiveSessionFeed feed,
			@Value("${feature-creep.sse.heartbeat:PT15S}") Duration heartbeat,
			@Value("${feature-creep.sse.stream-time:0s}") Duration streamTime) {
		this.views = views;
		this.feed = feed;
		this.heartbeat = heartbeat;
		this.streamTime = streamTime;
	}

	@GetMapping(path = "/sessions/{sessionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String sessionId, Principal principal) {
		HealthSession session = views.visible(sessionId, Callers.id(principal))
			.orElseThrow(() -> DomainException.notFound("Not found"));
		// 0: no time limit (the servlet container's async timeout would otherwise end it after 30 s)
		SseEmitter emitter = new SseEmitter(streamTime.toMillis());
		Flux<String> changes = feed.changesOf(session.id()).map(change -> eventName(change.change()));
		Flux<String> beats = Flux.interval(heartbeat).map(tick -> "");
		// each watcher writes on its own worker, so a slow browser never holds up a voter's request
		Disposable.Swap subscription = Disposables.swap();
		subscription.update(Flux.merge(Flux.just(SYNC), changes, beats)
			.publishOn(Schedulers.boundedElastic())
			.subscribe(name -> send(emitter, name, subscription), emitter::completeWithError, emitter::complete));
		emitter.onCompletion(subscription::dispose);
		emitter.onTimeout(subscription::dispose);
		emitter.onError(error -> subscription.dispose());
		return emitter;
	}

	private static void send(SseEmitter emitter, String name, Disposable subscription) {
		try {
			if (name.isEmpty()) {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			else {
				emitter.send(SseEmitter.event().name(name).data(name));
			}
		}
		catch (IOException | IllegalStateException gone) {
			log.debug("Live session watcher left: {}", gone.getMessage());
			subscription.dispose();
			emitter.completeWithError(gone);
		}
	}

	/** The parts of the page a change touches, by the event name they listen to. */
	static String eventName(SessionChanged.Change change) {
		return switch (change) {
			case VOTE_CAST -> "votes";
			case TIMER_CHANGED -> "timer";
			case SESSION_ENDED -> "ended";
			case DISCUSSION_CHANGED -> "discussion";
			case QUESTION_ADDED, QUESTION_REMOVED, ACTIVE_QUESTION_CHANGED, QUESTION_REVEALED -> "question";
		};
	}

}
