package io.featurecreep.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A node's own broadcast: every listener of a topic hears each message, whatever another listener does. */
class InProcessBroadcastTests {

	@Test
	void aFailingListenerNeitherStopsTheOthersNorReachesThePublisher() {
		InProcessBroadcast broadcast = new InProcessBroadcast();
		List<String> heard = new ArrayList<>();
		List<String> elsewhere = new ArrayList<>();
		broadcast.subscribe("session-changes", message -> {
			throw new IllegalStateException("this screen has gone");
		});
		broadcast.subscribe("session-changes", heard::add);
		broadcast.subscribe("library-changes", elsewhere::add);

		assertThatCode(() -> broadcast.publish("session-changes", "vote")).doesNotThrowAnyException();
		assertThat(heard).containsExactly("vote");
		assertThat(elsewhere).isEmpty();
	}

	@Test
	void aSingleNodeHasNoOtherNodesToTellAndWritesNothingForThem() {
		InProcessBroadcast broadcast = new InProcessBroadcast();
		List<String> heard = new ArrayList<>();
		broadcast.subscribe("session-changes", heard::add);

		broadcast.publishToOtherNodes("session-changes", () -> {
			throw new AssertionError("the message was written");
		});

		assertThat(heard).as("this node's listeners are the caller's to tell").isEmpty();
	}

}
