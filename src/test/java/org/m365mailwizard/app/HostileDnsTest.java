// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.app.TerminalOutputs.Run;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.testsupport.ZoneResponder;

/**
 * {@code check-dns} against zones written by an attacker and servers that cannot give the whole
 * answer (security review D1, D3, D8): nothing the zone holds acts on the terminal, and an answer
 * cut short is "could not check" (exit 3), never "missing".
 */
class HostileDnsTest {

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void zones() {
        String all = TerminalOutputs.zoneEscaped(TerminalOutputs.EVERY_UNSAFE_CHARACTER);
        dns.zones().addZone("ctrl.example.", """
                $TTL 300
                @ IN SOA ns1.ctrl.example. h.ctrl.example. 1 3600 600 86400 300
                @ IN NS ns1.ctrl.example.
                ns1 IN A 127.0.0.1
                @ IN MX 0 ctrl-example.mail.protection.outlook.com.
                @ IN TXT "v=spf1 \\027[31mRED\\027[0m\\027]0;PWNED\\007 include:spf.protection.outlook.com \\000\\255\\200 -all"
                _dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:a@\\027[2Jctrl.example\\010\\010\\010\\010XX\\010\\013\\010\\013\\010PASS"
                every IN TXT "v=spf1 %s -all"
                _dmarc.every IN TXT "v=DMARC1; p=none; rua=mailto:%s@every.ctrl.example"
                """.formatted(all, all));
        dns.zones().addZone("huge.example.", """
                $TTL 300
                @ IN SOA ns1.huge.example. h.huge.example. 1 3600 600 86400 300
                @ IN NS ns1.huge.example.
                ns1 IN A 127.0.0.1
                @ IN MX 0 huge-example.mail.protection.outlook.com.
                @ IN TXT "v=spf1 include:spf.protection.outlook.com -all"
                """ + TerminalOutputs.bigTxt(70_000));
        dns.zones().addZone("spfloop.example.", """
                $TTL 300
                @ IN SOA ns1.spfloop.example. h.spfloop.example. 1 3600 600 86400 300
                @ IN NS ns1.spfloop.example.
                ns1 IN A 127.0.0.1
                self IN TXT "v=spf1 include:spf.protection.outlook.com include:self.spfloop.example -all"
                muta IN TXT "v=spf1 include:mutb.spfloop.example include:spf.protection.outlook.com -all"
                mutb IN TXT "v=spf1 include:muta.spfloop.example -all"
                redir IN TXT "v=spf1 redirect=redir.spfloop.example"
                """);
        dns.zones().addZone("loop.example.", """
                $TTL 300
                @ IN SOA ns1.loop.example. h.loop.example. 1 3600 600 86400 300
                @ IN NS ns1.loop.example.
                ns1 IN A 127.0.0.1
                @ IN MX 0 loop-example.mail.protection.outlook.com.
                @ IN TXT "v=spf1 include:spf.protection.outlook.com -all"
                _dmarc IN CNAME _dmarc.loop.example.
                """);
    }

    private static Run checkDns(String... args) {
        return TerminalOutputs.checkDns(dns.server().address(), args);
    }

    @Test
    void d1ControlCharactersFromTheZoneNeverReachTheTerminalRaw() {
        Run run = checkDns("--domain", "ctrl.example");

        TerminalOutputs.assertNothingActsOnTheTerminal(run);
        assertThat(run.out()).contains("\\x1b[31mRED", "\\x1b]0;PWNED\\x07", "\\x00", "\\x1b[2J", "\\x0a\\x0a");
        // The newlines and carriage returns cannot invent a line of their own.
        assertThat(run.out().lines().filter(l -> l.startsWith("PASS"))).singleElement().asString().startsWith("PASS   mx");
    }

    @Test
    void d1EveryC0C1AndBidiCharacterIsShownVisiblyInTextSingleAndBatch(@TempDir Path dir) throws Exception {
        Run single = checkDns("--domain", "every.ctrl.example");
        TerminalOutputs.assertNothingActsOnTheTerminal(single);
        assertThat(single.out()).contains("\\x01", "\\x1f", "\\x7f", "\\x85", "\\x9b", "\\u202e", "\\u2066");

        Path file = Files.writeString(dir.resolve("domains.txt"), "every.ctrl.example\nctrl.example\n");
        Run batch = checkDns("--domains-file", file.toString());
        TerminalOutputs.assertNothingActsOnTheTerminal(batch);
        assertThat(batch.out()).contains("every.ctrl.example", "ctrl.example");
    }

