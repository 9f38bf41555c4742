// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mailwizard.core.dns.check.ZoneFixture.finding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.testsupport.ZoneResponder;

/** The {@code spf} check: the evaluator run for a live Microsoft 365 address, over realistic zones. */
class SpfCheckTest {

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    private static Finding spf(String domain) throws Exception {
        return finding(dns.check(domain), "spf");
    }

    private static Finding spf(String domain, Cloud cloud) throws Exception {
        return finding(dns.check(domain, cloud, null), "spf");
    }

    @Test
    void microsoftsRecordPassesWithTheCountsReported() throws Exception {
        Finding contoso = spf("contoso.com");
        assertThat(contoso.status()).isEqualTo(Status.PASS);
        assertThat(contoso.message()).isEqualTo(Message.of("dns.spf.ok", "spf.protection.outlook.com", 1, 0));
        assertThat(contoso.found()).containsExactly("contoso.com. TXT \"v=spf1 include:spf.protection.outlook.com -all\"");
        assertThat(contoso.notes()).contains(Message.of("dns.spf.note.counts", 1, 10, 0, 2));
        assertThat(contoso.fix()).isNull();
        assertThat(contoso.expected()).isEqualTo("TXT \"v=spf1 include:spf.protection.outlook.com -all\"");
    }

    @Test
    void nestedIncludeCountsAndSoftfailPassesWithANote() throws Exception {
        Finding fabrikam = spf("fabrikam.com");
        assertThat(fabrikam.status()).isEqualTo(Status.PASS);
        assertThat(fabrikam.notes()).extracting(Message::key).contains("dns.spf.note.softfail");
        assertThat(fabrikam.message().args()).containsExactly("spf.protection.outlook.com", "2", "0");
    }

    @Test
    void microsoftReachedOnlyThroughRedirectCountsButVoidLookupsFail() throws Exception {
        Finding woodgrove = spf("woodgrove.example");
        assertThat(woodgrove.status()).isEqualTo(Status.FAIL);
        assertThat(woodgrove.message().key()).isEqualTo("dns.spf.tooManyVoid");
        assertThat(woodgrove.message().args()).containsExactly("3", "2");
    }

    @Test
    void missingMicrosoftIsMergedIntoTheExistingRecord() throws Exception {
        Finding tailspin = spf("tailspin.example");
        assertThat(tailspin.status()).isEqualTo(Status.FAIL);
        assertThat(tailspin.message().key()).isEqualTo("dns.spf.microsoftMissing");
        assertThat(tailspin.message().args().get(1)).as("a live address from Microsoft's record").isEqualTo("40.92.0.0");
        assertThat(tailspin.message().args().get(2)).isEqualTo("softfail");
        assertThat(tailspin.found()).as("only SPF records, not other TXT").hasSize(1);
        assertThat(tailspin.fix().zoneLine()).isEqualTo(
                "tailspin.example. 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com include:_spf.mailhost.example ~all\"");
    }

    @Test
    void missingRecordGetsMicrosoftsRecord() throws Exception {
        Finding none = spf("www.contoso.com");
        assertThat(none.status()).isEqualTo(Status.FAIL);
        assertThat(none.message().key()).isEqualTo("dns.spf.missing");
        assertThat(none.fix().zoneLine())
                .isEqualTo("www.contoso.com. 3600 IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"");
    }

    @Test
    void severalRecordsFail() throws Exception {
        Finding adatum = spf("adatum.example");
        assertThat(adatum.status()).isEqualTo(Status.FAIL);
        assertThat(adatum.message()).isEqualTo(Message.of("dns.spf.several", 2));
        assertThat(adatum.found()).hasSize(2);
        assertThat(adatum.notes()).extracting(Message::key).containsExactly("dns.spf.note.deleteOthers");
    }

    @Test
    void plusAllFailsAndIsClosed() throws Exception {
        Finding litware = spf("litware.example");
        assertThat(litware.status()).isEqualTo(Status.FAIL);
        assertThat(litware.message()).isEqualTo(Message.of("dns.spf.openAll", "+all"));
        assertThat(litware.fix().value()).isEqualTo("\"v=spf1 include:spf.protection.outlook.com ~all\"");
    }

    @Test
    void tooManyLookupsAndNeutralAllFail() throws Exception {
        Finding wingtip = spf("wingtip.example");
        assertThat(wingtip.status()).isEqualTo(Status.FAIL);
        assertThat(wingtip.message()).isEqualTo(Message.of("dns.spf.tooManyLookups", 11, 10));
        assertThat(wingtip.notes()).contains(Message.of("dns.spf.openAll", "?all"));
        assertThat(wingtip.fix().value()).endsWith("include:b._spf.wingtip.example ~all\"");
    }

    @Test
    void ptrIsAWarning() throws Exception {
        Finding northwind = spf("northwind.example");
        assertThat(northwind.status()).isEqualTo(Status.WARN);
        assertThat(northwind.message().key()).isEqualTo("dns.spf.ptr");
        assertThat(northwind.fix()).isNull();
    }

    @Test
    void eachCloudIsJudgedByItsOwnInclude() throws Exception {
        assertThat(spf("contoso.cn", Cloud.CHINA).status()).isEqualTo(Status.PASS);
        assertThat(spf("contoso-gov.example", Cloud.USGOV).status()).isEqualTo(Status.PASS);

        Finding worldwideRecordOnChinaTenant = spf("contoso.com", Cloud.CHINA);
        assertThat(worldwideRecordOnChinaTenant.status()).isEqualTo(Status.FAIL);
        assertThat(worldwideRecordOnChinaTenant.message().key()).isEqualTo("dns.spf.microsoftMissing");
        assertThat(worldwideRecordOnChinaTenant.fix().value()).startsWith("\"v=spf1 include:spf.protection.partner.outlook.cn ");
    }

    @Test
    void dnsFailureOnTheWayIsAnErrorNotAFailure() throws Exception {
        dns.zones().fault("spf.protection.outlook.com.", ZoneResponder.Fault.SERVFAIL);
        Finding contoso = spf("contoso.com");
        assertThat(contoso.status()).isEqualTo(Status.ERROR);
        assertThat(contoso.message().key()).isEqualTo("dns.spf.temperror");

        dns.zones().clearFaults().fault("contoso.com.", ZoneResponder.Fault.REFUSED);
        Finding refused = spf("contoso.com");
        assertThat(refused.status()).isEqualTo(Status.ERROR);
        assertThat(refused.message().key()).isEqualTo("dns.error.refused");
    }
}
