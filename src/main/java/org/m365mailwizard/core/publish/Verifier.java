// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;

/**
 * After an apply: the DNS checks again, asked of the domain's own name servers (authoritative
 * mode, so no resolver cache hides the change), until every check the plan wrote for passes or the
 * time limit is reached.
 */
public final class Verifier {

    /** One round. */
    public record Progress(int round, int passing, int total, Duration elapsed) {
    }

    /** The last round's findings of the checks waited for. */
    public record Result(boolean visible, List<Finding> findings, int rounds) {
    }

    private final DnsChecker checker;

    /** @param checker a checker in authoritative mode */
    public Verifier(DnsChecker checker) {
        this.checker = checker;
    }

    public Result verify(DnsCheckRequest request, Set<String> checkIds, Duration limit, Duration interval,
                         Consumer<Progress> progress, BooleanSupplier cancelled) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Finding> last = List.of();
        int round = 0;
        while (!cancelled.getAsBoolean()) {
            round++;
            last = relevant(run(request, limit), checkIds);
            int passing = (int) last.stream().filter(f -> f.status() == Status.PASS || f.status() == Status.WARN).count();
            progress.accept(new Progress(round, passing, checkIds.size(), Duration.ofNanos(System.nanoTime() - start)));
            if (passing == checkIds.size()) {
                return new Result(true, last, round);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, interval.toNanos()));
        }
        return new Result(false, last, round);
    }

    private static List<Finding> relevant(DnsReport report, Set<String> ids) {
        return report.findings().stream().filter(f -> ids.contains(f.id())).toList();
    }

    private DnsReport run(DnsCheckRequest request, Duration limit) throws InterruptedException {
        try {
            return checker.check(request).toCompletableFuture().get(Math.max(limit.toSeconds(), 30), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return new DnsReport(request.domain(), request.cloud(), List.of());
        }
    }
}
