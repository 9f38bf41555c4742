// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mailwizard.core.dns.check.ZoneFixture.finding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.testsupport.ZoneResponder;

/** The {@code mx} and {@code autodiscover} checks against realistic zones on loopback DNS. */
class MxAutodiscoverCheckTest {

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    private static Finding mx(String domain, Cloud cloud) throws Exception {
        return finding(dns.check(domain, cloud, null), "mx");
    }

    @Test
    void classicAndDnssecCapableMicrosoftHostsPass() throws Exception {
        Finding classic = mx("contoso.com", Cloud.GLOBAL);
        assertThat(classic.status()).isEqualTo(Status.PASS);
        assertThat(classic.found()).containsExactly("contoso.com. MX 0 contoso-com.mail.protection.outlook.com.");
        assertThat(classic.fix()).isNull();
        assertThat(classic.expected()).contains("<token>.mail.protection.outlook.com").contains("-v1.mx.microsoft");

        assertThat(mx("fabrikam.com", Cloud.GLOBAL).status()).isEqualTo(Status.PASS);
    }

    @Test
    void sovereignCloudsHaveTheirOwnHosts() throws Exception {
        assertThat(mx("contoso.cn", Cloud.CHINA).status()).isEqualTo(Status.PASS);
        assertThat(mx("contoso-gov.example", Cloud.USGOV_DOD).status()).isEqualTo(Status.PASS);

        Finding chinaOnWorldwide = mx("adatum.example", Cloud.GLOBAL);
        assertThat(chinaOnWorldwide.status()).isEqualTo(Status.FAIL);
        assertThat(chinaOnWorldwide.message().key()).isEqualTo("dns.mx.otherCloud");
        assertThat(chinaOnWorldwide.message().args()).containsExactly(
                "adatum-example.mail.protection.partner.outlook.cn", "china", "global");

        Finding gov = finding(dns.check("contoso-gov.example", Cloud.USGOV, "contosogov.onmicrosoft.us"), "mx");
        assertThat(gov.status()).isEqualTo(Status.PASS);
    }

    @Test
    void otherProvidersFailWithTheMicrosoftRecordAsFix() throws Exception {
        Finding tailspin = mx("tailspin.example", Cloud.GLOBAL);
        assertThat(tailspin.status()).isEqualTo(Status.FAIL);
        assertThat(tailspin.message().key()).isEqualTo("dns.mx.notMicrosoft");
        assertThat(tailspin.message().args()).containsExactly("mx1.mailhost.example, mx2.mailhost.example");
        assertThat(tailspin.fix().zoneLine())
                .isEqualTo("tailspin.example. 3600 IN MX 0 tailspin-example.mail.protection.outlook.com.");
        assertThat(tailspin.notes()).extracting(n -> n.key()).contains("dns.mx.note.exactValue");
    }

    @Test
    void leftoverMxBesideMicrosoftIsAWarning() throws Exception {
        Finding northwind = mx("northwind.example", Cloud.GLOBAL);
        assertThat(northwind.status()).isEqualTo(Status.WARN);
        assertThat(northwind.message().key()).isEqualTo("dns.mx.extraHosts");
        assertThat(northwind.message().args()).containsExactly("backup-mx.old-isp.example",
                "northwind-example.mail.protection.outlook.com");
        assertThat(northwind.found()).hasSize(2);
    }

    @Test
    void noMxNoDomainAndNullMxFail() throws Exception {
        Finding none = mx("litware.example", Cloud.GLOBAL);
        assertThat(none.status()).isEqualTo(Status.FAIL);
        assertThat(none.message().key()).isEqualTo("dns.mx.none");

        Finding gone = mx("gone.contoso.com", Cloud.GLOBAL);
        assertThat(gone.status()).isEqualTo(Status.FAIL);
        assertThat(gone.message().key()).isEqualTo("dns.mx.noDomain");

        dns.zones().addZone("nullmx.example.", """
                $TTL 300
                @ IN SOA ns.nullmx.example. h.nullmx.example. 1 3600 600 86400 300
                @ IN NS ns.nullmx.example.
                @ IN MX 0 .
                """);
        Finding nullMx = mx("nullmx.example", Cloud.GLOBAL);
        assertThat(nullMx.status()).isEqualTo(Status.FAIL);
        assertThat(nullMx.message().key()).isEqualTo("dns.mx.nullMx");
    }

