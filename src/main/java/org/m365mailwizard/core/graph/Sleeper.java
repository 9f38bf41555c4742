// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.time.Duration;

/**
 * Waits between retries. Injected so that tests assert the waits Graph asked for without sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits {@code duration} unless cancelled first.
     *
     * @return true when the full time passed, false when the user cancelled
     */
    boolean sleep(Duration duration, Cancellation cancellation) throws InterruptedException;

    /** Real time, woken early by the cancellation. */
    static Sleeper system() {
        return (duration, cancellation) -> cancellation.await(duration);
    }
}
