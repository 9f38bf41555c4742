// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** {@code check-headers} through the real composition root: files and standard input in, verdict and exit code out. */
class CheckHeadersCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    private Run run(Language language, String... args) {
        Texts texts = new Texts(language);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), dir), Map.of(), Clock.systemUTC())) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(out), new PrintWriter(err)).execute(args);
            return new Run(code, out.toString(), err.toString());
        }
    }

    private static Path corpus(String name) throws Exception {
        return Path.of(CheckHeadersCommandTest.class.getResource("/headers/corpus/" + name).toURI());
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aPassingGmailMessageExitsZeroWithTheVerdictInJson() throws Exception {
        Run run = run(Language.ENGLISH, "check-headers", corpus("blaze-004-gmail-discourse.eml").toString(), "--format", "json");

        assertThat(run.code()).isZero();
        JsonNode json = mapper.readTree(run.out());
        JsonNode verdict = json.get("verdict");
        assertThat(verdict.get("authservId").asText()).isEqualTo("mx.google.com");
        assertThat(verdict.get("spf").asText()).isEqualTo("pass");
        assertThat(verdict.get("dkim").asText()).isEqualTo("pass");
        assertThat(verdict.get("dmarc").asText()).isEqualTo("pass");
        assertThat(verdict.get("compauth").isNull()).isTrue();
        assertThat(verdict.get("compauthReason").isNull()).isTrue();
        assertThat(verdict.get("headerFrom").asText()).isEqualTo("discoursemail.com");
        assertThat(json.get("checks").findValuesAsText("id")).contains("headers-receiver", "headers-spf", "headers-dkim",
                "headers-dmarc", "headers-arc");
        assertThat(json.get("checks").get(0).get("messageKey").asText()).isEqualTo("headers.receiver.found");
    }

    @Test
    void exchangeOnlinesCompauthFailureExitsOneAndExplainsTheReasonCode() throws Exception {
        Run run = run(Language.ENGLISH, "check-headers", corpus("msdocs-compauth-fail-001-no-records.txt").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("Microsoft 365 (Exchange Online) received the message",
                "failed implicit authentication", "spf=none dkim=none dmarc=none compauth=fail 001");
    }

    @Test
    void forwardedMailWithArcIsExplainedAsSuch() throws Exception {
        Run run = run(Language.ENGLISH, "check-headers", corpus("blaze-005-kernelorg-forwarded-gmail-arc.eml").toString(),
                "--format", "json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode checks = mapper.readTree(run.out()).get("checks");
        assertThat(checks.findValuesAsText("messageKey")).contains("headers.arc", "headers.dmarc.forwarded");
    }

    @Test
    void standardInputIsReadForADash() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(corpus("blaze-001-gmail-github-sendgrid.eml"))));
            Run run = run(Language.ENGLISH, "check-headers", "-", "--format", "json");
            assertThat(run.code()).isZero();
            assertThat(mapper.readTree(run.out()).get("verdict").get("headerFrom").asText()).isEqualTo("github.com");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void inputWithoutHeaderFieldsExitsTwo() throws Exception {
        Run run = run(Language.ENGLISH, "check-headers", file("note.txt", "just some words\nand more\n").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("No header fields were found");
    }

    @Test
    void anOutlookMsgFileIsRefusedWithTheWayOut() throws Exception {
        Path msg = dir.resolve("mail.msg");
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Files.write(msg, ole);

        Run run = run(Language.ENGLISH, "check-headers", msg.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Outlook .msg", "Internet headers", ".eml");
    }

    @Test
    void theSetupTiesFailuresToTheAdminsOwnDomain() throws Exception {
        Path config = file("m365.json", "{\"schema\":\"m365-mail-wizard/1\",\"cloud\":\"global\",\"domain\":\"contoso.com\","
                + "\"sender\":\"web@contoso.com\"}");
        Path mail = file("test.eml", String.join("\r\n",
                "Authentication-Results: spf=softfail (sender IP is 40.107.1.1) smtp.mailfrom=contoso.com;",
                " dkim=pass (signature was verified) header.d=contoso.onmicrosoft.com;dmarc=fail action=none",
                " header.from=contoso.com;compauth=fail reason=000",
                "Received-SPF: SoftFail (protection.outlook.com: domain of transitioning contoso.com discourages use of",
                " 40.107.1.1 as permitted sender)",
                "DKIM-Signature: v=1; a=rsa-sha256; d=contoso.onmicrosoft.com; s=selector1-contoso-com; bh=x; b=y",
                "From: Web <web@contoso.com>",
                "x-m365-mail-wizard-test: 9f0f3d69-1",
                "", "body"));

        Run run = run(Language.ENGLISH, "check-headers", mail.toString(), "--config", config.toString(), "--format", "json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("testId").asText()).isEqualTo("9f0f3d69-1");
        String keys = json.get("checks").findValuesAsText("messageKey").toString();
        assertThat(keys).contains("headers.testMail.found", "headers.spf.softfail", "headers.fix.spfInclude",
                "headers.dkim.initialDomain", "headers.fix.dkimEnable", "headers.dmarc.fail", "headers.dmarc.dkimNotAligned",
                "headers.compauth.reason.000", "headers.from.same", "headers.dkimDomain.other");
        assertThat(run.out()).contains("include:spf.protection.outlook.com");
    }

    @Test
    void controlCharactersNeverReachTheTerminal() throws Exception {
        Path mail = file("evil.eml", "Authentication-Results: mx.example.org; spf=pass\u001b[2J smtp.mailfrom=a\u001b]0;x\u0007.com\n"
                + "From: x@example.org\n\n");

        Run run = run(Language.ENGLISH, "check-headers", mail.toString());

        assertThat(run.out()).doesNotContain("\u001b", "\u0007").contains("\\x1b");
    }

    @Test
    void chineseOutputUsesTheChineseBundle() throws Exception {
        Run run = run(Language.SIMPLIFIED_CHINESE, "check-headers", corpus("blaze-002-gmail-github-arc.eml").toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("收件方 mx.google.com");
        assertThat(new String(run.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("headers.");
    }
}
