// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of daemon threads that knows how many tasks are given and not yet over (the pool's
 * own active count misses a task between leaving the queue and starting). Once work is known to
 * have reached the pool, {@link #awaitIdle()} means it is over: a stage completed by a pool thread
 * runs every callback chained to it inside that task, including a hand-over to the FX thread.
 */
public final class TrackedPool extends ThreadPoolExecutor {

    private final AtomicInteger unfinished = new AtomicInteger();

    public TrackedPool(int threads, String name) {
        super(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(Runnable command) {
        unfinished.incrementAndGet();
        try {
            super.execute(command);
        } catch (RuntimeException refused) {
            unfinished.decrementAndGet();
            throw refused;
        }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        unfinished.decrementAndGet();
    }

    /** Waits until every task given so far (and any they gave) is over. */
    public void awaitIdle() {
        BackgroundWork.await("the background pool to be idle", () -> unfinished.get() == 0);
    }
}
