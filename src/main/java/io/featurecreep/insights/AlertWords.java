package io.featurecreep.insights;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.library.Deck;

/**
 * An alert in words, in the reader's language: its kind, and its evidence with its numbers ("Speed: average 0.7
 * from 1.6 over the last 3 sessions, 6 votes"), written as that language writes numbers.
 */
@Component
class AlertWords {

	private final MessageSource messages;

	private final Deck deck;

	AlertWords(MessageSource messages, Deck deck) {
		this.messages = messages;
		this.deck = deck;
	}

	String title(Alert alert, Locale language) {
		return deck.title(alert.indicatorId(), alert.title(), language);
	}

	String kind(Alert alert, Locale language) {
		String key = switch (alert.kind()) {
			case DROP -> "insights.alert.kind.drop";
			case RED_STREAK -> "insights.alert.kind.redStreak";
			case SPLIT -> "insights.alert.kind.split";
			case EXPECT_WORSE -> "insights.alert.kind.expectWorse";
		};
		return messages.getMessage(key, null, language);
	}

	String evidence(Alert alert, Locale language) {
		String title = title(alert, language);
		return switch (alert.kind()) {
			case DROP -> messages.getMessage("insights.alert.drop",
					new Object[] { title, alert.average(), alert.reference(), alert.sessions(), alert.votes() }, language);
			case RED_STREAK -> messages.getMessage("insights.alert.redStreak",
					new Object[] { title, alert.average(), alert.reference(), alert.votes() }, language);
			case SPLIT -> messages.getMessage("insights.alert.split",
					new Object[] { title, alert.count(), alert.other(), alert.votes() }, language);
			case EXPECT_WORSE -> messages.getMessage("insights.alert.expectWorse",
					new Object[] { title, alert.count(), alert.votes() }, language);
		};
	}

}
