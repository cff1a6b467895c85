package io.featurecreep.healthcheck;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.SessionReading.AnswerView;

/**
 * A vote in words, in the reader's language, for the pages ({@code ${@voteWords.of(vote)}}): "green, improving". The
 * words are looked up by literal keys, one per colour and trend, so that every key can be found where it is used.
 */
@Component
class VoteWords {

	private final MessageSource messages;

	VoteWords(MessageSource messages) {
		this.messages = messages;
	}

	public String of(AnswerView vote) {
		String colour = text(colourKey(vote.colour()));
		if (vote.trend() == null) {
			return colour;
		}
		return messages.getMessage("healthcheck.vote.described", new Object[] { colour, text(trendKey(vote.trend())) },
				LocaleContextHolder.getLocale());
	}

	static String colourKey(int colour) {
		return switch (colour) {
			case 0 -> "healthcheck.colour.red";
			case 1 -> "healthcheck.colour.yellow";
			default -> "healthcheck.colour.green";
		};
	}

	static String trendKey(Trend trend) {
		return switch (trend) {
			case IMPROVING -> "healthcheck.trend.improving";
			case STABLE -> "healthcheck.trend.stable";
			case WORSENING -> "healthcheck.trend.worsening";
		};
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
