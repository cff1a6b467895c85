package io.featurecreep.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Decides whether a request broke something, and if so what: a failure's signature names the symptoms, the
 * exception and the place in our code it came from (or the route, when no frame of ours is involved), so that
 * thousands of failing requests fold into the few defects behind them.
 *
 * <p>
 * Broken means: a 5xx status, an exception no handler caught, a GraphQL error the server classed as its own
 * fault, an ERROR logged (or a WARN with an exception), a stack trace or a Java object's identity in the body, a
 * control character in a response header, or no answer at all. A 4xx is not broken: refusing bad input is what
 * the fuzzer wants to see.
 */
final class Oracles {

	private static final Pattern STACK_TRACE = Pattern
		.compile("(?:Exception|Error)[:\\s].{0,400}?\\bat (?:java|jdk|org|io|jakarta|graphql|tools|com|sun)\\.[\\w.$]+\\(",
				Pattern.DOTALL);

	/** {@code [Ljava.lang.String;@1b2c3d} or {@code io.featurecreep.Thing@1b2c3d}: an object printed as text. */
	private static final Pattern JAVA_IDENTITY = Pattern
		.compile("\\[L[\\w.$]+;@[0-9a-f]{4,}|\\b(?:java|io|org)\\.(?:[a-z]\\w*\\.)+[A-Z][\\w$]*@[0-9a-f]{4,}");

	/** Properties Jackson writes when it serializes a Reactor publisher or an exception instead of a result. */
	private static final Pattern SERIALIZED_INTERNALS = Pattern
		.compile("\"(?:scanAvailable|upstreamPublisher|stackTrace|localizedMessage|suppressed)\"\\s*:");

	/** C0 controls other than tab, line feed and carriage return: an HTML parse error, invisible to the reader. */
	private static final Pattern CONTROL_CHARACTER = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private static final String OUR_CODE = "io.featurecreep.";

	private static final String NONE_OF_OURS = " (no frame of ours)";

	private Oracles() {
	}

