// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;

/** Each failure tied to its cause and fix, and the trust rule for Exchange Online's id-less form. */
class HeaderAnalyzerTest {

    private static final HeaderSetup CONTOSO = new HeaderSetup("contoso.com", "web@contoso.com", Cloud.CHINA);

    private static HeaderAnalysis analyze(HeaderSetup setup, String... lines) {
        return new HeaderAnalyzer().analyze(HeaderBlock.parse(String.join("\n", lines) + "\n\n"), setup);
    }

    private static Finding finding(HeaderAnalysis analysis, String id) {
        return analysis.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> noteKeys(Finding f) {
        return f.notes().stream().map(Message::key).toList();
    }

    @Test
    void spfFailureForTheOwnDomainNamesTheCloudsInclude() {
        HeaderAnalysis a = analyze(CONTOSO, "Authentication-Results: mx.example.net; spf=fail smtp.mailfrom=web@contoso.com",
                "From: web@contoso.com");
        Finding spf = finding(a, "headers-spf");
        assertThat(spf.status()).isEqualTo(Status.FAIL);
        assertThat(spf.notes()).containsExactly(Message.of("headers.fix.spfInclude", "contoso.com",
                "spf.protection.partner.outlook.cn"));
    }

    @Test
    void spfFailureForAnotherMailFromIsNotBlamedOnTheAdminsRecord() {
        HeaderAnalysis a = analyze(CONTOSO, "Authentication-Results: mx.example.net; spf=softfail smtp.mailfrom=bounce.forwarder.example");
        assertThat(noteKeys(finding(a, "headers-spf"))).containsExactly("headers.spf.notOwnDomain");
    }

    @Test
    void unsignedMailPointsToEnablingDkim() {
        HeaderAnalysis a = analyze(HeaderSetup.NONE, "Authentication-Results: mx.example.net; dkim=none; dmarc=fail header.from=contoso.com",
                "From: web@contoso.com");
        assertThat(finding(a, "headers-dkim").notes()).containsExactly(Message.of("headers.fix.dkimEnable", "contoso.com"));
        assertThat(finding(a, "headers-dmarc").notes()).containsExactly(Message.of("headers.dmarc.nothingPassed", "contoso.com"));
    }

    @Test
    void dmarcFailWithSpfPassIsExplainedAsAlignment() {
        HeaderAnalysis a = analyze(HeaderSetup.NONE, "Authentication-Results: mx.google.com; spf=pass smtp.mailfrom=bounces.mailer.example;"
                + " dkim=none; dmarc=fail (p=REJECT) header.from=contoso.com");
        assertThat(finding(a, "headers-dmarc").notes())
                .containsExactly(Message.of("headers.dmarc.spfNotAligned", "bounces.mailer.example", "contoso.com"));
        assertThat(a.exitCode()).isEqualTo(1);
    }

    @Test
    void anIdlessStampWithoutSignsOfMicrosoft365ReceivingIsNotTheVerdict() {
        // Microsoft 365 on the sending side, then a Postfix receiver that wrote nothing.
        HeaderAnalysis a = analyze(HeaderSetup.NONE,
                "Received: from mail.protection.outlook.com by mx.example.org",
                "Authentication-Results: dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=contoso.com;",
                "From: web@contoso.com");
        assertThat(a.receiver().trusted()).isEmpty();
        assertThat(a.receiver().idlessUntrusted()).isTrue();
        assertThat(finding(a, "headers-receiver").message().key()).isEqualTo("headers.receiver.idlessUntrusted");
        assertThat(a.verdict().dmarc()).isNull();
        assertThat(a.exitCode()).isEqualTo(1);
    }

    @Test
    void anIdlessStampAboveExchangeOnlinesReceivedSpfIsTheVerdict() {
        HeaderAnalysis a = analyze(HeaderSetup.NONE,
                "Authentication-Results: spf=pass (sender IP is 209.85.220.41) smtp.mailfrom=gmail.com; dkim=pass"
                        + " (signature was verified) header.d=gmail.com;dmarc=pass action=none header.from=gmail.com",
                "Received-SPF: Pass (protection.outlook.com: domain of gmail.com designates 209.85.220.41 as permitted"
                        + " sender) receiver=protection.outlook.com; client-ip=209.85.220.41; helo=mail-sor-f41.google.com; pr=C");
        assertThat(a.receiver().exchangeOnline()).isTrue();
        assertThat(a.verdict().dmarc()).isEqualTo("pass");
        assertThat(a.exitCode()).isZero();
    }

    @Test
    void aForgedHeaderBelowTheReceiversIsHistoryNotTheVerdict() {
        HeaderAnalysis a = analyze(HeaderSetup.NONE,
                "Authentication-Results: mx.google.com; spf=fail smtp.mailfrom=contoso.com; dmarc=fail header.from=contoso.com",
                "Authentication-Results: mx.google.com; dmarc=pass header.from=contoso.com",
                "Authentication-Results: attacker.example; spf=pass smtp.mailfrom=contoso.com; dmarc=pass header.from=contoso.com");
        assertThat(a.receiver().trusted()).hasSize(2);
        assertThat(a.receiver().otherHops()).hasSize(1);
        assertThat(a.verdict().spf()).isEqualTo("fail");
        assertThat(a.verdict().dmarc()).isEqualTo("fail");
    }

    @ParameterizedTest
    @CsvSource({"000, headers.compauth.reason.000", "001, headers.compauth.reason.001", "002, headers.compauth.reason.002",
        "010, headers.compauth.reason.010", "130, headers.compauth.reason.130", "100, headers.compauth.reason.1xx",
        "705, headers.compauth.reason.1xx", "201, headers.compauth.reason.2xx", "301, headers.compauth.reason.3xx",
        "451, headers.compauth.reason.4xx", "905, headers.compauth.reason.4xx", "601, headers.compauth.reason.6xx",
        "500, headers.compauth.reason.unknown", "x1, headers.compauth.reason.unknown"})
    void compauthReasonCodesFollowMicrosoftsTable(String code, String key) {
        assertThat(CompauthReason.explain(code).key()).isEqualTo(key);
    }

    @Test
    void noAuthenticationResultsAtAllIsSaidPlainly() {
        HeaderAnalysis a = analyze(HeaderSetup.NONE, "From: a@example.com", "Subject: hi");
        assertThat(a.findings()).extracting(Finding::id).containsExactly("headers-receiver");
        assertThat(a.findings().get(0).message().key()).isEqualTo("headers.receiver.missing");
        assertThat(a.exitCode()).isEqualTo(1);
    }
}
