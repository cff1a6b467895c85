package io.featurecreep.insights;

import java.time.LocalDate;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * A due date that cannot be taken: not a date, or one that has already passed. Pages show it next to the due
 * date field, in the words of {@code messageKey} when it has one; the API gets the message.
 */
class DueDateRefused extends DomainException {

	private final String messageKey;

	private final Object[] arguments;

	private DueDateRefused(String message, String messageKey, Object... arguments) {
		super(ErrorCode.BAD_USER_INPUT, message);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	static DueDateRefused notADate() {
		return new DueDateRefused("Enter the due date as YYYY-MM-DD, e.g. 2026-12-31", null);
	}

	static DueDateRefused passed(LocalDate dueDate) {
		return new DueDateRefused("The due date " + dueDate + " has passed. Choose today or a later day.",
				"action.due.passed", dueDate.toString());
	}

	/** The key of the page's words for it; null where the message is all there is. */
	String messageKey() {
		return messageKey;
	}

	Object[] arguments() {
		return arguments.clone();
	}

}