    @Test
    void gccHighSuggestionUsesTheTenantName() throws Exception {
        Finding gov = finding(dns.check("tailspin.example", Cloud.USGOV, "tailspintoys.onmicrosoft.us"), "mx");
        assertThat(gov.fix().value()).isEqualTo("0 tailspintoys.mail.protection.office365.us.");
        assertThat(gov.expected()).isEqualTo("MX 0 <tenant>.mail.protection.office365.us");
    }

    @Test
    void dnsFailuresAreErrorsNotMissingRecords() throws Exception {
        dns.zones().fault("contoso.com.", ZoneResponder.Fault.SERVFAIL)
                .fault("autodiscover.contoso.com.", ZoneResponder.Fault.DROP);
        DnsReport report = dns.check("contoso.com");

        Finding mx = finding(report, "mx");
        assertThat(mx.status()).isEqualTo(Status.ERROR);
        assertThat(mx.message().key()).isEqualTo("dns.error.servfail");
        assertThat(mx.message().args()).containsExactly("contoso.com", "MX");
        assertThat(mx.fix()).isNull();

        Finding autodiscover = finding(report, "autodiscover");
        assertThat(autodiscover.status()).isEqualTo(Status.ERROR);
        assertThat(autodiscover.message().key()).isEqualTo("dns.error.timeout");
        assertThat(report.exitCode()).isEqualTo(3);
    }

    @Test
    void autodiscoverRightWrongMissingAndNotACname() throws Exception {
        Finding ok = finding(dns.check("contoso.com"), "autodiscover");
        assertThat(ok.status()).isEqualTo(Status.PASS);
        assertThat(ok.found()).containsExactly("autodiscover.contoso.com. CNAME autodiscover.outlook.com.");

        Finding wrong = finding(dns.check("adatum.example"), "autodiscover");
        assertThat(wrong.status()).isEqualTo(Status.FAIL);
        assertThat(wrong.message().key()).isEqualTo("dns.autodiscover.wrongTarget");
        assertThat(wrong.fix().zoneLine()).isEqualTo("autodiscover.adatum.example. 3600 IN CNAME autodiscover.outlook.com.");

        Finding aRecord = finding(dns.check("tailspin.example"), "autodiscover");
        assertThat(aRecord.status()).isEqualTo(Status.FAIL);
        assertThat(aRecord.message().key()).isEqualTo("dns.autodiscover.notCname");
        assertThat(aRecord.found()).containsExactly("autodiscover.tailspin.example. A 192.0.2.25");

        Finding missing = finding(dns.check("wingtip.example"), "autodiscover");
        assertThat(missing.status()).isEqualTo(Status.PASS);
        // A domain that does not exist at all: one finding (MX) says so; the others publish nothing.
        Finding absent = finding(dns.check("gone.contoso.com"), "autodiscover");
        assertThat(absent.message().key()).isEqualTo("dns.noDomain.other");
        assertThat(absent.fix()).isNull();

        Finding dod = finding(dns.check("contoso-gov.example", Cloud.USGOV_DOD, null), "autodiscover");
        assertThat(dod.status()).isEqualTo(Status.PASS);
        Finding gccHighExpected = finding(dns.check("contoso-gov.example", Cloud.USGOV, null), "autodiscover");
        assertThat(gccHighExpected.status()).isEqualTo(Status.FAIL);
        assertThat(gccHighExpected.fix().value()).isEqualTo("autodiscover.office365.us.");
    }
}
