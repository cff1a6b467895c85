package io.featurecreep.chat;

import java.util.Optional;

import io.featurecreep.healthcheck.Trend;
import io.featurecreep.notifications.DiscordConnections;

/**
 * The custom ids of the Discord components and modals this application sends, at most 100 characters: what a press
 * or a choice is about travels in them (the "vote" button of the message a session posts starts with
 * {@link DiscordConnections#VOTE_BUTTON}), since Discord sends back only the id and the choice. They are not trusted:
 * every vote goes through the health check's own checks for the person who sent it.
 */
final class CustomIds {

	private CustomIds() {
	}

	static String page(String sessionId, int page) {
		return "fc:page:" + sessionId + ":" + page;
	}

	static String vote(String sessionId, String questionId) {
		return "fc:q:" + sessionId + ":" + questionId;
	}

	static String commentButton(String sessionId, String questionId, int colour, Trend trend) {
		return "fc:c:" + sessionId + ":" + questionId + ":" + choice(colour, trend);
	}

	static String commentModal(String sessionId, String questionId, int colour, Trend trend) {
		return "fc:m:" + sessionId + ":" + questionId + ":" + choice(colour, trend);
	}

	/** A select option's value: the colour, and the trend if one was chosen ("2", "2:IMPROVING"). */
	static String choice(int colour, Trend trend) {
		return trend == null ? String.valueOf(colour) : colour + ":" + trend.name();
	}

	/** A custom id taken apart: its kind ("vote", "page", "q", "c", "m") and the parts after it. */
	record Parsed(String kind, String[] parts) {
	}

	static Optional<Parsed> parse(String customId) {
		if (customId == null || !customId.startsWith("fc:")) {
			return Optional.empty();
		}
		String[] all = customId.split(":");
		if (all.length < 3) {
			return Optional.empty();
		}
		String[] parts = new String[all.length - 2];
		System.arraycopy(all, 2, parts, 0, parts.length);
		return Optional.of(new Parsed(all[1], parts));
	}

	/** A choice's colour and trend, or empty when it is none this application offers. */
	static Optional<Choice> choiceOf(String colour, String trend) {
		try {
			int value = Integer.parseInt(colour);
			if (value < 0 || value > 2) {
				return Optional.empty();
			}
			return Optional.of(new Choice(value, trend == null ? null : Trend.valueOf(trend)));
		}
		catch (IllegalArgumentException unknown) {
			return Optional.empty();
		}
	}

	record Choice(int colour, Trend trend) {
	}

}
