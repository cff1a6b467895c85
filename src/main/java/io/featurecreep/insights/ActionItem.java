package io.featurecreep.insights;

import java.time.Instant;
import java.time.LocalDate;

/** Something a squad agreed to do, linked to the indicator it should move. */
record ActionItem(String id, String squadId, String sessionId, String indicatorId, String title, String ownerId,
		LocalDate dueDate, Status status, Instant createdAt) {

	enum Status {

		OPEN, DONE, DROPPED

	}

}
