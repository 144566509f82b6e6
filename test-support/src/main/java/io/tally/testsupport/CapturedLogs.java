package io.tally.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What one Logback logger writes from the moment this is made until it is closed, so that a test can hold code to
 * its log lines (a correlation id named, an address or a secret left out) without wiring an appender by hand. Close
 * it, with try-with-resources or in an {@code @AfterEach}: the logger is shared by every test in the JVM, and an
 * appender left on it would go on collecting the others' lines.
 */
public final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(Logger logger) {
        this.logger = logger;
        appender.start();
        logger.addAppender(appender);
    }

    /** The lines of the logger named for {@code type}, as {@code LoggerFactory.getLogger(type)} names it. */
    public static CapturedLogs of(Class<?> type) {
        return of(type.getName());
    }

    public static CapturedLogs of(String loggerName) {
        if (!(LoggerFactory.getLogger(loggerName) instanceof Logger logger)) {
            throw new IllegalStateException("Logs are captured from Logback, and SLF4J is bound to "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        return new CapturedLogs(logger);
    }

    /**
     * The events so far, oldest first. Copied under the appender's own lock, the one Logback appends under, so that
     * a line logged by another thread meanwhile cannot break the copy.
     */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The events' messages with their arguments filled in, oldest first. */
    public List<String> lines() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
