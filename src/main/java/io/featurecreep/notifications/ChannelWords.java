package io.featurecreep.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;

import io.featurecreep.healthcheck.QuestionResult;

/**
 * The words of the messages to a squad's channels, in the squad's report language
 * ({@link io.featurecreep.squads.Squad#reportLanguage()}): texts of the bundles, and times and numbers written as
 * that language writes them. Times are in UTC, and say so: a channel's readers may be anywhere.
 */
final class ChannelWords {

	private final MessageSource messages;

	private final Locale language;

	ChannelWords(MessageSource messages, Locale language) {
		this.messages = messages;
		this.language = language;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}

	/**
	 * The number of votes of an indicator's latest result, saying so where anonymity withholds the rest (its circle
	 * is white then, as where nobody voted).
	 */
	String count(QuestionResult latest) {
		return latest.withheld() ? text("notifications.report.count.withheld", latest.votes())
				: text("notifications.report.count", latest.votes());
	}

	/** An average vote with two decimals ("1.50", "1,50"). */
	String average(double average) {
		return text("notifications.report.average", average);
	}

	String time(Instant instant) {
		return time(instant, language);
	}

	/** A time as the language writes it ("2 Dec 2026, 14:05 UTC", "02.12.2026, 14:05 UTC"). */
	static String time(Instant instant, Locale language) {
		// English as the pages write it (day, month, year; 24 hours), not as in the United States
		Locale written = Locale.ENGLISH.getLanguage().equals(language.getLanguage()) ? Locale.UK : language;
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(written)
			.withZone(ZoneOffset.UTC)
			.format(instant) + " UTC";
	}

}
