// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mailwizard.core.dns.check.ZoneFixture.finding;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.testsupport.ZoneResponder;

/** The {@code dmarc} check: policy, organisational-domain fallback, report authorisation. */
class DmarcCheckTest {

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    @BeforeAll
    static void moreZones() {
        dns.zones().addZone("enforced.example.", """
                $TTL 300
                @ IN SOA ns.enforced.example. h.enforced.example. 1 3600 600 86400 300
                @ IN NS ns.enforced.example.
                _dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@reports.unauthorised-vendor.example"
                """);
    }

    private static Finding dmarc(String domain) throws Exception {
        return finding(dns.check(domain), "dmarc");
    }

    @Test
    void enforcingPolicyPasses() throws Exception {
        Finding contoso = dmarc("contoso.com");
        assertThat(contoso.status()).isEqualTo(Status.PASS);
        assertThat(contoso.message()).isEqualTo(Message.of("dns.dmarc.ok", "reject", "_dmarc.contoso.com"));
        assertThat(contoso.found()).containsExactly(
                "_dmarc.contoso.com. TXT \"v=DMARC1; p=reject; pct=100; rua=mailto:dmarc@contoso.com; adkim=r; aspf=r\"");
        assertThat(contoso.fix()).isNull();
    }

    @Test
    void authorisedExternalDestinationPasses() throws Exception {
        assertThat(dmarc("fabrikam.com").status()).isEqualTo(Status.PASS);
    }

    @Test
    void monitoringOnlyWarnsWithThePathAndTheNextStep() throws Exception {
        Finding northwind = dmarc("northwind.example");
        assertThat(northwind.status()).isEqualTo(Status.WARN);
        assertThat(northwind.message().key()).isEqualTo("dns.dmarc.monitorOnly");
        assertThat(northwind.notes()).extracting(Message::key)
                .contains("dns.dmarc.note.path", "dns.dmarc.unauthorisedDestination");
        assertThat(northwind.fix().zoneLine()).isEqualTo("_dmarc.northwind.example. 3600 IN TXT "
                + "\"v=DMARC1; p=quarantine; rua=mailto:dmarc@reports.unauthorised-vendor.example\"");
    }

    @Test
    void unauthorisedDestinationWarnsWithTheRecordItNeeds() throws Exception {
        Finding enforced = dmarc("enforced.example");
        assertThat(enforced.status()).isEqualTo(Status.WARN);
        assertThat(enforced.message()).isEqualTo(Message.of("dns.dmarc.unauthorisedDestination",
                "reports.unauthorised-vendor.example", "enforced.example",
                "enforced.example._report._dmarc.reports.unauthorised-vendor.example"));
        assertThat(enforced.fix().zoneLine()).isEqualTo(
                "enforced.example._report._dmarc.reports.unauthorised-vendor.example. 3600 IN TXT \"v=DMARC1\"");
    }

    @Test
    void missingInvalidAndSeveralFail() throws Exception {
        Finding missing = dmarc("tailspin.example");
        assertThat(missing.status()).isEqualTo(Status.FAIL);
        assertThat(missing.message().key()).isEqualTo("dns.dmarc.missing");
        assertThat(missing.fix().zoneLine()).isEqualTo(
                "_dmarc.tailspin.example. 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@tailspin.example\"");

        Finding invalid = dmarc("adatum.example");
        assertThat(invalid.status()).isEqualTo(Status.FAIL);
        assertThat(invalid.message().key()).isEqualTo("dns.dmarc.invalid");
        assertThat(invalid.notes()).isNotEmpty();

        Finding several = dmarc("litware.example");
        assertThat(several.status()).isEqualTo(Status.FAIL);
        assertThat(several.message()).isEqualTo(Message.of("dns.dmarc.several", "_dmarc.litware.example", 2));
        assertThat(several.found()).hasSize(2);
    }

    @Test
    void subdomainFallsBackToTheOrganisationalDomainsSubdomainPolicy() throws Exception {
        Finding sub = dmarc("sub.proseware.example");
        assertThat(sub.status()).isEqualTo(Status.PASS);
        assertThat(sub.message()).isEqualTo(Message.of("dns.dmarc.ok", "quarantine", "_dmarc.proseware.example"));
        assertThat(sub.notes()).contains(Message.of("dns.dmarc.note.fromOrgDomain", "sub.proseware.example",
                "proseware.example"));
    }

    @Test
    void lookupFailuresAreErrorsOrSaidAsSuch() throws Exception {
        dns.zones().fault("_dmarc.contoso.com.", ZoneResponder.Fault.SERVFAIL);
        Finding failed = dmarc("contoso.com");
        assertThat(failed.status()).isEqualTo(Status.ERROR);
        assertThat(failed.message().key()).isEqualTo("dns.error.servfail");

        dns.zones().clearFaults().fault("fabrikam.com._report._dmarc.reports.dmarc-vendor.example.",
                ZoneResponder.Fault.REFUSED);
        Finding unknown = dmarc("fabrikam.com");
        assertThat(unknown.status()).isEqualTo(Status.PASS);
        assertThat(unknown.notes()).extracting(Message::key).contains("dns.error.refused");
    }

    @Test
    void withPolicyKeepsTheOtherTags() {
        assertThat(DmarcCheck.withPolicy("v=DMARC1;p=none; rua=mailto:a@b.example;", "quarantine"))
                .isEqualTo("v=DMARC1; p=quarantine; rua=mailto:a@b.example");
        assertThat(DmarcCheck.withPolicy("v=DMARC1; P = none; sp=none", "quarantine"))
                .isEqualTo("v=DMARC1; p=quarantine; sp=none");
    }
}
