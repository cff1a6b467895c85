package io.featurecreep.notifications;

import java.time.Instant;

/** What is sent to a channel: a test message, a session's report, or a reminder to vote before its deadline. */
sealed interface Message {

	String TEST_TEXT = "Hello from Feature Creep! This webhook works: health check reports of your squad will arrive here.";

	record Test(String squadName) implements Message {
	}

	record Report(SquadReport report) implements Message {
	}

	/**
	 * How many of the squad's members have yet to vote in a running async session, never who: in an anonymous squad
	 * names would say who has not voted yet beside everyone else, and a channel is no place for naming in any squad.
	 * {@code text} is the whole message in words, for services that show text.
	 */
	record Reminder(String squadName, String sessionId, String sessionName, int yetToVote, int members,
			Instant deadline, String text) implements Message {
	}

}
