// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.testsupport;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes every task on and counts them: a test learns that background work has handed its results
 * over (even results the receiver then drops) without watching the clock.
 */
public final class CountingExecutor implements Executor {

    private final Executor target;
    private final AtomicInteger handed = new AtomicInteger();

    public CountingExecutor(Executor target) {
        this.target = Objects.requireNonNull(target);
    }

    @Override
    public void execute(Runnable task) {
        handed.incrementAndGet();
        target.execute(task);
    }

    /** Tasks handed over so far. */
    public int count() {
        return handed.get();
    }
}
