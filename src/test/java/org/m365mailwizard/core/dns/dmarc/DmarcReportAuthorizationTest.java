// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Organisational domains from the Public Suffix List, and the RFC 7489 §7.1 external-report rule. */
class DmarcReportAuthorizationTest {

    @ParameterizedTest
    @CsvSource({
        "contoso.com,contoso.com",
        "Mail.Contoso.COM.,contoso.com",
        "a.b.example.co.uk,example.co.uk",
        "shop.example.com.cn,example.com.cn",
        "user.github.io,user.github.io",
        "deep.name.example.invalidtld,example.invalidtld"})
    void organisationalDomains(String domain, String organisational) {
        assertThat(OrganizationalDomain.of(domain)).contains(organisational);
    }

    @ParameterizedTest
    @CsvSource({"co.uk", "com", "''", "bad..name", "-x.com"})
    void noOrganisationalDomain(String domain) {
        assertThat(OrganizationalDomain.of(domain)).isEmpty();
    }

    @Test
    void externalDestinationsNeedAuthorisation() {
        assertThat(DmarcReportAuthorization.needsAuthorization("contoso.com", "reports.contoso.com")).isFalse();
        assertThat(DmarcReportAuthorization.needsAuthorization("mail.contoso.co.uk", "contoso.co.uk")).isFalse();
        assertThat(DmarcReportAuthorization.needsAuthorization("contoso.com", "rua.vendor.net")).isTrue();
        assertThat(DmarcReportAuthorization.needsAuthorization("contoso.co.uk", "other.co.uk")).isTrue();
        assertThat(DmarcReportAuthorization.recordName("Contoso.com.", "Reports.Vendor.NET"))
                .isEqualTo("contoso.com._report._dmarc.reports.vendor.net.");
    }

    @Test
    void exactlyOneDmarcRecordAuthorises() {
        assertThat(DmarcReportAuthorization.authorizes(List.of("v=DMARC1"))).isTrue();
        assertThat(DmarcReportAuthorization.authorizes(List.of("v=DMARC1;", "unrelated"))).isTrue();
        assertThat(DmarcReportAuthorization.authorizes(List.of())).isFalse();
        assertThat(DmarcReportAuthorization.authorizes(List.of("v=DMARC1", "v=DMARC1; rua=mailto:x@y.com"))).isFalse();
        assertThat(DmarcReportAuthorization.authorizes(List.of("v=DMARC10"))).isFalse();
    }
}
