// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The user's "Cancel" for one send: wakes a waiting retry at once and aborts a request in flight.
 * A plain interrupt is not enough because {@code CompletableFuture.cancel} does not interrupt.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.countDown();
        hooks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Runs {@code hook} on cancel (at once if already cancelled); the returned handle removes it. */
    public Runnable onCancel(Runnable hook) {
        hooks.add(hook);
        if (isCancelled()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** Waits up to {@code duration}; true when the time passed, false when cancelled first. */
    boolean await(Duration duration) throws InterruptedException {
        return !cancelled.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }
}
