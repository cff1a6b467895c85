package io.featurecreep.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Logback's list appender on the root logger for the length of a run, keeping only what counts as a failure: ERROR
 * events, and WARN events with an exception. A sender takes the events after each request: those logged on its own
 * thread during the request (MockMvc runs the request on the caller's thread), and those of threads that send
 * nothing (background work the request started, or that just happened to log: the signature, made from the
 * exception, still tells the defect).
 */
final class LogCapture implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Set<String> senders;

	/** @param senders names of the threads that send requests */
	LogCapture(Set<String> senders) {
		this.senders = senders;
		appender.setName("fuzz");
		appender.addFilter(new Filter<>() {

			@Override
			public FilterReply decide(ILoggingEvent event) {
				boolean failure = event.getLevel().isGreaterOrEqual(Level.ERROR)
						|| event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null;
				return failure ? FilterReply.NEUTRAL : FilterReply.DENY;
			}

		});
		appender.start();
		root().addAppender(appender);
	}

	/** What the current thread's request logged; appending holds the appender's lock, so this takes it too. */
	List<ILoggingEvent> drain() {
		String self = Thread.currentThread().getName();
		synchronized (appender) {
			if (appender.list.isEmpty()) {
				return List.of();
			}
			List<ILoggingEvent> mine = new ArrayList<>();
			for (Iterator<ILoggingEvent> events = appender.list.iterator(); events.hasNext();) {
				ILoggingEvent event = events.next();
				if (event.getThreadName().equals(self) || !senders.contains(event.getThreadName())) {
					mine.add(event);
					events.remove();
				}
			}
			return mine;
		}
	}

	@Override
	public void close() {
		root().detachAppender(appender);
		appender.stop();
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
	}

}
