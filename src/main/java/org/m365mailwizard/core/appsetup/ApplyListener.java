// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.time.Duration;

/** Progress of a run, change by change (called on the worker thread; faces hand it to their own). */
public interface ApplyListener {

    default void started(PlannedChange change) {
    }

    /** Entra has not yet replicated an object this change needs; retry {@code retry} follows after {@code delay}. */
    default void waiting(PlannedChange change, int retry, Duration delay) {
    }

    default void finished(ChangeResult result) {
    }

    ApplyListener NONE = new ApplyListener() {
    };
}
