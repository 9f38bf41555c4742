// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.testsupport.LoopbackDnsServer;

/**
 * A batch asks each shared question once (SharedAnswers): counted at the benchmark's loopback DNS
 * server, the benchmark's own zone (every domain includes Microsoft's, a mailing service's and a
 * CRM's SPF records and sends DMARC reports to the same outside service). Counts, not timings.
 */
class BatchQuestionsTest {

    private static final int DOMAINS = 20;
    private static LoopbackDnsServer server;
    private static ExecutorService executor;
    private DnsChecker checker;

    @BeforeAll
    static void startServer() throws Exception {
        server = LoopbackDnsServer.start(BenchZones.responder(Path.of("src/test/resources/zones"), DOMAINS));
        executor = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @BeforeEach
    void freshCounts() {
        DnsSettings settings = DnsSettings.defaults().withServers(List.of(new java.net.InetSocketAddress("127.0.0.1",
                server.port()))).withTimeout(Duration.ofSeconds(5));
        checker = new DnsChecker(settings, executor);
        server.resetCounts();
    }

    @Test
    void aBatchAsksTheQuestionsItsDomainsShareOnceWhileEveryDomainAsksItsOwn() throws Exception {
        int alone = questionsOfOneCheck(checker, 1);
        DnsChecker batch = checker.forBatch();
        int first = questionsOfOneCheck(batch, 1);
        int second = questionsOfOneCheck(batch, 2);
        assertThat(first).as("the batch's first domain asks everything").isEqualTo(alone);
        // Microsoft's SPF include, the mailing service's, the CRM's and its address list, the autodiscover host...
        assertThat(second).as("a later domain asks only its own names").isLessThanOrEqualTo(alone - 4);

        // Twenty at once (answers still in flight are shared too): the shared questions are sent once.
        DnsChecker another = checker.forBatch();
        server.resetCounts();
        checkAll(another, 1, DOMAINS);
        assertThat(server.queryCount()).isEqualTo(alone + (DOMAINS - 1) * second);
        assertThat(another.batchAnswers().orElseThrow().questionsSent()).isEqualTo(server.queryCount());
    }

    @Test
    void withoutTheBatchEveryDomainAsksEverything() throws Exception {
        int alone = questionsOfOneCheck(checker, 1);
        server.resetCounts();
        checkAll(checker, 1, DOMAINS);
        assertThat(server.queryCount()).isEqualTo(DOMAINS * alone);
        assertThat(checker.batchAnswers()).isEmpty();
    }

    @Test
    void answersAreNeverSharedWithABatchThatAsksAnotherResolver() throws Exception {
        int alone = questionsOfOneCheck(checker, 1);
        DnsChecker batch = checker.forBatch();
        questionsOfOneCheck(batch, 1);
        try (LoopbackDnsServer other = LoopbackDnsServer.start(
                BenchZones.responder(Path.of("src/test/resources/zones"), DOMAINS))) {
            // As check-dns --resolver does: the same checker with other settings, then its own batch.
            DnsChecker elsewhere = batch.withSettings(batch.settings().withServers(List.of(
                    new java.net.InetSocketAddress("127.0.0.1", other.port())))).forBatch();
            server.resetCounts();
            requirePass(elsewhere.check(request(2)).toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertThat(other.queryCount()).as("every question goes to the other resolver").isEqualTo(alone);
            assertThat(server.queryCount()).isZero();
            assertThat(batch.withSettings(batch.settings()).batchAnswers())
                    .as("new settings start without the batch's answers").isEmpty();
        }
    }

    @Test
    void aSingleCheckAsksElevenQuestions() throws Exception {
        // The figure README's dns_queries_per_check reports; batches save from this.
        assertThat(questionsOfOneCheck(checker, 3)).isEqualTo(11);
    }

    private int questionsOfOneCheck(DnsChecker dns, int index) throws Exception {
        server.resetCounts();
        requirePass(dns.check(request(index)).toCompletableFuture().get(30, TimeUnit.SECONDS));
        return server.queryCount();
    }

    private static void checkAll(DnsChecker dns, int from, int to) throws Exception {
        List<CompletableFuture<DnsReport>> running = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            running.add(dns.check(request(i)).toCompletableFuture());
        }
        for (CompletableFuture<DnsReport> report : running) {
            requirePass(report.get(30, TimeUnit.SECONDS));
        }
    }

    private static DnsCheckRequest request(int index) {
        DomainName name = ((DomainName.Valid) DomainName.parse(BenchZones.domain(index))).name();
        return new DnsCheckRequest(name, Cloud.GLOBAL, Optional.empty());
    }

    private static void requirePass(DnsReport report) {
        assertThat(report.findings()).as(report.domain().ascii()).allMatch(f -> f.status() == Status.PASS);
    }
}