    @Test
    void d1JsonKeepsTheExactRecordButEscapesIt() throws Exception {
        Run run = checkDns("--domain", "ctrl.example", "--format", "json");

        TerminalOutputs.assertNothingActsOnTheTerminal(run);
        JsonNode spf = mapper.readTree(run.out()).get("checks").get(1);
        assertThat(spf.get("found").get(0).asText()).contains("\u001b[31mRED");
    }

    @Test
    void d1JsonEscapesEveryC1AndBidiCharacterAndStillReadsBackExactly() throws Exception {
        Run run = checkDns("--domain", "every.ctrl.example", "--format", "json");

        TerminalOutputs.assertNothingActsOnTheTerminal(run);
        JsonNode spf = mapper.readTree(run.out()).get("checks").get(1);
        assertThat(spf.get("found").get(0).asText()).contains(TerminalOutputs.EVERY_UNSAFE_CHARACTER);
    }

    @Test
    void d3TruncatedEvenOverTcpIsCouldNotCheckNeverMissing() throws Exception {
        dns.zones().fault("contoso.com.", ZoneResponder.Fault.TRUNCATE_ALWAYS);
        Run run = checkDns("--domain", "contoso.com", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode checks = mapper.readTree(run.out()).get("checks");
        for (int i : new int[] {0, 1}) {
            assertThat(checks.get(i).get("status").asText()).isEqualTo("error");
            assertThat(checks.get(i).get("messageKey").asText()).isEqualTo("dns.error.truncated");
        }
        assertThat(run.out()).doesNotContain("dns.spf.missing", "dns.mx.none");
    }

    @Test
    void d3AnRrsetOver64KbIsCouldNotCheckWithTheReason() throws Exception {
        Run run = checkDns("--domain", "huge.example", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode spf = mapper.readTree(run.out()).get("checks").get(1);
        assertThat(spf.get("status").asText()).isEqualTo("error");
        assertThat(spf.get("messageKey").asText()).isEqualTo("dns.error.truncated");
        assertThat(spf.get("fix").isNull()).isTrue();
        assertThat(checkDns("--domain", "huge.example").out()).contains("more than 64 KB");
    }

    @Test
    void d3AnIncludeThatAnswersTruncatedIsTemperrorNotAMissingInclude() throws Exception {
        dns.zones().fault("spf.protection.outlook.com.", ZoneResponder.Fault.TRUNCATE_ALWAYS);
        Run run = checkDns("--domain", "contoso.com", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode spf = mapper.readTree(run.out()).get("checks").get(1);
        assertThat(spf.get("status").asText()).isEqualTo("error");
        assertThat(spf.get("messageKey").asText()).isNotEqualTo("dns.spf.microsoftMissing");
        assertThat(spf.toString()).contains("spf.problem.dns.truncated");
    }

    @Test
    void d3TruncatedOverUdpOnlyIsReadOverTcpAndPasses() throws Exception {
        dns.zones().fault("contoso.com.", ZoneResponder.Fault.TRUNCATE_UDP);
        Run run = checkDns("--domain", "contoso.com", "--format", "json");

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void d8ADmarcCnameLoopIsTheZonesErrorNotTheNetworks() throws Exception {
        Run run = checkDns("--domain", "loop.example", "--format", "json");

        JsonNode dmarc = mapper.readTree(run.out()).get("checks").get(4);
        assertThat(dmarc.get("status").asText()).isEqualTo("fail");
        assertThat(dmarc.get("messageKey").asText()).isEqualTo("dns.error.cnameLoop");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(new String(checkDns("--domain", "loop.example").out().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).contains("leads back to itself").doesNotContain("network");
    }

    @Test
    void d4AnEndlessLineEndsWithAMessageNotOutOfMemory() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "needs /dev/zero");
        Run run = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> checkDns("--domains-file", "/dev/zero"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("/dev/zero is larger than 64 MB");
        TerminalOutputs.assertNothingActsOnTheTerminal(run);
    }

    @Test
    void d4AnOverlongLineIsSkippedAndTheLinesAroundItAreChecked(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("d.txt"), "contoso.com\n" + "a".repeat(100_000) + "\nfabrikam.com\n");
        Run run = checkDns("--domains-file", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 2: skipped. It is longer than 4096 bytes").doesNotContain("line 1", "line 3");
        assertThat(run.out()).contains("contoso.com", "fabrikam.com");
    }

    @Test
    void d6OneByteThatIsNotUtf8CostsOnlyItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.txt");
        Files.write(file, new byte[] {'c', 'o', 'n', 't', 'o', 's', 'o', '.', 'c', 'o', 'm', '\n', (byte) 0xff, (byte) 0xfe,
                '\n', 'f', 'a', 'b', 'r', 'i', 'k', 'a', 'm', '.', 'c', 'o', 'm', '\r', '\n'});
        Run run = checkDns("--domains-file", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 2: skipped. It holds bytes that are not UTF-8").doesNotContain("cannot be read");
        assertThat(run.out()).contains("contoso.com", "fabrikam.com");
    }

    @Test
    void d1BadLinesAndBadDomainsAreEchoedWithTheirControlsVisible(@TempDir Path dir) throws Exception {
        String hostile = "good.example" + TerminalOutputs.EVERY_UNSAFE_CHARACTER.replace("\n", "");
        Path file = Files.writeString(dir.resolve("d.txt"), hostile + "\ncontoso.com\n");
        Run batch = checkDns("--domains-file", file.toString());
        TerminalOutputs.assertNothingActsOnTheTerminal(batch);
        assertThat(batch.err()).contains("line 1: skipped");
        assertThat(batch.out()).contains("contoso.com");

        Run single = checkDns("--domain", "good.example\u001b[31m");
        assertThat(single.exitCode()).isEqualTo(2);
        TerminalOutputs.assertNothingActsOnTheTerminal(single);
        assertThat(single.err()).contains("\\x1b[31m");
        for (char c : TerminalOutputs.EVERY_UNSAFE_CHARACTER.toCharArray()) {
            Run each = checkDns("--domain", "good" + c + ".example");
            assertThat(each.exitCode()).isEqualTo(2);
            TerminalOutputs.assertNothingActsOnTheTerminal(each);
        }
    }

    @Test
    void aFolderGivenAsTheDomainsFileIsNamedAsOne(@TempDir Path dir) {
        Run run = checkDns("--domains-file", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a folder, not a file");
    }

    private JsonNode spf(String domain) throws Exception {
        return mapper.readTree(checkDns("--domain", domain, "--format", "json").out()).get("checks").get(1);
    }

    @Test
    void d8AnIncludeLoopBeforeMicrosoftsIncludeIsNamedAndNoFixKeepsIt() throws Exception {
        JsonNode spf = spf("muta.spfloop.example");

        assertThat(spf.get("status").asText()).isEqualTo("fail");
        assertThat(spf.get("messageKey").asText()).isEqualTo("dns.spf.loop");
        assertThat(spf.toString()).doesNotContain("dns.spf.microsoftMissing");
        assertThat(spf.get("fix").isNull()).isTrue();
    }

    @Test
    void d8ARedirectToItselfIsNamedAndNoFixKeepsIt() throws Exception {
        JsonNode spf = spf("redir.spfloop.example");

        assertThat(spf.get("status").asText()).isEqualTo("fail");
        assertThat(spf.get("messageKey").asText()).isEqualTo("dns.spf.loop");
        assertThat(spf.get("fix").isNull()).isTrue();
    }

    @Test
    void d8ASelfIncludeAfterMicrosoftsIncludeIsAWarningNotAPass() throws Exception {
        JsonNode spf = spf("self.spfloop.example");

        assertThat(spf.get("status").asText()).isEqualTo("warn");
        assertThat(spf.get("messageKey").asText()).isEqualTo("dns.spf.loop");
    }
}
