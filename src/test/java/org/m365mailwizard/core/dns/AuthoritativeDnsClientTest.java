// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.testsupport.ZoneResponder;
import org.xbill.DNS.Type;

/**
 * Authoritative mode: a "resolver" on loopback still serves yesterday's zone (as a cache would),
 * the domain's own name server the fixed one; the check must see the fixed one.
 */
class AuthoritativeDnsClientTest {

    private static final String HEAD = """
            $TTL 300
            @ IN SOA ns1.example.test. admin.example.test. 1 3600 600 86400 300
            @ IN NS ns1.example.test.
            ns1 IN A 127.0.0.1
            """;
    private static final String STALE = HEAD + """
            @ IN TXT "v=spf1 -all"
            """;
    private static final String FIXED = HEAD + """
            @ IN TXT "v=spf1 include:spf.protection.outlook.com -all"
            _dmarc IN TXT "v=DMARC1; p=reject"
            selector1._domainkey IN CNAME selector1-example-test._domainkey.tenant.onmicrosoft.test.
            """;
    private static final String TENANT = """
            $TTL 300
            @ IN SOA ns.onmicrosoft.test. admin.onmicrosoft.test. 1 3600 600 86400 300
            @ IN NS ns.onmicrosoft.test.
            selector1-example-test._domainkey.tenant IN TXT "v=DKIM1; k=rsa; p=AAAA"
            """;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static DnsAnswer ask(DnsClient client, String name, int type) throws Exception {
        return client.query(name, type).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private DnsClient authoritativeClient(LoopbackDnsServer resolver, LoopbackDnsServer nameServer, String domain) {
        DnsSettings settings = DnsSettings.defaults()
                .withServers(List.of(new InetSocketAddress("127.0.0.1", resolver.port())))
                .withTimeout(Duration.ofSeconds(2))
                .withAuthoritative(true)
                .withNameServerPort(nameServer.port());
        return settings.newClient(domain, executor);
    }

    @Test
    void asksTheDomainsOwnServersAndTheResolverForEverythingElse() throws Exception {
        ZoneResponder cache = new ZoneResponder().addZone("example.test.", STALE).addZone("onmicrosoft.test.", TENANT);
        ZoneResponder own = new ZoneResponder().addZone("example.test.", FIXED);
        try (LoopbackDnsServer resolver = LoopbackDnsServer.start(cache);
             LoopbackDnsServer nameServer = LoopbackDnsServer.start(own)) {
            DnsClient client = authoritativeClient(resolver, nameServer, "example.test");

            assertThat(TxtStrings.joined(ask(client, "example.test.", Type.TXT).records()))
                    .containsExactly("v=spf1 include:spf.protection.outlook.com -all");
            assertThat(ask(client, "_dmarc.example.test.", Type.TXT).outcome()).isEqualTo(DnsOutcome.ANSWER);

            // The CNAME comes from the domain's server, the key behind it from the resolver.
            DnsAnswer dkim = ask(client, "selector1._domainkey.example.test.", Type.TXT);
            assertThat(dkim.outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(dkim.cnameChain()).hasSize(1);
            assertThat(TxtStrings.joined(dkim.records())).containsExactly("v=DKIM1; k=rsa; p=AAAA");
            assertThat(nameServer.queryCount()).isEqualTo(3);

            // The plain resolver still sees the stale copy: the difference is the point of the mode.
            DnsClient plain = DnsSettings.defaults()
                    .withServers(List.of(new InetSocketAddress("127.0.0.1", resolver.port()))).newClient("example.test", executor);
            assertThat(ask(plain, "_dmarc.example.test.", Type.TXT).outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        }
    }

    @Test
    void subdomainWithoutOwnServersUsesTheParentZone() throws Exception {
        ZoneResponder cache = new ZoneResponder().addZone("example.test.", STALE);
        ZoneResponder own = new ZoneResponder().addZone("example.test.", FIXED + "mail IN MX 0 mail-example-test.mail.protection.outlook.com.\n");
        try (LoopbackDnsServer resolver = LoopbackDnsServer.start(cache);
             LoopbackDnsServer nameServer = LoopbackDnsServer.start(own)) {
            DnsClient client = authoritativeClient(resolver, nameServer, "mail.example.test");

            assertThat(ask(client, "mail.example.test.", Type.MX).outcome()).isEqualTo(DnsOutcome.ANSWER);
            assertThat(ask(client, "_dmarc.example.test.", Type.TXT).outcome()).isEqualTo(DnsOutcome.ANSWER);
        }
    }

    @Test
    void failureToFindTheServersIsReportedNotHiddenAsMissing() throws Exception {
        ZoneResponder cache = new ZoneResponder().addZone("example.test.", STALE)
                .fault("example.test.", ZoneResponder.Fault.SERVFAIL);
        try (LoopbackDnsServer resolver = LoopbackDnsServer.start(cache);
             LoopbackDnsServer nameServer = LoopbackDnsServer.start(new ZoneResponder().addZone("example.test.", FIXED))) {
            DnsClient client = authoritativeClient(resolver, nameServer, "example.test");

            assertThat(ask(client, "_dmarc.example.test.", Type.TXT).outcome()).isEqualTo(DnsOutcome.SERVFAIL);
            assertThat(nameServer.queryCount()).isZero();
        }
    }

    @Test
    void domainThatDoesNotExistIsReportedAsSuch() throws Exception {
        String parentOnly = """
                $TTL 300
                @ IN SOA ns.test. admin.test. 1 3600 600 86400 300
                @ IN NS ns.test.
                ns IN A 127.0.0.1
                """;
        try (LoopbackDnsServer resolver = LoopbackDnsServer.start(new ZoneResponder().addZone("test.", parentOnly));
             LoopbackDnsServer nameServer = LoopbackDnsServer.start(new ZoneResponder().addZone("test.", parentOnly))) {
            DnsClient client = authoritativeClient(resolver, nameServer, "missing.test");

            assertThat(ask(client, "missing.test.", Type.MX).outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
            assertThat(nameServer.queryCount()).isZero();
        }
    }
}
