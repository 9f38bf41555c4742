// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for background work to be over, so that a test can then say "nothing came late" without
 * waiting a fixed time (which proves nothing on a busy machine and wastes time on an idle one).
 */
public final class BackgroundWork {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private BackgroundWork() {
    }

    /** Waits until the condition holds; fails with {@code what} after {@link #PATIENCE}. */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
