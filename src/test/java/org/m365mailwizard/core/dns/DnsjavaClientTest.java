// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.testsupport.ZoneResponder;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The dnsjava client against a real DNS server on loopback: outcomes, chains, faults, no cache. */
class DnsjavaClientTest {

    static final String ZONE = """
            $TTL 300
            @ IN SOA ns1.example.test. admin.example.test. 1 3600 600 86400 300
            @ IN NS ns1.example.test.
            ns1 IN A 127.0.0.1
            @ IN MX 0 example-test.mail.protection.outlook.com.
            @ IN TXT "v=spf1 include:spf.protection.outlook.com" " -all"
            quoted IN TXT "say \\"hi\\" \\\\ " "and\\059 more"
            latin1 IN TXT "caf\\233"
            www IN A 192.0.2.10
            alias IN CNAME www
            alias2 IN CNAME alias
            loop1 IN CNAME loop2
            loop2 IN CNAME loop1
            big IN TXT "%1$s" "%1$s" "%1$s" "%1$s" "%1$s" "%1$s"
            """.formatted("b".repeat(250));

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dns-test");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private DnsjavaClient client(LoopbackDnsServer server, Duration timeout) {
        return new DnsjavaClient(List.of(new InetSocketAddress("127.0.0.1", server.port())), timeout, executor);
    }

    private static DnsAnswer ask(DnsClient client, String name, int type) throws Exception {
        return client.query(name, type).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void answersTellNoSuchNameFromNoSuchRecord() throws Exception {
        try (LoopbackDnsServer server = LoopbackDnsServer.start(new ZoneResponder().addZone("example.test.", ZONE))) {
            DnsjavaClient client = client(server, Duration.ofSeconds(2));

            DnsAnswer mx = ask(client, "example.test.", Type.MX);
            assertThat(mx.outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(ZoneText.of(mx.records())).containsExactly(
                    "example.test. MX 0 example-test.mail.protection.outlook.com.");

            assertThat(ask(client, "nothing-here.example.test.", Type.TXT).outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
            DnsAnswer nodata = ask(client, "www.example.test.", Type.TXT);
            assertThat(nodata.outcome()).isEqualTo(DnsOutcome.NODATA);
            assertThat(nodata.records()).isEmpty();
        }
    }

    @Test
    void followsAndReportsCnameChains() throws Exception {
        try (LoopbackDnsServer server = LoopbackDnsServer.start(new ZoneResponder().addZone("example.test.", ZONE))) {
            DnsjavaClient client = client(server, Duration.ofSeconds(2));

            DnsAnswer a = ask(client, "alias2.example.test.", Type.A);
            assertThat(a.outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(ZoneText.of(a.cnameChain())).containsExactly(
                    "alias2.example.test. CNAME alias.example.test.", "alias.example.test. CNAME www.example.test.");
            assertThat(((ARecord) a.records().get(0)).getAddress().getHostAddress()).isEqualTo("192.0.2.10");

            DnsAnswer behindChainNoTxt = ask(client, "alias.example.test.", Type.TXT);
            assertThat(behindChainNoTxt.outcome()).isEqualTo(DnsOutcome.NODATA);
            assertThat(behindChainNoTxt.cnameChain()).hasSize(1);

            DnsAnswer cnameItself = ask(client, "alias2.example.test.", Type.CNAME);
            assertThat(cnameItself.outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(cnameItself.cnameChain()).isEmpty();
            assertThat(ZoneText.of(cnameItself.records())).containsExactly("alias2.example.test. CNAME alias.example.test.");

            // A loop is the zone's error, told apart from the network's (security review D8).
            assertThat(ask(client, "loop1.example.test.", Type.A).outcome()).isEqualTo(DnsOutcome.CNAME_LOOP);
        }
    }

    @Test
    void txtStringsAreJoinedAsBytesWithoutSeparatorOrEscapes() throws Exception {
        try (LoopbackDnsServer server = LoopbackDnsServer.start(new ZoneResponder().addZone("example.test.", ZONE))) {
            DnsjavaClient client = client(server, Duration.ofSeconds(2));

            DnsAnswer spf = ask(client, "example.test.", Type.TXT);
            assertThat(TxtStrings.joined(spf.records())).containsExactly("v=spf1 include:spf.protection.outlook.com -all");

            TXTRecord quoted = (TXTRecord) ask(client, "quoted.example.test.", Type.TXT).records().get(0);
            assertThat(TxtStrings.joined(quoted)).isEqualTo("say \"hi\" \\ and; more");
            assertThat(TxtStrings.isCleanText(quoted)).isTrue();

            TXTRecord latin1 = (TXTRecord) ask(client, "latin1.example.test.", Type.TXT).records().get(0);
            assertThat(TxtStrings.joinedBytes(latin1)).containsExactly('c', 'a', 'f', 0xE9);
            assertThat(TxtStrings.isCleanText(latin1)).isFalse();
            assertThat(TxtStrings.joined(latin1)).isEqualTo("caf\uFFFD");
        }
    }

    @Test
    void truncatedUdpAnswerIsFetchedOverTcp() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE)
                .fault("example.test.", ZoneResponder.Fault.TRUNCATE_UDP);
        try (LoopbackDnsServer server = LoopbackDnsServer.start(zone)) {
            DnsjavaClient client = client(server, Duration.ofSeconds(2));

            DnsAnswer mx = ask(client, "example.test.", Type.MX);
            assertThat(mx.outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(server.tcpQueryCount()).isEqualTo(1);

            DnsAnswer big = ask(client, "big.example.test.", Type.TXT);
            assertThat(TxtStrings.joined(big.records()).get(0)).hasSize(1500);
            assertThat(server.tcpQueryCount()).isEqualTo(2);
        }
    }

    @Test
    void serverFailureAndRefusalAreNotMissingRecords() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE)
                .fault("www.example.test.", ZoneResponder.Fault.SERVFAIL);
        try (LoopbackDnsServer server = LoopbackDnsServer.start(zone)) {
            DnsjavaClient client = client(server, Duration.ofSeconds(2));

            assertThat(ask(client, "www.example.test.", Type.A).outcome()).isEqualTo(DnsOutcome.SERVFAIL);
            assertThat(ask(client, "not-served.invalid.", Type.A).outcome()).isEqualTo(DnsOutcome.REFUSED);
        }
    }

    @Test
    void silentServerTimesOutWithinTheTotal() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE)
                .fault("www.example.test.", ZoneResponder.Fault.DROP);
        try (LoopbackDnsServer server = LoopbackDnsServer.start(zone)) {
            DnsjavaClient client = client(server, Duration.ofMillis(800));
            assertThat(client.perTryTimeout()).isLessThan(client.timeout());

            long start = System.nanoTime();
            DnsAnswer answer = ask(client, "www.example.test.", Type.A);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
            assertThat(millis).isBetween(700L, 3000L);
            assertThat(client.lostSends()).isEqualTo(1);
            assertThat(server.queryCount()).as("retried within the total").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aQuestionOutOfTriesStillEndsAtItsDeadline() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE)
                .fault("www.example.test.", ZoneResponder.Fault.DROP);
        try (LoopbackDnsServer server = LoopbackDnsServer.start(zone)) {
            // 5 s: sends at 0, 1 and 2.5 s (1 s before any answer, then doubling up to the 1.5 s cap), the
            // last one's wait ends at 4 s with no send left, and the question ends at its deadline.
            DnsjavaClient client = client(server, Duration.ofSeconds(5));

            DnsAnswer answer = ask(client, "www.example.test.", Type.A);

            assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
            assertThat(server.queryCount()).isEqualTo(DnsjavaClient.TRIES_PER_SERVER);
            assertThat(client.lostSends()).isEqualTo(1);
        }
    }

    @Test
    void aLostDatagramCostsOneRetransmissionNotAWholeTry() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE);
        AtomicInteger wwwQuestions = new AtomicInteger();
        LoopbackDnsServer.Responder losesFirst = (query, transport) ->
                query.getQuestion().getName().toString().equals("www.example.test.") && wwwQuestions.incrementAndGet() == 1
                        ? Optional.empty() : zone.respond(query, transport);
        try (LoopbackDnsServer server = LoopbackDnsServer.start(losesFirst)) {
            DnsjavaClient client = client(server, DnsjavaClient.DEFAULT_TIMEOUT);
            for (int i = 0; i < 3; i++) { // answers in milliseconds: the client learns to expect them so
                assertThat(ask(client, "example.test.", Type.MX).outcome()).isEqualTo(DnsOutcome.ANSWER);
            }

            long start = System.nanoTime();
            DnsAnswer answer = ask(client, "www.example.test.", Type.A);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer.outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(wwwQuestions).hasValue(2);
            assertThat(client.lostSends()).as("the batch's sign of overload").isEqualTo(1);
            // A fixed try of half the 5 s total waited 2 s; a learnt round trip of milliseconds waits the 400 ms floor.
            assertThat(millis).isLessThan(DnsjavaClient.MAX_TRY.toMillis() - 500);
        }
    }

    @Test
    void aSlowAnswerCountsAfterTheQuestionWasSentAgain() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE);
        AtomicInteger questions = new AtomicInteger();
        CountDownLatch resent = new CountDownLatch(1);
        // The first answer leaves only once the retransmission has arrived; every retransmission is lost.
        LoopbackDnsServer.Responder slowThenSilent = (query, transport) -> {
            if (questions.incrementAndGet() > 1) {
                resent.countDown();
                return Optional.empty();
            }
            try {
                resent.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return zone.respond(query, transport);
        };
        try (LoopbackDnsServer server = LoopbackDnsServer.start(slowThenSilent)) {
            DnsjavaClient client = client(server, Duration.ofSeconds(20));

            DnsAnswer answer = ask(client, "www.example.test.", Type.A);

            assertThat(answer.outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(questions.get()).isGreaterThanOrEqualTo(2);
            assertThat(client.lostSends()).as("slow is not lost").isZero();
        }
    }

    @Test
    void nextServerIsAskedWhenTheFirstIsSilentOrFails() throws Exception {
        ZoneResponder broken = new ZoneResponder().addZone("example.test.", ZONE)
                .fault("www.example.test.", ZoneResponder.Fault.SERVFAIL)
                .fault("example.test.", ZoneResponder.Fault.DROP);
        ZoneResponder good = new ZoneResponder().addZone("example.test.", ZONE);
        try (LoopbackDnsServer first = LoopbackDnsServer.start(broken);
             LoopbackDnsServer second = LoopbackDnsServer.start(good)) {
            DnsjavaClient client = new DnsjavaClient(List.of(new InetSocketAddress("127.0.0.1", first.port()),
                    new InetSocketAddress("127.0.0.1", second.port())), Duration.ofSeconds(3), executor);

            assertThat(ask(client, "www.example.test.", Type.A).outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(ask(client, "example.test.", Type.MX).outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(first.queryCount()).isEqualTo(2);
        }
    }

    @Test
    void noAnswerIsReusedBetweenQuestions() throws Exception {
        AtomicReference<ZoneResponder> current = new AtomicReference<>(new ZoneResponder().addZone("example.test.", ZONE));
        try (LoopbackDnsServer server = LoopbackDnsServer.start((q, t) -> current.get().respond(q, t))) {
            DnsjavaClient client = client(server, Duration.ofSeconds(2));
            assertThat(ask(client, "_dmarc.example.test.", Type.TXT).outcome()).isEqualTo(DnsOutcome.NXDOMAIN);

            current.set(new ZoneResponder().addZone("example.test.", ZONE + "_dmarc IN TXT \"v=DMARC1; p=reject\"\n"));

            DnsAnswer after = ask(client, "_dmarc.example.test.", Type.TXT);
            assertThat(TxtStrings.joined(after.records())).containsExactly("v=DMARC1; p=reject");
        }
    }

    @Test
    void namesAreAskedAbsoluteAndStrayRecordsAreIgnored() throws Exception {
        ZoneResponder zone = new ZoneResponder().addZone("example.test.", ZONE);
        LoopbackDnsServer.Responder smuggler = (query, transport) -> {
            Optional<Message> answer = zone.respond(query, transport);
            answer.ifPresent(m -> m.addRecord(new ARecord(Name.fromConstantString("bank.example."), DClass.IN, 300,
                    new byte[] {(byte) 203, 0, 113, 66}), Section.ANSWER));
            return answer;
        };
        try (LoopbackDnsServer server = LoopbackDnsServer.start(smuggler)) {
            DnsjavaClient client = client(server, Duration.ofSeconds(2));

            DnsAnswer www = ask(client, "www.example.test", Type.A);
            assertThat(www.name()).isEqualTo("www.example.test");
            assertThat(www.records()).hasSize(1);
            assertThat(www.records().get(0).getName().toString()).isEqualTo("www.example.test.");
        }
    }
}
