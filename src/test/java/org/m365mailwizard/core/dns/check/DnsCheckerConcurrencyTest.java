// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.input.DomainName;
import org.xbill.DNS.Type;

/**
 * How a full check asks: every check's first question is out before any answer is in (the checks
 * run concurrently, so a check takes about its longest chain of dependent questions, not the sum),
 * and a question two checks need is sent once. Speed itself is measured by {@code bench/run}.
 */
class DnsCheckerConcurrencyTest {

    private static ZoneFixture fixture;

    /** Holds every question until released (one, or all), then passes it on to the loopback server. */
    private static final class Gate implements DnsClient {
        private final DnsClient next;
        private final List<String> asked = new ArrayList<>();
        private final Map<String, Runnable> held = new LinkedHashMap<>();
        private boolean open;

        Gate(DnsClient next) {
            this.next = next;
        }

        @Override
        public synchronized CompletionStage<DnsAnswer> query(String absoluteName, int type) {
            asked.add(absoluteName + " " + Type.string(type));
            if (open) {
                return next.query(absoluteName, type);
            }
            CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
            held.put(absoluteName + " " + Type.string(type), () -> next.query(absoluteName, type).thenAccept(answer::complete));
            return answer;
        }

        void release(String question) {
            Runnable send;
            synchronized (this) {
                send = held.remove(question);
            }
            send.run();
        }

        synchronized List<String> asked() {
            return List.copyOf(asked);
        }

        void open() {
            List<Runnable> release;
            synchronized (this) {
                open = true;
                release = List.copyOf(held.values());
                held.clear();
            }
            release.forEach(Runnable::run);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        fixture = ZoneFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void everyCheckAsksItsFirstQuestionBeforeAnyAnswerArrivesAndNoQuestionIsSentTwice() throws Exception {
        DnsCheckRequest request = DnsCheckRequest.of(((DomainName.Valid) DomainName.parse("contoso.com")).name(), Cloud.GLOBAL);
        Gate gate = new Gate(fixture.settings().newClient("contoso.com", fixture.executor()));

        CompletableFuture<DnsReport> report = DnsChecker.check(gate, request, f -> { }).toCompletableFuture();

        assertThat(report).isNotDone();
        assertThat(gate.asked()).contains(
                "contoso.com. MX",
                "contoso.com. TXT",
                "spf.protection.outlook.com. TXT",
                "selector1._domainkey.contoso.com. TXT",
                "selector2._domainkey.contoso.com. TXT",
                "_dmarc.contoso.com. TXT",
                "autodiscover.contoso.com. CNAME");

        gate.open();
        DnsReport done = report.get(30, TimeUnit.SECONDS);
        assertThat(done.findings()).extracting(Finding::status).containsOnly(Status.PASS);
        List<String> lowerCase = gate.asked().stream().map(q -> q.toLowerCase(java.util.Locale.ROOT)).toList();
        Set<String> distinct = new HashSet<>(lowerCase);
        assertThat(lowerCase).hasSameSizeAs(distinct);
    }

    @Test
    void theIncludesOfTheDomainsSpfRecordAreAskedTogetherNotOneAfterTheOther() throws Exception {
        DnsCheckRequest request = DnsCheckRequest.of(((DomainName.Valid) DomainName.parse("wingtip.example")).name(),
                Cloud.GLOBAL);
        Gate gate = new Gate(fixture.settings().newClient("wingtip.example", fixture.executor()));
        CompletableFuture<DnsReport> report = DnsChecker.check(gate, request, f -> { }).toCompletableFuture();

        // Only the domain's record and Microsoft's come back; the two other includes stay unanswered.
        gate.release("wingtip.example. TXT");
        gate.release("spf.protection.outlook.com. TXT");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> gate.asked().contains("b._spf.wingtip.example. TXT"));
        assertThat(gate.asked()).contains("a._spf.wingtip.example. TXT");
        assertThat(report).isNotDone();

        gate.open();
        assertThat(report.get(30, TimeUnit.SECONDS).findings()).hasSize(6);
    }
}
