// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import java.util.Objects;
import org.m365mailwizard.core.check.Message;

/**
 * What a view model says about one field: nothing, a missing value, an error, or a warning, with the
 * message to show (not yet localised). Missing and error block the step; a warning does not.
 */
public record Feedback(Level level, Message message) {

    /** How serious the feedback is. */
    public enum Level {
        /** Valid, nothing to say. */
        NONE,
        /** Required and still empty: a hint, not an accusation. */
        MISSING,
        ERROR,
        WARNING
    }

    public static final Feedback NONE = new Feedback(Level.NONE, null);

    public Feedback {
        Objects.requireNonNull(level, "level");
        if (level != Level.NONE) {
            Objects.requireNonNull(message, "message");
        }
    }

    public static Feedback missing(Message message) {
        return new Feedback(Level.MISSING, message);
    }

    public static Feedback error(Message message) {
        return new Feedback(Level.ERROR, message);
    }

    public static Feedback warning(Message message) {
        return new Feedback(Level.WARNING, message);
    }

    /** True when the field keeps the step from advancing. */
    public boolean blocks() {
        return level == Level.MISSING || level == Level.ERROR;
    }
}
