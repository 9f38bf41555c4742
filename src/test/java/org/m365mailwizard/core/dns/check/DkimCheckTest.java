// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mailwizard.core.dns.check.ZoneFixture.finding;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.testsupport.ZoneResponder;

/** {@code dkim-selector1/2}: Microsoft's CNAME shapes, the tenant, and the key behind the CNAME. */
class DkimCheckTest {

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    private static Finding dkim(String domain, int selector, String initialDomain) throws Exception {
        return finding(dns.check(domain, Cloud.GLOBAL, initialDomain), "dkim-selector" + selector);
    }

    @Test
    void classicCnameWithMicrosoftsKeyPasses() throws Exception {
        Finding s1 = dkim("contoso.com", 1, "contoso.onmicrosoft.com");
        assertThat(s1.status()).isEqualTo(Status.PASS);
        assertThat(s1.message()).isEqualTo(Message.of("dns.dkim.ok",
                "selector1-contoso-com._domainkey.contoso.onmicrosoft.com", 2048, "rsa"));
        assertThat(s1.found()).hasSize(2);
        assertThat(s1.found().get(0)).isEqualTo(
                "selector1._domainkey.contoso.com. CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com.");
        assertThat(s1.found().get(1)).startsWith("selector1-contoso-com._domainkey.contoso.onmicrosoft.com. TXT \"v=DKIM1; k=rsa; p=MIIB")
                .doesNotContain("\" \"");
        assertThat(s1.expected()).isEqualTo("CNAME selector1-contoso-com._domainkey.contoso.onmicrosoft.com"
                + " | CNAME selector1-contoso-com._domainkey.contoso.<x>-v1.dkim.mail.microsoft");
        assertThat(dkim("contoso.com", 2, null).status()).isEqualTo(Status.PASS);
    }

    @Test
    void format2025ComparedCaseInsensitively() throws Exception {
        Finding s1 = dkim("fabrikam.com", 1, "fabrikam.onmicrosoft.com");
        assertThat(s1.status()).isEqualTo(Status.PASS);
        assertThat(dkim("fabrikam.com", 2, null).status()).isEqualTo(Status.PASS);
    }

    @Test
    void keyPastedAtTheSelectorAndMissingSelectorFailWithTheCnameToPublish() throws Exception {
        Finding s1 = dkim("tailspin.example", 1, "tailspintoys.onmicrosoft.com");
        assertThat(s1.status()).isEqualTo(Status.FAIL);
        assertThat(s1.message().key()).isEqualTo("dns.dkim.txtInsteadOfCname");
        assertThat(s1.fix().zoneLine()).isEqualTo("selector1._domainkey.tailspin.example. 3600 IN CNAME "
                + "selector1-tailspin-example._domainkey.tailspintoys.onmicrosoft.com.");
        assertThat(s1.notes()).extracting(Message::key).containsExactly("dns.dkim.note.exactValue");

        Finding s2 = dkim("tailspin.example", 2, null);
        assertThat(s2.status()).isEqualTo(Status.FAIL);
        assertThat(s2.message().key()).isEqualTo("dns.dkim.missing");
        assertThat(s2.fix().value()).isEqualTo("selector2-tailspin-example._domainkey.<tenant>.onmicrosoft.com.");
    }

    @Test
    void anotherTenantFailsOnlyWhenTheTenantIsKnown() throws Exception {
        Finding other = dkim("adatum.example", 1, "adatum.onmicrosoft.com");
        assertThat(other.status()).isEqualTo(Status.FAIL);
        assertThat(other.message()).isEqualTo(Message.of("dns.dkim.otherTenant",
                "selector1._domainkey.adatum.example", "contosoltd", "adatum"));
        assertThat(dkim("adatum.example", 1, null).status()).isEqualTo(Status.PASS);
    }

    @Test
    void cnameWithoutKeyMeansSigningIsNotEnabled() throws Exception {
        Finding s2 = dkim("adatum.example", 2, "adatum.onmicrosoft.com");
        assertThat(s2.status()).isEqualTo(Status.FAIL);
        assertThat(s2.message()).isEqualTo(Message.of("dns.dkim.notEnabled", "adatum.example",
                "selector2-adatum-example._domainkey.adatum.onmicrosoft.com"));
        assertThat(s2.fix()).as("nothing to change in DNS").isNull();
    }

