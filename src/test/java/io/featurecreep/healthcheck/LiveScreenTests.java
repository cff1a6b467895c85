package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A live page's stream when its browser has left. What Tomcat does then cannot be staged on purpose (it is a race
 * between the writer and the container's error notification: a run of dropped connections hit it a few times in a
 * hundred), so the emitter here behaves as Tomcat's does once the notification was handled: a write fails with an
 * {@link IOException}, and ending the stream from the application's thread throws an
 * {@link IllegalStateException} ("A non-container thread attempted to use the AsyncContext after an error").
 */
class LiveScreenTests {

	static final Set<DataWithMediaType> EVENT = Set.of(new DataWithMediaType("event:votes\ndata:votes\n\n",
			MediaType.TEXT_PLAIN));

	@Test
	void aDroppedConnectionStopsTheWritingAndLeavesTheEndToTheContainer() {
		AfterConnectionDropped emitter = new AfterConnectionDropped();
		LiveScreen screen = new LiveScreen(emitter, "person", Runnable::run, 1_000_000_000L);
		AtomicInteger stopped = new AtomicInteger();
		screen.whenGone(stopped::incrementAndGet);

		assertThatCode(() -> screen.send(EVENT)).doesNotThrowAnyException();
		assertThatCode(() -> screen.send(EVENT)).doesNotThrowAnyException();

		assertThat(emitter.writes.get()).as("no write after the failed one").isEqualTo(1);
		assertThat(emitter.endings.get()).as("the container ends the stream, not the writer").isZero();
		assertThat(stopped.get()).as("the screen stops watching at once").isEqualTo(1);
		assertThatCode(screen::end).doesNotThrowAnyException();
	}

	@Test
	void aScreenFarBehindIsLetGoEvenIfTheContainerEndedItMeanwhile() {
		AfterConnectionDropped emitter = new AfterConnectionDropped();
		LiveScreen screen = new LiveScreen(emitter, "person", writing -> {
			// writers that never get to it: every event waits
		}, 1_000_000_000L);

		assertThatCode(() -> {
			for (int i = 0; i <= LiveScreen.MAX_PENDING + 1; i++) {
				screen.send(EVENT);
			}
		}).doesNotThrowAnyException();
		assertThat(emitter.endings.get()).isEqualTo(1);
	}

	@Test
	void endingAStreamTheContainerAlreadyEndedIsQuiet() {
		AfterConnectionDropped emitter = new AfterConnectionDropped();
		LiveScreen screen = new LiveScreen(emitter, "person", Runnable::run, 1_000_000_000L);

		assertThatCode(screen::end).doesNotThrowAnyException();
		assertThat(emitter.endings.get()).isEqualTo(1);
	}

	/** An emitter whose browser has gone, as Tomcat has it once it handled the dropped connection. */
	static final class AfterConnectionDropped extends SseEmitter {

		final AtomicInteger writes = new AtomicInteger();

		final AtomicInteger endings = new AtomicInteger();

		@Override
		public synchronized void send(Set<DataWithMediaType> items) throws IOException {
			writes.incrementAndGet();
			throw new IOException("Broken pipe");
		}

		@Override
		public synchronized void complete() {
			endings.incrementAndGet();
			throw afterError();
		}

		@Override
		public synchronized void completeWithError(Throwable ex) {
			endings.incrementAndGet();
			throw afterError();
		}

		private static IllegalStateException afterError() {
			return new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext "
					+ "after an error had occurred and the call to AsyncListener.onError() had returned.");
		}

	}

}
