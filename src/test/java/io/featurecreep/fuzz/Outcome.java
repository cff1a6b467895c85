package io.featurecreep.fuzz;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * What one request did: the response as a client would see it, and what only the server knows (an exception
 * that escaped every handler, the exception a resolver turned into the status, what was logged meanwhile).
 *
 * @param status the status; 500 when an exception escaped (a servlet container answers 500 then)
 * @param headers response headers
 * @param body the body as UTF-8 text
 * @param escaped an exception that no handler caught, or null
 * @param resolved the exception Spring MVC turned into the response, or null
 * @param logged ERROR events, and WARN events with an exception, logged while it ran
 * @param neverAnswered true when the request started asynchronous work that did not finish in time
 * @param stream true when it opened an event stream (closed again by the fuzzer)
 */
record Outcome(int status, Map<String, List<String>> headers, String body, Throwable escaped, Throwable resolved,
		List<ILoggingEvent> logged, boolean neverAnswered, boolean stream) {

	String statusClass() {
		return escaped != null ? "unhandled" : neverAnswered ? "no answer" : (status / 100) + "xx";
	}

}
