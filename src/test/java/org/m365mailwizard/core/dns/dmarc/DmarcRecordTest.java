// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.core.check.Message;

/** Field values, defaults and the specific messages of {@link DmarcRecord}. */
class DmarcRecordTest {

    private static DmarcRecord valid(String text) {
        DmarcParseResult result = DmarcRecord.parse(text);
        assertThat(result.errors()).as(text).isEmpty();
        return result.record().orElseThrow();
    }

    @Test
    void defaultsOfAMinimalRecord() {
        DmarcParseResult result = DmarcRecord.parse("v=DMARC1; p=quarantine");
        DmarcRecord r = result.record().orElseThrow();
        assertThat(r.policy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(r.subdomainPolicy()).isEmpty();
        assertThat(r.effectiveSubdomainPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(r.effectiveNonexistentSubdomainPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(r.percent()).isEqualTo(100);
        assertThat(r.dkimAlignment()).isEqualTo(DmarcAlignment.RELAXED);
        assertThat(r.spfAlignment()).isEqualTo(DmarcAlignment.RELAXED);
        assertThat(r.failureOptions()).containsExactly("0");
        assertThat(r.reportFormats()).containsExactly("afrf");
        assertThat(r.reportIntervalSeconds()).isEqualTo(86_400);
        assertThat(r.aggregateReports()).isEmpty();
        assertThat(r.publicSuffixDomain()).isEmpty();
        assertThat(r.testing()).isFalse();
        assertThat(r.tags()).containsExactly("p");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.notes()).containsExactly(Message.of("dmarc.note.noRua"));
    }

    @Test
    void everyTagWithWhiteSpaceAndCaseAsTheGrammarAllows() {
        DmarcParseResult result = DmarcRecord.parse("V = DMARC1 ; P = reject ;\tSP=none; NP=Quarantine; adkim=s;"
                + " aspf=S; rua=mailto:dmarc@example.com  ,\tmailto:tld@thirdparty.example.net!10m;"
                + " RUF=mailto:auth@example.com!0G; RI = 123; FO = 0:1:D:s ; RF= afrf; Pct = 100; psd=n; t=y;");
        DmarcRecord r = result.record().orElseThrow();
        assertThat(r.policy()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.subdomainPolicy()).contains(DmarcPolicy.NONE);
        assertThat(r.nonexistentSubdomainPolicy()).contains(DmarcPolicy.QUARANTINE);
        assertThat(r.dkimAlignment()).isEqualTo(DmarcAlignment.STRICT);
        assertThat(r.spfAlignment()).isEqualTo(DmarcAlignment.STRICT);
        assertThat(r.failureOptions()).containsExactly("0", "1", "d", "s");
        assertThat(r.reportIntervalSeconds()).isEqualTo(123);
        assertThat(r.publicSuffixDomain()).contains("n");
        assertThat(r.testing()).isTrue();
        assertThat(r.aggregateReports()).extracting(DmarcReportUri::mailbox)
                .containsExactly(java.util.Optional.of("dmarc@example.com"), java.util.Optional.of("tld@thirdparty.example.net"));
        assertThat(r.aggregateReports().get(1).maxSizeBytes()).isEqualTo(OptionalLong.of(10L << 20));
        assertThat(r.failureReports().get(0).maxSizeBytes()).isEqualTo(OptionalLong.of(0));
        assertThat(result.warnings()).containsExactly(Message.of("dmarc.warn.subdomainsNone", "reject"));
        assertThat(result.notes()).contains(Message.of("dmarc.note.removedTag", "pct"),
                Message.of("dmarc.note.removedTag", "ri"), Message.of("dmarc.note.testing"),
                Message.of("dmarc.note.sizeLimit", "rua", "mailto:tld@thirdparty.example.net!10m"));
    }

    @Test
    void missingPolicyWithReportsActsAsNone() {
        DmarcParseResult result = DmarcRecord.parse("v=DMARC1; rua=mailto:d@example.com");
        assertThat(result.record().orElseThrow().policy()).isEqualTo(DmarcPolicy.NONE);
        assertThat(result.record().orElseThrow().has("p")).isFalse();
        assertThat(result.warnings()).containsExactly(Message.of("dmarc.warn.policyMissing"));
        assertThat(DmarcRecord.parse("v=DMARC1;").errors()).containsExactly(Message.of("dmarc.problem.missingPolicy"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                        | dmarc.problem.empty
            v=DMARC1\\; p=reject                      | dmarc.problem.zoneFileEscaping
            "v=DMARC1; p=reject"                      | dmarc.problem.quoted
            v=spf1 include:spf.protection.outlook.com -all | dmarc.problem.spfRecord
            ' v=DMARC1; p=reject'                     | dmarc.problem.leadingSpace
            v=dmarc1; p=reject                        | dmarc.problem.versionCase
            v=DMARC2; p=reject                        | dmarc.problem.badVersion
            v=DMARC1 p=reject                         | dmarc.problem.missingSeparator
            v=DMARC1; p=reject; p=none                | dmarc.problem.duplicateTag
            v=DMARC1; p=rejected                      | dmarc.problem.badValue
            v=DMARC1; p=reject; pct=101               | dmarc.problem.badValue
            v=DMARC1; p=reject; ri=4294967296         | dmarc.problem.badValue
            v=DMARC1; p=reject; rua=dmarc@example.com | dmarc.problem.badUri
            v=DMARC1; p=reject; rua=mailto:d@example.com!10x | dmarc.problem.badUri
            v=DMARC1; p=reject; junk                  | dmarc.problem.syntax
            """)
    void errors(String record, String key) {
        DmarcParseResult result = DmarcRecord.parse(record);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(Message::key).contains(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            v=DMARC1; sp=none; p=reject                    | dmarc.warn.policyNotFirst
            v=DMARC1; p=reject;; adkim=s                   | dmarc.warn.emptyTag
            v=DMARC1; p=reject; rua=mailto:d@example.com; rfu=mailto:f@example.com | dmarc.warn.unknownTag
            v=DMARC1; p=quarantine; pct=25                 | dmarc.warn.percent
            v=DMARC1; p=reject; rf=iodef                   | dmarc.warn.unknownReportFormat
            v=DMARC1; p=reject; rua=https://example.com/r  | dmarc.warn.unsupportedScheme
            v=DMARC1; p=reject; rua=mailto://example.com   | dmarc.warn.badMailto
            """)
    void warnings(String record, String key) {
        DmarcParseResult result = DmarcRecord.parse(record);
        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).extracting(Message::key).contains(key);
    }

    @Test
    void rrsetNeedsExactlyOneDmarcRecord() {
        assertThat(DmarcRecord.parseRecords(List.of()).errors()).containsExactly(Message.of("dmarc.problem.noRecord"));
        assertThat(DmarcRecord.parseRecords(List.of("v=spf1 -all")).errors())
                .containsExactly(Message.of("dmarc.problem.spfRecord"));
        assertThat(DmarcRecord.parseRecords(List.of("v=DMARC1; p=none", "v=DMARC1; p=reject")).errors())
                .containsExactly(Message.of("dmarc.problem.multipleRecords", 2));
        DmarcParseResult withOther = DmarcRecord.parseRecords(List.of("google-site-verification=x", "v=DMARC1; p=reject"));
        assertThat(withOther.record().orElseThrow().policy()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(withOther.notes()).contains(Message.of("dmarc.note.unrelatedTxt", 1));
        assertThat(DmarcRecord.candidates(List.of(" v=DMARC1; p=reject", "V=dmarc1;p=none", "v=spf1 -all")))
                .hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({
        "mailto:d@example.com,mailto,d@example.com,example.com,-1",
        "mailto:d@Reports.Example.NET!10k,mailto,d@Reports.Example.NET,reports.example.net,10240",
        "mailto:d%2Bx@example.com!2,mailto,d+x@example.com,example.com,2",
        "mailto:d@example.com?subject=x,mailto,d@example.com,example.com,-1",
        "https://r.example.com/dmarc,https,,,-1"})
    void reportUris(String text, String scheme, String mailbox, String host, long size) {
        DmarcReportUri uri = DmarcReportUri.parse(text).orElseThrow();
        assertThat(uri.scheme()).isEqualTo(scheme);
        assertThat(uri.mailbox().orElse(null)).isEqualTo(mailbox);
        assertThat(uri.host().orElse(null)).isEqualTo(host);
        assertThat(uri.maxSizeBytes()).isEqualTo(size < 0 ? OptionalLong.empty() : OptionalLong.of(size));
    }

    @ParameterizedTest
    @CsvSource({"d@example.com", "__mailto:d@example.com", "mailto:d@example.com!", "mailto:d@example.com!10p",
        "mailto:d@example.com!99999999999999999999", "mailto:d@example.com!10 k", "mailto:a b@example.com"})
    void invalidReportUris(String text) {
        assertThat(DmarcReportUri.parse(text)).as(text).isEmpty();
    }
}
