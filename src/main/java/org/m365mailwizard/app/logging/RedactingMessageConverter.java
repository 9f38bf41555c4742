// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback {@code %msg} with {@link Redactor} applied; registered as {@code %redactedMsg} by {@link LogConfiguration}. */
public final class RedactingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.redact(super.convert(event));
    }
}
