// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.testsupport.LoopbackDnsServer;

/**
 * Brings the stand-in resolver, which runs in the benchmark's own JVM on the same cores as the
 * processes it measures, to its steady speed before any figure is taken. Fresh, its JIT compiled the
 * server's code during the first batch it answered and took the CPU from the measured process: the
 * same 1,000-domain batch took 2.1-2.2 s against a fresh stand-in and 1.8 s against one that had
 * already answered many questions, while one unmeasured batch before the measured one moved the figure
 * by only about 2 %. A resolver in real use is warm, and on another machine.
 *
 * <p>It asks the questions of whole checks, with the production checker, for domains none of the
 * processes asks about first, answers not delayed; then waits until the JIT has nothing left to do.
 */
final class StandInWarmUp {

    static final int CHECKS = 3_000;
    private static final int IN_FLIGHT = 64;
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private StandInWarmUp() {
    }

    /** Warms {@code server} with checks of the domains numbered from {@code first}; restores {@code delay} after. */
    static void run(LoopbackDnsServer server, InetSocketAddress address, Executor executor, int first, Duration delay)
            throws Exception {
        long started = System.nanoTime();
        server.withDelay(Duration.ZERO);
        try {
            DnsChecker checker = new DnsChecker(DnsSettings.defaults().withServers(List.of(address))
                    .withTimeout(Duration.ofSeconds(5)), executor);
            Semaphore slots = new Semaphore(IN_FLIGHT);
            CompletableFuture<?>[] checks = new CompletableFuture<?>[CHECKS];
            for (int i = 0; i < CHECKS; i++) {
                slots.acquire();
                checks[i] = checker.check(DnsFigures.request(first + i)).toCompletableFuture()
                        .thenAccept(DnsFigures::requirePass)
                        .whenComplete((ignored, error) -> slots.release());
            }
            CompletableFuture.allOf(checks).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            awaitCompilerQuiet();
        } finally {
            server.withDelay(delay);
        }
        Figures.note("stand-in resolver warmed: " + CHECKS + " checks of other domains, answers not delayed, in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    /** Waits until the JIT's total compiling time has not grown for {@link #QUIET}, at most {@link #LIMIT}. */
    private static void awaitCompilerQuiet() throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            Thread.sleep(QUIET.toMillis());
            return;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = compiler.getTotalCompilationTime();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(QUIET.toMillis());
        }
    }
}
