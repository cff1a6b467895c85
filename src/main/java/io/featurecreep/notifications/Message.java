package io.featurecreep.notifications;

import java.time.Instant;
import java.util.Locale;

/**
 * What is sent to a channel: a test message, a session's report, or a reminder to vote before its deadline. Each is
 * written in the squad's report language ({@link io.featurecreep.squads.Squad#reportLanguage()}).
 */
sealed interface Message {

	/** The language the message is written in. */
	Locale language();

	record Test(String squadName, Locale language) implements Message {
	}

	record Report(SquadReport report, Locale language) implements Message {
	}

	/**
	 * How many of the squad's members have yet to vote in a running async session, never who: in an anonymous squad
	 * names would say who has not voted yet beside everyone else, and a channel is no place for naming in any squad.
	 * {@code text} is the whole message in words, for services that show text.
	 */
	record Reminder(String squadName, String sessionId, String sessionName, int yetToVote, int members,
			Instant deadline, String text, Locale language) implements Message {
	}

	/**
	 * A session has started: the chat app's channel gets a message with a vote button. It says how many of the
	 * squad's members have voted on every question, never who. {@code text} is the message in words, for services
	 * that show text.
	 */
	record VoteInvite(String squadName, String sessionId, String sessionName, int voted, int members, String text,
			Locale language) implements Message {
	}

}
