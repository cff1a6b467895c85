package io.featurecreep.healthcheck;

/** Live: a facilitator moves everyone through the questions. Async: open until a deadline. */
public enum SessionMode {

	LIVE, ASYNC

}
