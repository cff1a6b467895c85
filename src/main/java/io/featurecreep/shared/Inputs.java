package io.featurecreep.shared;

/** Reading GraphQL input objects. */
public final class Inputs {

	private Inputs() {
	}

	/**
	 * The original schema declares its {@code input} arguments nullable (its clients depend on that), but an
	 * operation cannot run without one: leaving it out is a bad input, not a crash.
	 */
	public static <T> T required(T input) {
		if (input == null) {
			throw DomainException.badInput("The input argument is required");
		}
		return input;
	}

}
