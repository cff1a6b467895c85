package io.featurecreep.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The history pages' and downloads' date filter, as typed: whole UTC days, either end optional. {@code errors}
 * says what is wrong with each field, by its name, as the key of a message (the page shows it in the reader's
 * language, a download refuses in English); the instants are null when open or when the range is invalid.
 */
record DateRange(String from, String to, Instant start, Instant end, Map<String, String> errors) {

	private static final LocalDate FIRST = LocalDate.of(1, 1, 1);

	private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

	static DateRange of(String from, String to, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate fromDate = date(from, "from", errors);
		LocalDate toDate = date(to, "to", errors);
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			errors.put("to", "insights.range.endBeforeStart");
		}
		if (!errors.isEmpty()) {
			return new DateRange(from, to, null, null, Map.copyOf(errors));
		}
		Instant start = fromDate == null ? null : fromDate.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = toDate == null ? null : toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		if (end == null && start != null && start.isAfter(now)) {
			end = start; // a range starting in the future: nothing yet, not an error
		}
		return new DateRange(from, to, start, end, Map.of());
	}

	boolean valid() {
		return errors.isEmpty();
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException notADate) {
			date = null;
		}
		// ISO dates may have years of up to nine digits and a sign (+999999999-12-31), where the day after the
		// range's end is no date at all and no database stores the instant: four-digit years only, as YYYY says
		if (date == null || date.isBefore(FIRST) || date.isAfter(LAST)) {
			errors.put(field, "insights.range.notADate");
			return null;
		}
		return date;
	}

}
