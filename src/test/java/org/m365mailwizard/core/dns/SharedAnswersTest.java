// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The batch's shared answers: one question per name while its answer lives, counted at the client behind. */
class SharedAnswersTest {

    /** Records what it is asked and answers only when told to. */
    private static final class PendingClient implements DnsClient {
        final List<String> asked = new ArrayList<>();
        final List<CompletableFuture<DnsAnswer>> pending = new ArrayList<>();

        @Override
        public synchronized CompletionStage<DnsAnswer> query(String absoluteName, int type) {
            asked.add(absoluteName + " " + Type.string(type));
            CompletableFuture<DnsAnswer> answer = new CompletableFuture<>();
            pending.add(answer);
            return answer;
        }
    }

    private final AtomicLong now = new AtomicLong(1_000);
    private final PendingClient network = new PendingClient();
    private final SharedAnswers shared = new SharedAnswers(network, 16, now::get);

    @Test
    void aPositiveAnswerServesLaterAskersUntilItsTtlRunsOut() throws Exception {
        CompletableFuture<DnsAnswer> first = ask("spf.protection.outlook.com.");
        network.pending.get(0).complete(txt("spf.protection.outlook.com.", 300));
        assertThat(first.get().records()).hasSize(1);

        advanceSeconds(299);
        assertThat(ask("SPF.Protection.Outlook.com.").get().records()).hasSize(1);
        assertThat(network.asked).hasSize(1);

        advanceSeconds(1);
        CompletableFuture<DnsAnswer> afterTtl = ask("spf.protection.outlook.com.");
        assertThat(network.asked).hasSize(2);
        assertThat(afterTtl).isNotDone();
        assertThat(shared.questionsSent()).isEqualTo(2);
    }

    @Test
    void theShortestTtlOfTheRecordsAndTheCnamesDecides() throws Exception {
        Record cname = Record.fromString(name("autodiscover.outlook.com."), Type.CNAME, DClass.IN, 30,
                "autod.ms-acdc.office.com.", Name.root);
        DnsAnswer answer = new DnsAnswer("autodiscover.outlook.com.", Type.A, DnsOutcome.ANSWER,
                List.of(Record.fromString(name("autod.ms-acdc.office.com."), Type.A, DClass.IN, 3600, "192.0.2.1", Name.root)),
                List.of(cname));
        assertThat(SharedAnswers.keepSeconds(answer)).isEqualTo(30);
    }

    @Test
    void negativeAnswersAndFailuresAreSharedWhileInFlightButNotKept() throws Exception {
        for (DnsOutcome outcome : List.of(DnsOutcome.NXDOMAIN, DnsOutcome.NODATA, DnsOutcome.SERVFAIL, DnsOutcome.TIMEOUT)) {
            String name = outcome.name().toLowerCase(java.util.Locale.ROOT) + ".example.";
            int before = network.asked.size();
            CompletableFuture<DnsAnswer> first = ask(name);
            CompletableFuture<DnsAnswer> meanwhile = ask(name);
            assertThat(network.asked).as(outcome + " in flight").hasSize(before + 1);
            network.pending.get(network.pending.size() - 1).complete(DnsAnswer.of(name, Type.TXT, outcome));
            assertThat(first.get().outcome()).isEqualTo(outcome);
            assertThat(meanwhile.get().outcome()).isEqualTo(outcome);

            ask(name);
            assertThat(network.asked).as(outcome + " asked again").hasSize(before + 2);
            network.pending.get(network.pending.size() - 1).complete(DnsAnswer.of(name, Type.TXT, outcome));
        }
    }

    @Test
    void aRecordWithTtlZeroIsNotKept() throws Exception {
        ask("zero.example.");
        network.pending.get(0).complete(txt("zero.example.", 0));
        ask("zero.example.");
        assertThat(network.asked).hasSize(2);
    }

    @Test
    void keepsAtMostItsCapacityTheLeastRecentlyUsedLeavingFirst() throws Exception {
        ask("shared.example.");
        network.pending.get(0).complete(txt("shared.example.", 3600));
        for (int i = 0; i < 40; i++) {
            String name = "d" + i + ".example.";
            ask(name);
            network.pending.get(network.pending.size() - 1).complete(txt(name, 3600));
            ask("shared.example."); // used again by every domain: stays
        }
        assertThat(shared.size()).isLessThanOrEqualTo(16);
        assertThat(network.asked).filteredOn(q -> q.startsWith("shared.")).hasSize(1);
        ask("d0.example.");
        assertThat(network.asked).filteredOn(q -> q.startsWith("d0.")).hasSize(2);
    }

    @Test
    void anAskerThatCancelsItsCopyDoesNotChangeTheOthersAnswer() throws Exception {
        CompletableFuture<DnsAnswer> impatient = ask("slow.example.");
        CompletableFuture<DnsAnswer> patient = ask("slow.example.");
        impatient.cancel(true);
        network.pending.get(0).complete(txt("slow.example.", 60));
        assertThat(patient.get().outcome()).isEqualTo(DnsOutcome.ANSWER);
        assertThat(ask("slow.example.").get().outcome()).isEqualTo(DnsOutcome.ANSWER);
        assertThat(network.asked).hasSize(1);
    }

    private CompletableFuture<DnsAnswer> ask(String name) {
        return shared.query(name, Type.TXT).toCompletableFuture();
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static DnsAnswer txt(String name, long ttl) {
        return new DnsAnswer(name, Type.TXT, DnsOutcome.ANSWER,
                List.of(new TXTRecord(name(name), DClass.IN, ttl, "v=spf1 -all")), List.of());
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
