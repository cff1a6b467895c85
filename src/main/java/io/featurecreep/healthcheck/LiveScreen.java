package io.featurecreep.healthcheck;

import java.io.IOException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open event stream of a live page ({@link SessionEvents}): events are queued by whichever thread delivers them
 * and written, in order, by at most one writer at a time.
 * <p>
 * A browser that leaves drops its connection, and the next write fails. The servlet container then ends the stream
 * itself, with an error notification on one of its own threads (Spring's emitter hears of it and our callbacks stop
 * the watching); so the writer only stops writing. Ending the stream from the writer's thread as well raced with
 * that notification, and once it had been handled the container refused with an {@link IllegalStateException}
 * ("A non-container thread attempted to use the AsyncContext after an error"), which nobody caught.
 */
final class LiveScreen {

	/** Events waiting for one screen; a screen further behind than this is closed and catches up on reconnecting. */
	static final int MAX_PENDING = 256;

	private static final Logger log = LoggerFactory.getLogger(LiveScreen.class);

	private final SseEmitter emitter;

	private final String personId;

	private final Executor writers;

	private final Queue<Set<DataWithMediaType>> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	private volatile boolean gone;

	/** Stops the watching (runs again when the emitter's callbacks hear of the end: stopping twice is harmless). */
	private volatile Runnable whenGone = () -> {
	};

	/**
	 * When an event was last queued. It starts up to half an interval back, so that screens opened together (a
	 * squad joining, a node restarting) do not all fall due for their keep-alive together.
	 */
	private volatile long lastQueued;

	LiveScreen(SseEmitter emitter, String personId, Executor writers, long keepAliveNanos) {
		this.emitter = emitter;
		this.personId = personId;
		this.writers = writers;
		this.lastQueued = System.nanoTime() - ThreadLocalRandom.current().nextLong(keepAliveNanos / 2 + 1);
	}

	String personId() {
		return personId;
	}

	void whenGone(Runnable stopWatching) {
		this.whenGone = stopWatching;
	}

	/** Whether nothing was queued for a whole keep-alive interval before {@code now}. */
	boolean quietSince(long now, long keepAliveNanos) {
		return now - lastQueued >= keepAliveNanos;
	}

	void send(Set<DataWithMediaType> event) {
		if (gone) {
			return;
		}
		lastQueued = System.nanoTime();
		queue.add(event);
		int waiting = pending.incrementAndGet();
		if (waiting == 1) {
			writers.execute(this::drain);
		}
		else if (waiting > MAX_PENDING) {
			fallenBehind();
		}
	}

	/** Ends the stream from this side (the node stops, the person may no longer watch); the browser reconnects. */
	void end() {
		if (!gone) {
			gone = true;
			finish(emitter::complete);
		}
	}

	private void drain() {
		do {
			Set<DataWithMediaType> event = queue.poll();
			if (!gone) {
				try {
					emitter.send(event);
				}
				catch (IOException | IllegalStateException connectionGone) {
					// the container ends the stream and tells Spring's emitter (see the class comment)
					gone = true;
					log.debug("Live session watcher left: {}", connectionGone.getMessage());
					whenGone.run();
				}
			}
		}
		while (pending.decrementAndGet() > 0);
	}

	/** A screen too far behind is let go, with an error: it catches up when its browser reconnects. */
	private void fallenBehind() {
		if (!gone) {
			gone = true;
			log.debug("Live session watcher let go: more than {} events behind", MAX_PENDING);
			finish(() -> emitter.completeWithError(new IOException("more than " + MAX_PENDING + " events behind")));
		}
	}

	/** The container may have ended the stream meanwhile (the connection dropped): then there is nothing to end. */
	private static void finish(Runnable ending) {
		try {
			ending.run();
		}
		catch (IllegalStateException endedMeanwhile) {
			log.debug("Live session stream ended meanwhile: {}", endedMeanwhile.getMessage());
		}
	}

}
