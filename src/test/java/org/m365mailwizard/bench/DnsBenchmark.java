// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.testsupport.LoopbackDnsServer;

/**
 * Prints the DNS figures of issue 10 as {@code name: value unit}, measured here and now against
 * the loopback zones with every answer delayed (50 ms by default):
 * <ul>
 *   <li>{@code dns_full_check_ms}: one full check of contoso.com (six checks), median of runs;</li>
 *   <li>{@code dns_queries} and {@code dns_query_delay_sum_ms}: the questions one check asks, and
 *       their delays added up (what a check asking one question at a time would wait);</li>
 *   <li>{@code dns_critical_path_ms}: the delay times the longest chain of dependent questions,
 *       the chain measured as the growth of the check time per millisecond of added delay;</li>
 *   <li>{@code dns_ratio}: full check over critical path;</li>
 *   <li>{@code dns_sequential_ms}: the same checks with one question in flight at a time;</li>
 *   <li>{@code batch_domains_per_s}, {@code batch_peak_rss_mb}: a {@code check-dns --domains-file}
 *       process over N generated domains (argument 1, default 1000), default parallelism, start to exit.</li>
 * </ul>
 * Not a test: these machines are noisy. Run its main with the test classpath (see the README, Performance).
 */
public final class DnsBenchmark {

    private static final int RUNS = 7;

    private DnsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int domains = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        boolean batchOnly = args.length > 2 && args[2].equals("batch-only");
        try (ZoneFixture zones = ZoneFixture.start();
             LoopbackDnsServer delayed = LoopbackDnsServer.start(zones.zones()).withDelay(Duration.ofMillis(delayMs))) {
            DnsSettings settings = zones.settings().withServers(List.of(new InetSocketAddress("127.0.0.1", delayed.port())))
                    .withTimeout(Duration.ofSeconds(5));
            DnsChecker checker = new DnsChecker(settings, zones.executor());
            DnsCheckRequest contoso = DnsCheckRequest.of(((DomainName.Valid) DomainName.parse("contoso.com")).name(),
                    Cloud.GLOBAL);
            if (!batchOnly) {
                singleCheck(checker, contoso, delayed, delayMs, zones);
            }
            batch(zones, delayed, domains);
        }
        System.exit(0);
    }

    private static void singleCheck(DnsChecker checker, DnsCheckRequest request, LoopbackDnsServer delayed, long delayMs,
                                    ZoneFixture zones) throws Exception {
        for (int i = 0; i < 3; i++) {
            checker.check(request).toCompletableFuture().get(); // warm up the JIT and the sockets
        }
        delayed.resetCounts();
        double full = median(() -> checker.check(request).toCompletableFuture().get());
        int queries = delayed.queryCount() / RUNS;

        delayed.withDelay(Duration.ofMillis(delayMs * 2));
        double doubled = median(() -> checker.check(request).toCompletableFuture().get());
        delayed.withDelay(Duration.ofMillis(delayMs));
        long chain = Math.round((doubled - full) / delayMs);

        DnsClient oneAtATime = new OneAtATime(checker.settings().newClient("contoso.com", zones.executor()));
        double sequential = median(() -> DnsChecker.check(oneAtATime, request, f -> { }).toCompletableFuture().get());

        print("dns_answer_delay_ms", delayMs, "ms");
        print("dns_full_check_ms", full, "ms");
        print("dns_queries", queries, "queries");
        print("dns_query_delay_sum_ms", queries * delayMs, "ms");
        print("dns_critical_path_queries", chain, "queries");
        print("dns_critical_path_ms", chain * delayMs, "ms");
        print("dns_ratio", full / (chain * delayMs), "");
        print("dns_sequential_ms", sequential, "ms");
    }

    private static void batch(ZoneFixture zones, LoopbackDnsServer delayed, int count) throws Exception {
        StringBuilder zone = new StringBuilder("""
                $TTL 3600
                @ IN SOA ns1.bench.example. hostmaster.bench.example. 1 3600 600 1209600 300
                @ IN NS ns1.bench.example.
                ns1 IN A 127.0.0.1
                """);
        Path list = Files.createTempFile("domains", ".txt");
        try (Writer out = Files.newBufferedWriter(list)) {
            for (int i = 0; i < count; i++) {
                String d = "d" + i;
                zone.append(d).append(" IN MX 0 ").append(d).append("-bench-example.mail.protection.outlook.com.\n")
                        .append(d).append(" IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"\n")
                        .append("autodiscover.").append(d).append(" IN CNAME autodiscover.outlook.com.\n")
                        .append("selector1._domainkey.").append(d)
                        .append(" IN CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com.\n")
                        .append("selector2._domainkey.").append(d)
                        .append(" IN CNAME selector2-contoso-com._domainkey.contoso.onmicrosoft.com.\n")
                        .append("_dmarc.").append(d).append(" IN TXT \"v=DMARC1; p=reject\"\n");
                out.write(d + ".bench.example\n");
            }
        }
        zones.zones().addZone("bench.example.", zone.toString());
        // The batch runs as its own process (the real launcher), so that its memory is measured apart
        // from this process, which holds every generated zone.
        Path home = Files.createTempDirectory("bench-home");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // e.g. -Dbench.childJvm=-Xmx64m: proves the batch fits a small fixed heap whatever the list length
        String childJvm = System.getProperty("bench.childJvm", "");
        if (!childJvm.isBlank()) {
            command.addAll(List.of(childJvm.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.m365mailwizard.app.Main",
                "check-dns", "--domains-file", list.toString(), "--format", "json", "--resolver", delayed.address()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_STATE_HOME", home.toString());
        long start = System.nanoTime();
        Process child = builder.start();
        long peakKb = 0;
        while (child.isAlive()) {
            peakKb = Math.max(peakKb, residentKb(child.pid()));
            child.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print("batch_domains", count, "domains");
        print("batch_exit_code", child.exitValue(), "");
        print("batch_wall_s", seconds, "s");
        print("batch_domains_per_s", count / seconds, "domains/s");
        print("batch_peak_rss_mb", peakKb / 1024.0, "MB");
        Files.deleteIfExists(list);
    }

    /** Resident memory of a process in kB (Linux), 0 when it cannot be read (e.g. it just ended). */
    private static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double median(Run run) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static void print(String name, double value, String unit) {
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
        System.out.println((name + ": " + number + " " + unit).strip());
    }

    /** A client that lets one question out at a time: what the checks would cost without concurrency. */
    private static final class OneAtATime implements DnsClient {
        private final DnsClient inner;
        private final Semaphore one = new Semaphore(1);
        private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "one-at-a-time");
            t.setDaemon(true);
            return t;
        });

        OneAtATime(DnsClient inner) {
            this.inner = inner;
        }

        @Override
        public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
            return CompletableFuture.runAsync(() -> one.acquireUninterruptibly(), waiters)
                    .thenCompose(v -> inner.query(absoluteName, type))
                    .whenComplete((answer, error) -> one.release());
        }
    }
}
