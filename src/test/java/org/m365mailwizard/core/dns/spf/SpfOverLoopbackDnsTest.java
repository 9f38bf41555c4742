// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.testsupport.ZoneResponder;

/**
 * The evaluator over real DNS on loopback, with a Microsoft-365-like zone and the server's
 * faults: SERVFAIL, silence (timeout), and truncation that forces TCP.
 */
class SpfOverLoopbackDnsTest {

    private static final String ZONE = """
            $TTL 300
            @        IN SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 300
            @        IN NS  ns.example.test.
            ns       IN A   127.0.0.1
            contoso  IN TXT "v=spf1 include:_spf.contoso.example.test -all"
            _spf.contoso IN TXT "v=spf1 include:spf.protection.outlook.test ip4:192.0.2.0/24 ~all"
            big      IN TXT "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 ip4:192.0.2.3 ip4:192.0.2.4 ip4:192.0.2.5 ip4:192.0.2.6 ip4:192.0.2.7 ip4:192.0.2.8 ip4:192.0.2.9 ip4:192.0.2.10 ip4:192.0.2.11 ip4:192.0.2.12 ip4:192.0.2.13 " "ip4:192.0.2.14 ip4:192.0.2.15 ip4:192.0.2.16 ip4:192.0.2.17 ip4:192.0.2.18 ip4:192.0.2.19 include:spf.protection.outlook.test -all"
            broken   IN TXT "v=spf1 include:servfail.example.test -all"
            silent   IN TXT "v=spf1 a:quiet.example.test -all"
            servfail IN TXT "v=spf1 -all"
            quiet    IN A   192.0.2.99
            """;
    private static final String MICROSOFT = """
            $TTL 300
            @        IN SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 300
            @        IN NS  ns.example.test.
            spf.protection IN TXT "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip6:2a01:111:f400::/48 -all"
            """;
    private static final InetAddress M365 = InetAddresses.forString("40.107.1.2");

    private static LoopbackDnsServer server;
    private static ZoneResponder zones;
    private static SpfEvaluator evaluator;
    private static LoopbackResolver resolver;

    @BeforeAll
    static void start() throws Exception {
        zones = new ZoneResponder().addZone("example.test.", ZONE).addZone("outlook.test.", MICROSOFT);
        server = LoopbackDnsServer.start(zones);
        resolver = new LoopbackResolver(server, Duration.ofMillis(300));
        evaluator = new SpfEvaluator(resolver.client());
    }

    @AfterAll
    static void stop() {
        server.close();
        resolver.close();
    }

    @BeforeEach
    void reset() {
        zones.clearFaults();
        server.resetCounts();
    }

    private static SpfEvaluation audit(String domain) throws Exception {
        return evaluator.audit(M365, domain).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void microsoftAuthorisedThroughNestedInclude() throws Exception {
        SpfEvaluation e = audit("contoso.example.test");
        assertThat(e.result()).isEqualTo(SpfResult.PASS);
        assertThat(e.reaches("spf.protection.outlook.test")).isTrue();
        assertThat(e.dnsLookupCount()).isEqualTo(2);
        assertThat(e.allQualifier()).contains(SpfQualifier.FAIL);
        assertThat(server.queryCount()).isEqualTo(3);
    }

    @Test
    void truncatedAnswerIsFetchedOverTcpAndJoined() throws Exception {
        zones.fault("big.example.test", ZoneResponder.Fault.TRUNCATE_UDP);
        SpfEvaluation e = audit("big.example.test");
        assertThat(server.tcpQueryCount()).isPositive();
        assertThat(e.result()).isEqualTo(SpfResult.PASS);
        assertThat(e.record().orElseThrow()).contains("ip4:192.0.2.13 ip4:192.0.2.14");
    }

    @Test
    void servfailInAnIncludeIsTemperror() throws Exception {
        zones.fault("servfail.example.test", ZoneResponder.Fault.SERVFAIL);
        SpfEvaluation e = audit("broken.example.test");
        assertThat(e.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(e.reason()).contains(Message.of("spf.problem.dns.servfail", "servfail.example.test", "TXT"));
    }

    @Test
    void silentServerIsTemperror() throws Exception {
        zones.fault("quiet.example.test", ZoneResponder.Fault.DROP);
        SpfEvaluation e = audit("silent.example.test");
        assertThat(e.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(e.reason()).contains(Message.of("spf.problem.dns.timeout", "quiet.example.test", "A"));
    }

    @Test
    void missingNameIsNoneNotAnError() throws Exception {
        SpfEvaluation e = audit("nothing.example.test");
        assertThat(e.result()).isEqualTo(SpfResult.NONE);
        assertThat(e.reason()).contains(Message.of("spf.problem.noRecord", "nothing.example.test"));
    }
}
