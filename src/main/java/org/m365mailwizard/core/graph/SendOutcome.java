// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.util.Locale;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Status;

/** How a test mail ended, from the user's point of view. */
public enum SendOutcome {
    /** Graph answered 202: accepted for delivery, not yet delivered. */
    ACCEPTED(ExitCode.OK, Status.PASS, false),
    /** Microsoft refused it with an error; nothing was sent. */
    REFUSED(ExitCode.CHECK_FAILED, Status.FAIL, false),
    /** The token lacks a permission the chosen attachments need; stopped before anything was sent. */
    NOT_PERMITTED(ExitCode.CHECK_FAILED, Status.FAIL, false),
    /** Still throttled after the allowed waits; nothing was sent, try later. */
    THROTTLED(ExitCode.UNAVAILABLE, Status.ERROR, false),
    /** Microsoft could not be reached, or failed before the mail was handed over; nothing was sent. */
    UNREACHABLE(ExitCode.UNAVAILABLE, Status.ERROR, false),
    /** The mail was handed over but no clear answer came back: it may have been sent. Not re-sent. */
    OUTCOME_UNKNOWN(ExitCode.UNAVAILABLE, Status.ERROR, true),
    /** The user cancelled before the mail was handed over; nothing was sent. */
    CANCELLED(ExitCode.UNAVAILABLE, Status.ERROR, false);

    private final int exitCode;
    private final Status status;
    private final boolean mayHaveBeenSent;

    SendOutcome(int exitCode, Status status, boolean mayHaveBeenSent) {
        this.exitCode = exitCode;
        this.status = status;
        this.mayHaveBeenSent = mayHaveBeenSent;
    }

    public int exitCode() {
        return exitCode;
    }

    public Status status() {
        return status;
    }

    /** True when sending again could deliver a second copy: the user has to decide. */
    public boolean mayHaveBeenSent() {
        return mayHaveBeenSent;
    }

    /** Lower-case name with hyphens, for JSON, e.g. {@code outcome-unknown}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
