package io.featurecreep.shared;

/**
 * The error codes a client sees in {@code extensions.code}; the first three are the original API's.
 * {@code TOO_MANY_REQUESTS}: a rate limit refused the request; its message says when to try again.
 */
public enum ErrorCode {

	BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INTERNAL_SERVER_ERROR, TOO_MANY_REQUESTS

}
