package io.featurecreep.notifications;

/** What is sent to a channel: a test message, or a session's report. */
sealed interface Message {

	String TEST_TEXT = "Hello from Feature Creep! This webhook works: health check reports of your squad will arrive here.";

	record Test(String squadName) implements Message {
	}

	record Report(SquadReport report) implements Message {
	}

}
