// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Records the log events of the named loggers (and their children) before any redaction. Opened to
 * TRACE, a test that finds no secret here has shown that the code (and MSAL) never handed one to the
 * logger at all, at any level. The stand-ins' own server loggers (Jetty, WireMock) are not recorded:
 * they see the request body by design and are not part of the product.
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

    private LogCapture() {
    }

    /** Starts recording the named loggers, opened to TRACE until {@link #close()}. */
    public static LogCapture everything(String... loggers) {
        LogCapture capture = atConfiguredLevels(loggers);
        for (String name : loggers) {
            capture.open((Logger) LoggerFactory.getLogger(name));
        }
        return capture;
    }

    /** Starts recording the named loggers at the levels the logging configuration gives them (what reaches the file). */
    public static LogCapture atConfiguredLevels(String... loggers) {
        LogCapture capture = new LogCapture();
        List<String> prefixes = List.of(loggers);
        capture.appender.addFilter(new ch.qos.logback.core.filter.Filter<>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
                return prefixes.stream().anyMatch(p -> event.getLoggerName().startsWith(p))
                        ? ch.qos.logback.core.spi.FilterReply.NEUTRAL : ch.qos.logback.core.spi.FilterReply.DENY;
            }
        });
        capture.appender.start();
        capture.root.addAppender(capture.appender);
        return capture;
    }

    private void open(Logger logger) {
        previousLevels.put(logger, logger.getLevel());
        logger.setLevel(Level.TRACE);
    }

    /** Every message, its arguments and every stack trace line, as one text. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : new ArrayList<>(appender.list)) {
            out.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                out.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy line : t.getStackTraceElementProxyArray()) {
                    out.append("  ").append(line.getSTEAsString()).append('\n');
                }
            }
        }
        return out.toString();
    }

    public int size() {
        return appender.list.size();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        previousLevels.forEach(Logger::setLevel);
    }
}