	/** The failure this request showed, or null if it did nothing wrong. */
	static Failure judge(FuzzRequest request, Outcome outcome) {
		Set<String> symptoms = new LinkedHashSet<>();
		Throwable exception = null;
		IThrowableProxy loggedException = null;
		String loggedAt = null;
		if (outcome.escaped() != null) {
			symptoms.add("unhandled " + outcome.escaped().getClass().getSimpleName());
			exception = unwrap(outcome.escaped());
		}
		else if (outcome.neverAnswered()) {
			symptoms.add("no answer");
		}
		else if (outcome.status() >= 500) {
			symptoms.add("HTTP " + outcome.status());
			exception = outcome.resolved();
		}
		if (outcome.body().contains("\"INTERNAL_SERVER_ERROR\"") || outcome.body().contains("\"INTERNAL_ERROR\"")) {
			symptoms.add("GraphQL INTERNAL error");
		}
		for (ILoggingEvent event : outcome.logged()) {
			symptoms.add(event.getLevel() + " logged by " + shortName(event.getLoggerName()));
			if (loggedException == null && event.getThrowableProxy() != null) {
				loggedException = event.getThrowableProxy();
				loggedAt = event.getFormattedMessage();
			}
		}
		if (STACK_TRACE.matcher(outcome.body()).find()) {
			symptoms.add("stack trace in the response");
		}
		if (JAVA_IDENTITY.matcher(outcome.body()).find()) {
			symptoms.add("Java object identity in the response");
		}
		if (SERIALIZED_INTERNALS.matcher(outcome.body()).find()) {
			symptoms.add("a framework object serialized into the response");
		}
		if (symptoms.isEmpty() && isHtml(outcome) && CONTROL_CHARACTER.matcher(outcome.body()).find()) {
			// pages echo what was typed, control characters too: worth knowing, but the request itself worked
			return new Failure("control character in an HTML page", detail(outcome, null, null, null), false);
		}
		for (Map.Entry<String, List<String>> header : outcome.headers().entrySet()) {
			for (String value : header.getValue()) {
				if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
					symptoms.add("control character in response header " + header.getKey());
				}
			}
		}
		if (symptoms.isEmpty()) {
			return null;
		}
		String cause;
		String where;
		if (exception != null) {
			cause = chain(exception);
			where = ourFrame(exception);
		}
		else if (loggedException != null) {
			cause = chain(loggedException);
			where = ourFrame(loggedException);
		}
		else {
			cause = "no exception";
			where = null;
		}
		// pages by route alone (one handler, whatever the method); GraphQL by method and kind of request
		// one handler whatever the method for pages; for GraphQL the method decides which handler runs
		String route = request.route().equals(GraphQlFuzzer.PATH) ? "on " + request.method() + " " + request.route()
				: "on " + request.route();
		if (where == null) {
			where = route;
		}
		else if (where.endsWith(NONE_OF_OURS)) {
			where = where.replace(NONE_OF_OURS, ", " + route);
		}
		String signature = String.join(" + ", symptoms) + " | " + cause + " | " + where;
		return new Failure(signature, detail(outcome, exception, loggedException, loggedAt), true);
	}

	private static boolean isHtml(Outcome outcome) {
		List<String> type = outcome.headers().get("Content-Type");
		return type != null && type.stream().anyMatch(value -> value.startsWith("text/html"));
	}

	/** Servlet wrappers say nothing: the exception inside them does. */
	private static Throwable unwrap(Throwable escaped) {
		Throwable inner = escaped;
		while (inner.getCause() != null && inner instanceof jakarta.servlet.ServletException) {
			inner = inner.getCause();
		}
		return inner;
	}

	/** Whether the exception came from the application (or its framework), not from building the request. */
	static boolean reachedApplication(Throwable escaped) {
		for (Throwable t = escaped; t != null; t = t.getCause()) {
			for (StackTraceElement frame : t.getStackTrace()) {
				String name = frame.getClassName();
				if (name.equals("org.springframework.mock.web.MockFilterChain")
						|| name.startsWith("org.springframework.web.servlet.") || name.startsWith("jakarta.servlet.")) {
					return true;
				}
			}
		}
		return false;
	}

	private static String chain(Throwable exception) {
		List<String> names = new ArrayList<>();
		for (Throwable t = exception; t != null && names.size() < 4; t = t.getCause()) {
			names.add(t.getClass().getSimpleName());
		}
		return String.join(" <- ", names);
	}

	private static String chain(IThrowableProxy exception) {
		List<String> names = new ArrayList<>();
		for (IThrowableProxy t = exception; t != null && names.size() < 4; t = t.getCause()) {
			names.add(shortName(t.getClassName()));
		}
		return String.join(" <- ", names);
	}

	private static String ourFrame(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return where(root.getStackTrace());
	}

	private static String ourFrame(IThrowableProxy exception) {
		IThrowableProxy root = exception;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return where(Arrays.stream(root.getStackTraceElementProxyArray())
			.map(StackTraceElementProxy::getStackTraceElement)
			.toArray(StackTraceElement[]::new));
	}

	/**
	 * Where the root cause was thrown, and the innermost frame of the application's own code it passed through
	 * (which may be a filter far from the fault, when the fault is in a library): both, so that one library fault
	 * reached from two places shows as two, and two faults passing one filter do not show as one.
	 */
	private static String where(StackTraceElement[] frames) {
		if (frames.length == 0) {
			return null;
		}
		// a library's line numbers change with its version and with the input's path through it: not part of a defect
		String thrown = frames[0].getClassName().startsWith(OUR_CODE) ? "thrown at " + frame(frames[0])
				: "thrown in " + shortName(frames[0].getClassName()) + "." + frames[0].getMethodName();
		for (StackTraceElement frame : frames) {
			String name = frame.getClassName();
			if (name.startsWith(OUR_CODE) && !name.startsWith(OUR_CODE + "fuzz.") && !name.startsWith(OUR_CODE + "support.")
					&& !name.contains("$$")) {
				return frame == frames[0] ? thrown : thrown + ", in our " + frame(frame);
			}
		}
		return thrown + NONE_OF_OURS;
	}

	private static String frame(StackTraceElement frame) {
		return shortName(frame.getClassName()) + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
				+ frame.getLineNumber() + ")";
	}

	private static String detail(Outcome outcome, Throwable exception, IThrowableProxy logged, String loggedMessage) {
		StringBuilder text = new StringBuilder();
		text.append("status ").append(outcome.escaped() != null ? "500 (exception escaped)" : outcome.status());
		List<String> location = outcome.headers().get("Location");
		if (location != null) {
			text.append(", Location: ").append(FuzzRequest.Shown.cut(String.join(", ", location), 200));
		}
		List<String> type = outcome.headers().get("Content-Type");
		if (type != null) {
			text.append(", Content-Type: ").append(String.join(", ", type));
		}
		if (!outcome.body().isEmpty()) {
			text.append("\n      body: ").append(FuzzRequest.Shown.cut(outcome.body(), 500));
		}
		if (exception != null) {
			text.append("\n      exception: ").append(FuzzRequest.Shown.cut(String.valueOf(exception), 400));
		}
		if (logged != null) {
			text.append("\n      logged: ").append(FuzzRequest.Shown.cut(loggedMessage, 200)).append(": ")
				.append(logged.getClassName()).append(": ").append(FuzzRequest.Shown.cut(logged.getMessage(), 300));
		}
		for (ILoggingEvent event : outcome.logged()) {
			if (event.getThrowableProxy() == null && event.getLevel().isGreaterOrEqual(Level.ERROR)) {
				text.append("\n      logged: ").append(FuzzRequest.Shown.cut(event.getFormattedMessage(), 300));
			}
		}
		return text.toString();
	}

	private static String shortName(String className) {
		return className == null ? "?" : className.substring(className.lastIndexOf('.') + 1);
	}

	/**
	 * A broken request: what kind of failure (its signature) and what the server answered.
	 *
	 * @param breaks false for a blemish the report lists without failing the run
	 */
	record Failure(String signature, String detail, boolean breaks) {
	}

}
