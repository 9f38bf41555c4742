// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A cancel button for work that waits: waits end early, and the work sees that it was cancelled. */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Waits {@code time} unless cancelled first.
     *
     * @return true if the full time passed, false if cancelled (or interrupted)
     */
    public boolean sleep(Duration time) {
        try {
            return !cancelled.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
