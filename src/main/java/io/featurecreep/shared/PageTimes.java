package io.featurecreep.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as pages show them before the browser's script puts them into the reader's own time zone
 * ({@code <time data-local>}): in UTC, and saying so, in the reader's language ("2 Dec 2026, 14:05 UTC",
 * "2. Dez. 2026, 14:05 UTC"). Templates call it as {@code ${@pageTimes.utc(instant)}}.
 * <p>
 * One pattern per language rather than {@code ofLocalizedDateTime}: its English medium style puts the month first
 * ("Dec 2, 2026"), and every language here writes the 24-hour clock and the day before the month.
 */
@Component
public class PageTimes {

	private static final Map<Language, DateTimeFormatter> UTC = new EnumMap<>(Language.class);

	private static final Map<Language, DateTimeFormatter> DAY = new EnumMap<>(Language.class);

	static {
		for (Language language : Language.values()) {
			String day = language == Language.GERMAN ? "d. MMM yyyy" : "d MMM yyyy";
			UTC.put(language, DateTimeFormatter.ofPattern(day + ", HH:mm 'UTC'", language.locale())
				.withZone(ZoneOffset.UTC));
			DAY.put(language, DateTimeFormatter.ofPattern(day, language.locale()));
		}
	}

	public String utc(Instant instant) {
		if (instant == null) {
			return "";
		}
		return UTC.get(reader()).format(instant);
	}

	/** A calendar day, such as an action's due date, the way the reader's language writes it: "2. Dez. 2026". */
	public String date(LocalDate day) {
		return day == null ? "" : DAY.get(reader()).format(day);
	}

	private static Language reader() {
		return Language.of(LocaleContextHolder.getLocale()).orElse(Language.DEFAULT);
	}

}
