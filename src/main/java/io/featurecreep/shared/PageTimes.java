package io.featurecreep.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Times as pages show them before the browser's script puts them into the reader's own time zone
 * ({@code <time data-local>}): in UTC, and saying so. Templates call it as {@code ${@pageTimes.utc(instant)}}.
 */
@Component
public class PageTimes {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	public String utc(Instant instant) {
		return instant == null ? "" : UTC.format(instant);
	}

}
