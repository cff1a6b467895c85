package io.featurecreep.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A rule of the domain refused a request. The message is meant for the user and is shown as is,
 * so it never carries internals; the code tells clients what kind of refusal it is.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final String messageKey;

	private final Object[] arguments;

	public DomainException(ErrorCode code, String message) {
		this(code, message, null, new Object[0]);
	}

	/**
	 * For refusals of a kind of their own whose words are in the bundles, as {@link #of} makes them: the message is
	 * the key's English text.
	 */
	protected DomainException(ErrorCode code, String message, String messageKey, Object[] arguments) {
		super(message);
		this.code = code;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/**
	 * A refusal whose words are in {@code messages.properties}: the message is their English text (the API's), and a
	 * page may show them in the reader's language through {@link #messageKey()} and {@link #arguments()}.
	 */
	public static DomainException of(ErrorCode code, String messageKey, Object... arguments) {
		return new DomainException(code, EnglishTexts.of(messageKey, arguments), messageKey, arguments.clone());
	}

	public ErrorCode code() {
		return code;
	}

	/** The key of the message in {@code messages.properties}; null for refusals written in English only. */
	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/**
	 * The refusal as a page shows it: in the reader's language where its words are in the bundles, else as the
	 * message (refusals written in English only).
	 */
	public String messageIn(MessageSource messages, Locale locale) {
		return messageKey == null ? getMessage() : messages.getMessage(messageKey, arguments, getMessage(), locale);
	}

	/**
	 * For pages that show a refusal of the input as a message on the form: any other refusal (not found, forbidden)
	 * is thrown on, to the error page.
	 */
	public void rethrowUnlessBadInput() {
		if (code != ErrorCode.BAD_USER_INPUT) {
			throw this;
		}
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
