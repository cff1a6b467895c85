package io.featurecreep.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The history pages' and downloads' date filter, as typed: whole UTC days, either end optional. {@code errors}
 * says what is wrong with each field, by its name; the instants are null when open or when the range is invalid.
 */
record DateRange(String from, String to, Instant start, Instant end, Map<String, String> errors) {

	static DateRange of(String from, String to, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate fromDate = date(from, "from", errors);
		LocalDate toDate = date(to, "to", errors);
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			errors.put("to", "The end date must not be before the start date");
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
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException notADate) {
			errors.put(field, "Enter a date as YYYY-MM-DD");
			return null;
		}
	}

}