    @Test
    void foreignTargetsAndSwappedSelectorsFail() throws Exception {
        Finding foreign = dkim("wingtip.example", 1, null);
        assertThat(foreign.status()).isEqualTo(Status.FAIL);
        assertThat(foreign.message().key()).isEqualTo("dns.dkim.notMicrosoft");

        Finding swapped = dkim("woodgrove.example", 1, null);
        assertThat(swapped.status()).isEqualTo(Status.FAIL);
        assertThat(swapped.message().key()).isEqualTo("dns.dkim.wrongSelector");
    }

    @Test
    void revokedAndShortKeysFail() throws Exception {
        Finding revoked = dkim("litware.example", 1, null);
        assertThat(revoked.status()).isEqualTo(Status.FAIL);
        assertThat(revoked.message().key()).isEqualTo("dns.dkim.badKey");
        assertThat(revoked.notes()).isNotEmpty();

        Finding shortKey = dkim("litware.example", 2, null);
        assertThat(shortKey.status()).isEqualTo(Status.FAIL);
        assertThat(shortKey.notes()).isNotEmpty();
    }

    @Test
    void weakButValidKeyPassesWithTheParsersWarning() throws Exception {
        Finding northwind = dkim("northwind.example", 1, null);
        assertThat(northwind.status()).isEqualTo(Status.PASS);
        assertThat(northwind.message().args()).contains("1024");
        assertThat(northwind.notes()).isNotEmpty();
    }

    @Test
    void failuresOnEitherSideOfTheCnameAreErrors() throws Exception {
        dns.zones().fault("selector1._domainkey.contoso.com.", ZoneResponder.Fault.SERVFAIL);
        Finding atSelector = dkim("contoso.com", 1, null);
        assertThat(atSelector.status()).isEqualTo(Status.ERROR);
        assertThat(atSelector.message().key()).isEqualTo("dns.error.servfail");

        // A resolver whose upstream for Microsoft's zone fails answers SERVFAIL for the whole chain.
        LoopbackDnsServer.Responder brokenUpstream = (query, transport) -> dns.zones().respond(query, transport)
                .map(answer -> {
                    if (query.getQuestion().getName().toString().equals("selector2._domainkey.contoso.com.")) {
                        answer.getHeader().setRcode(org.xbill.DNS.Rcode.SERVFAIL);
                    }
                    return answer;
                });
        try (LoopbackDnsServer resolver = LoopbackDnsServer.start(brokenUpstream)) {
            DnsChecker checker = new DnsChecker(dns.settings().withServers(List.of(
                    new InetSocketAddress("127.0.0.1", resolver.port()))), dns.executor());
            DnsReport report = checker.check(DnsCheckRequest.of(contoso(), Cloud.GLOBAL))
                    .toCompletableFuture().get(20, TimeUnit.SECONDS);
            Finding atTarget = finding(report, "dkim-selector2");
            assertThat(atTarget.status()).isEqualTo(Status.ERROR);
            assertThat(atTarget.message().key()).isEqualTo("dns.error.servfail");
        }
    }

    @Test
    void keyBehindTheCnameIsAskedAgainWhenTheServerStopsAtTheZoneEdge() throws Exception {
        // In authoritative mode the domain's server returns only the CNAME; the key comes from elsewhere.
        DnsChecker checker = new DnsChecker(dns.settings().withAuthoritative(true)
                .withNameServerPort(dns.server().port()), dns.executor());
        DnsReport report = checker.check(DnsCheckRequest.of(contoso(), Cloud.GLOBAL))
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertThat(finding(report, "dkim-selector1").status()).isEqualTo(Status.PASS);
    }

    private static DomainName contoso() {
        return ((DomainName.Valid) DomainName.parse("contoso.com")).name();
    }

    @Test
    void initialDomainMustBelongToTheCloud() {
        DomainName contoso = ((DomainName.Valid) DomainName.parse("contoso.onmicrosoft.com")).name();
        assertThat(DnsCheckRequest.tenantOf(contoso, Cloud.GLOBAL)).isEmpty();
        assertThat(DnsCheckRequest.tenantOf(contoso, Cloud.CHINA)).map(Message::key).contains("dns.input.initialDomain");
        DomainName deep = ((DomainName.Valid) DomainName.parse("a.b.onmicrosoft.com")).name();
        assertThat(DnsCheckRequest.tenantOf(deep, Cloud.GLOBAL)).isPresent();
        DomainName gov = ((DomainName.Valid) DomainName.parse("contosogov.onmicrosoft.us")).name();
        assertThat(DnsCheckRequest.tenantOf(gov, Cloud.USGOV)).isEmpty();
    }
}
