// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * The application's logging, set up in code (found by logback through {@code META-INF/services})
 * instead of a {@code logback.xml}: one file in the per-user state folder, nothing on the console
 * (command-line output stays clean), messages and stack traces through the {@link Redactor}.
 *
 * <p>Why in code: reading an XML configuration made every start load an XML parser and logback's
 * configuration model, about 1,100 classes before the first line of output (counted with
 * {@code -Xlog:class+load}), although a command usually logs nothing. And why the file is opened
 * only by the first event: a run that logs nothing neither creates folders nor opens a file.
 *
 * <p>Tests keep their own {@code logback-test.xml}: when it is on the class path this configurator
 * steps aside and logback reads that file as usual.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %redactedMsg%n%redactedEx";
    static final String APPENDER_NAME = "FILE";
    private static final String TEST_CONFIGURATION = "logback-test.xml";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (LogConfiguration.class.getClassLoader().getResource(TEST_CONFIGURATION) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String logFile = System.getProperty(LogSetup.LOG_FILE_PROPERTY);
        apply(context, logFile != null ? Path.of(logFile)
                : Path.of(System.getProperty("java.io.tmpdir"), "m365-mail-wizard.log"));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Points {@code context} at {@code logFile}: levels and the (lazily opened) rolling file. */
    public static void apply(LoggerContext context, Path logFile) {
        // MSAL logs server error descriptions at WARN; a broken proxy could echo a secret there.
        context.getLogger("com.microsoft.aad.msal4j").setLevel(Level.ERROR);
        context.getLogger("org.xbill.DNS").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        LazyFileAppender appender = new LazyFileAppender(logFile.toAbsolutePath().toString());
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.start();
        root.addAppender(appender);
    }

    /**
     * Builds the rolling file appender on the first event that reaches it: five megabytes a file,
     * three old files kept ({@code .1} to {@code .3}).
     */
    static final class LazyFileAppender extends AppenderBase<ILoggingEvent> {

        private final String file;
        private Appender<ILoggingEvent> delegate;

        LazyFileAppender(String file) {
            this.file = file;
        }

        /** The file appender, once an event has needed it; null before. */
        Appender<ILoggingEvent> delegate() {
            return delegate;
        }

        @Override
        protected void append(ILoggingEvent event) {
            // AppenderBase.doAppend is synchronized: one thread at a time gets here.
            if (delegate == null) {
                delegate = fileAppender();
            }
            delegate.doAppend(event);
        }

        @Override
        public void stop() {
            if (delegate != null) {
                delegate.stop();
            }
            super.stop();
        }

        private Appender<ILoggingEvent> fileAppender() {
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(context);
            rolling.setName(APPENDER_NAME + "-file");
            rolling.setFile(file);

            FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
            window.setContext(context);
            window.setParent(rolling);
            window.setFileNamePattern(file + ".%i");
            window.setMinIndex(1);
            window.setMaxIndex(3);
            window.start();

            SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
            size.setContext(context);
            size.setMaxFileSize(FileSize.valueOf("5MB"));
            size.start();

            PatternLayout layout = new PatternLayout();
            layout.setContext(context);
            layout.getInstanceConverterMap().put("redactedMsg", RedactingMessageConverter::new);
            layout.getInstanceConverterMap().put("redactedEx", RedactingThrowableConverter::new);
            layout.setPattern(PATTERN);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            encoder.setContext(context);
            encoder.setLayout(layout);
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.start();

            rolling.setRollingPolicy(window);
            rolling.setTriggeringPolicy(size);
            rolling.setEncoder(encoder);
            rolling.start();
            return rolling;
        }
    }
}
