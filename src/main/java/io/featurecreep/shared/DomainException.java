package io.featurecreep.shared;

/**
 * A rule of the domain refused a request. The message is meant for the user and is shown as is,
 * so it never carries internals; the code tells clients what kind of refusal it is.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	public DomainException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}

	public static DomainException badInput(String message) {
		return new DomainException(ErrorCode.BAD_USER_INPUT, message);
	}

	public static DomainException forbidden(String message) {
		return new DomainException(ErrorCode.FORBIDDEN, message);
	}

	public static DomainException notFound(String message) {
		return new DomainException(ErrorCode.NOT_FOUND, message);
	}

	public static DomainException unauthenticated(String message) {
		return new DomainException(ErrorCode.UNAUTHENTICATED, message);
	}

}
