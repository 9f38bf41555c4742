// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;
import org.m365mailwizard.core.input.DomainName;

/**
 * The in-process DNS figures: one full check through the production {@link DnsChecker} (warmed up,
 * the median of several), the longest chain of dependent questions of that check, and the same
 * check with one question at a time.
 */
final class DnsFigures {

    private static final int WARM_UP = 15;
    private static final int TIMED = 9;
    private static final int SEQUENTIAL = 3;

    private final DnsSettings settings;
    private final Executor executor;
    private final Duration delay;

    DnsFigures(InetSocketAddress server, Executor executor, Duration delay) {
        this.settings = DnsSettings.defaults().withServers(List.of(server)).withTimeout(Duration.ofSeconds(5));
        this.executor = executor;
        this.delay = delay;
    }

    void run(Figures out) throws Exception {
        DnsChecker checker = new DnsChecker(settings, executor);
        for (int i = 0; i < WARM_UP; i++) {
            requirePass(await(checker.check(request(100 + i))));
        }
        List<Long> full = new ArrayList<>();
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            DnsReport report = await(checker.check(request(200 + i)));
            full.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            requirePass(report);
        }
        long fullMs = Figures.median(full);

        DnsCheckRequest traced = request(300);
        QuestionLog log = new QuestionLog(settings.newClient(traced.domain().ascii(), executor), traced.domain().ascii());
        requirePass(await(DnsChecker.check(log, traced, f -> { })));
        List<QuestionLog.Question> chain = log.longestChain();
        long criticalMs = chain.size() * delay.toMillis();
        Figures.note("longest chain of dependent questions (" + chain.size() + "): "
                + chain.stream().map(Object::toString).collect(Collectors.joining(" -> "))
                + "; questions sent in one check: " + log.questions().size());

        List<Long> sequential = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            sequential.add(timed(i + 400, client -> new OneAtATimeDnsClient(client)));
        }

        out.print("dns_full_check_ms", fullMs, "ms");
        out.print("dns_critical_path_ms", criticalMs, "ms");
        out.print("dns_ratio", String.format(java.util.Locale.ROOT, "%.2f", (double) fullMs / criticalMs), "x");
        out.print("dns_sequential_ms", Figures.median(sequential), "ms");
        out.print("dns_queries_per_check", log.questions().size(), "queries");
    }

    private long timed(int index, Function<DnsClient, DnsClient> wrap) throws Exception {
        DnsCheckRequest request = request(index);
        DnsClient client = wrap.apply(settings.newClient(request.domain().ascii(), executor));
        long start = System.nanoTime();
        DnsReport report = await(DnsChecker.check(client, request, f -> { }));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        requirePass(report);
        return ms;
    }

    static DnsCheckRequest request(int index) {
        DomainName name = ((DomainName.Valid) DomainName.parse(BenchZones.domain(index))).name();
        return new DnsCheckRequest(name, Cloud.GLOBAL, Optional.empty());
    }

    private static DnsReport await(java.util.concurrent.CompletionStage<DnsReport> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** A figure measured on failing checks would measure the wrong thing: stop instead. */
    static void requirePass(DnsReport report) {
        List<Finding> notPassed = report.findings().stream().filter(f -> f.status() != Status.PASS).toList();
        if (!notPassed.isEmpty()) {
            throw new IllegalStateException("benchmark zone of " + report.domain().ascii() + " did not pass: "
                    + notPassed.stream().map(f -> f.id() + "=" + f.status().jsonName() + " " + f.message())
                    .collect(Collectors.joining("; ")));
        }
    }
}
