// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one executor the application owns for network and DNS work: named daemon threads (so a hung
 * lookup never keeps the process alive), failures logged, shut down on exit.
 */
public final class AppExecutors implements AutoCloseable {

    private final ExecutorService background;

    public AppExecutors(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "m365-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log().error("Uncaught failure on {}", t.getName(), e));
            return thread;
        };
        this.background = Executors.newFixedThreadPool(threads, factory);
    }

    /** Looked up when needed: created at start, this class must not set logging up on the start's critical path. */
    private static Logger log() {
        return LoggerFactory.getLogger(AppExecutors.class);
    }

    public static AppExecutors withDefaultSize() {
        // DNS and HTTP work waits on the network, not the CPU: more threads than cores pays off.
        return new AppExecutors(Math.max(8, Runtime.getRuntime().availableProcessors() * 4));
    }

    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            if (!background.awaitTermination(2, TimeUnit.SECONDS)) {
                log().warn("Background work still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
