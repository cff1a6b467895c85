package io.featurecreep.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.featurecreep.shared.DomainException;

/** Something a squad agreed to do, linked to the indicator it should move. */
record ActionItem(String id, String squadId, String sessionId, String indicatorId, String title, String ownerId,
		LocalDate dueDate, Status status, Instant createdAt) {

	/** A due date as people and clients send it (YYYY-MM-DD); blank means none. */
	static LocalDate dueDate(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException notADate) {
			throw DomainException.badInput("Enter the due date as YYYY-MM-DD, e.g. 2026-12-31");
		}
	}

	enum Status {

		OPEN, DONE, DROPPED

	}

}
