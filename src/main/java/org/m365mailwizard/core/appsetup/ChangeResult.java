// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.util.Objects;
import org.m365mailwizard.core.check.Message;

/** What became of one planned change. {@code detail} says why when it failed. */
public record ChangeResult(PlannedChange change, Outcome outcome, Message detail) {

    /** The state of a change after a run. */
    public enum Outcome { DONE, FAILED, NOT_RUN, UNDONE, UNDO_FAILED }

    public ChangeResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(outcome, "outcome");
    }
}
