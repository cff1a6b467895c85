package io.featurecreep.insights;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * Something a squad agreed to do, linked to the indicator it should move. A due date is a day without a time zone:
 * it is over for everyone once it is over in the last zone to end a day ({@link #LAST_ZONE}, "anywhere on Earth"),
 * so an action is overdue from then on, wherever its readers are; a new due date may not be over already where the
 * person who sets it is.
 */
record ActionItem(String id, String squadId, String sessionId, String indicatorId, String title, String ownerId,
		LocalDate dueDate, Status status, Instant createdAt) {

	/** The refusals of a due date all start with this key, so that pages show them next to the due date field. */
	static final String DUE_DATE_REFUSED = "action.due.";

	static final String DUE_DATE_PASSED = "action.due.passed";

	static final String DUE_DATE_NOT_A_DATE = "action.due.notADate";

	/** The zone in which a day ends last (UTC−12). */
	static final ZoneOffset LAST_ZONE = ZoneOffset.ofHours(-12);

	/** Whether the action is still open after its due date is over everywhere. */
	boolean overdue(Clock clock) {
		return status == Status.OPEN && dueDate != null && dueDate.isBefore(LocalDate.now(clock.withZone(LAST_ZONE)));
	}

	/**
	 * Refuses a due date that has passed where the person setting it is ({@code zone}; where it is unknown, as for
	 * API clients, a date is refused once it is over everywhere).
	 */
	static void requireNotPassed(LocalDate dueDate, ZoneId zone, Clock clock) {
		if (dueDate != null && dueDate.isBefore(LocalDate.now(clock.withZone(zone == null ? LAST_ZONE : zone)))) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, DUE_DATE_PASSED, dueDate.toString());
		}
	}

	/** The zone a browser says it is in (the pages' hidden {@code timeZone} field); null when unknown. */
	static ZoneId zone(String name) {
		try {
			return name == null || name.isBlank() ? null : ZoneId.of(name.strip());
		}
		catch (DateTimeException unknown) {
			return null;
		}
	}

	/** A due date as people and clients send it (YYYY-MM-DD); blank means none. */
	static LocalDate dueDate(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException notADate) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, DUE_DATE_NOT_A_DATE);
		}
	}

	enum Status {

		OPEN, DONE, DROPPED;

		/** The key of the status's name on the pages. */
		public String key() {
			return switch (this) {
				case OPEN -> "insights.action.status.open";
				case DONE -> "insights.action.status.done";
				case DROPPED -> "insights.action.status.dropped";
			};
		}

	}

}
