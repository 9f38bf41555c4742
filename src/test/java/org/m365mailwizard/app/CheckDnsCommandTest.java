// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.ZoneResponder;

/**
 * {@code check-dns} run in-process through {@link Cli} and the real {@link CommandFactory} against the
 * loopback zones: exit codes, JSON, text, batches. (Terminal output in tests is never a console: no colour.)
 */
class CheckDnsCommandTest {

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();
    private static Path home;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("check-dns-home");
        dns.zones().addZone("xn--bcher-kva.example.", """
                $TTL 300
                @ IN SOA ns1.xn--bcher-kva.example. h.xn--bcher-kva.example. 1 3600 600 86400 300
                @ IN NS ns1.xn--bcher-kva.example.
                ns1 IN A 127.0.0.1
                @ IN MX 0 xn--bcher-kva-example.mail.protection.outlook.com.
                """);
    }

    /** Output of one run. */
    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** One run through the real composition root and command factory, output captured. */
    static Run run(Language language, String... args) {
        return run(language, Map.of(), args);
    }

    static Run run(Language language, Map<String, String> environment, String... args) {
        Texts texts = new Texts(language);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), home), environment,
                Clock.systemUTC())) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(out), new PrintWriter(err)).execute(args);
            return new Run(code, out.toString(), err.toString());
        }
    }

    static Run checkDns(String... args) {
        List<String> all = new ArrayList<>(List.of("check-dns", "--resolver", dns.server().address(), "--timeout-ms", "2000"));
        all.addAll(List.of(args));
        return run(Language.ENGLISH, all.toArray(String[]::new));
    }

    @Test
    void rightZonePrintsOneJsonObjectWithSixChecksAndExitsZero() throws Exception {
        Run run = checkDns("--domain", "contoso.com", "--initial-domain", "contoso.onmicrosoft.com", "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode json = mapper.readTree(run.out());
        assertThat(json.get("domain").asText()).isEqualTo("contoso.com");
        assertThat(json.get("cloud").asText()).isEqualTo("global");
        List<String> ids = StreamSupport.stream(json.get("checks").spliterator(), false).map(c -> c.get("id").asText()).toList();
        assertThat(ids).containsExactly("mx", "spf", "dkim-selector1", "dkim-selector2", "dmarc", "autodiscover");
        for (JsonNode check : json.get("checks")) {
            assertThat(check.get("status").asText()).isEqualTo("pass");
            assertThat(check.fieldNames()).toIterable().contains("id", "status", "expected", "found", "message",
                    "messageKey", "messageArgs", "fix");
            assertThat(check.get("fix").isNull()).isTrue();
        }
    }

    @Test
    void failingZoneExitsOneAndTheTextShowsTheFixes() {
        Run run = checkDns("--domain", "tailspin.example");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("DNS check of tailspin.example for Microsoft 365 (cloud: global)")
                .contains("FAIL   mx ")
                .contains("Records to publish (BIND zone file format):")
                .contains("tailspin.example. 3600 IN MX 0 tailspin-example.mail.protection.outlook.com.")
                .contains("autodiscover.tailspin.example. 3600 IN CNAME autodiscover.outlook.com.");
    }

    @Test
    void dnsFailureExitsThreeEvenWhenOtherChecksFail() throws Exception {
        dns.zones().fault("_dmarc.tailspin.example.", ZoneResponder.Fault.SERVFAIL);
        Run run = checkDns("--domain", "tailspin.example", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode dmarc = mapper.readTree(run.out()).get("checks").get(4);
        assertThat(dmarc.get("status").asText()).isEqualTo("error");
        assertThat(dmarc.get("messageKey").asText()).isEqualTo("dns.error.servfail");
    }

    @Test
    void upperCaseTrailingDotAndInternationalNamesAreAccepted() throws Exception {
        Run upper = checkDns("--domain", "CONTOSO.COM.", "--format", "json");
        assertThat(upper.exitCode()).isZero();
        assertThat(mapper.readTree(upper.out()).get("domain").asText()).isEqualTo("contoso.com");

        Run idn = checkDns("--domain", "Bücher.example", "--format", "json");
        JsonNode json = mapper.readTree(idn.out());
        assertThat(json.get("domain").asText()).isEqualTo("xn--bcher-kva.example");
        JsonNode mx = json.get("checks").get(0);
        assertThat(mx.get("status").asText()).isEqualTo("pass");
        assertThat(mx.get("notes").get(0).get("messageKey").asText()).isEqualTo("dns.note.idn");
    }

    @Test
    void aDomainThatDoesNotExistGivesOneFindingAndNothingToPublish() throws Exception {
        Run run = checkDns("--domain", "no-such-name.contoso.com", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode checks = mapper.readTree(run.out()).get("checks");
        assertThat(checks).hasSize(6);
        for (JsonNode check : checks) {
            assertThat(check.get("fix").isNull()).as(check.get("id").asText()).isTrue();
        }
        assertThat(checks.get(0).get("messageKey").asText()).isEqualTo("dns.mx.noDomain");
        for (int i = 1; i < 6; i++) {
            assertThat(checks.get(i).get("messageKey").asText()).isEqualTo("dns.noDomain.other");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "outlook.com", "hotmail.com", "qq.com", "163.com", "mail.yahoo.com"})
    void aPublicMailDomainIsRefusedAsInput(String domain) {
        Run run = checkDns("--domain", domain);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(domain).containsAnyOf("public mail service", "consumer mail domain");
    }

    @Test
    void invalidInputExitsTwoWithTheReason() {
        Run url = checkDns("--domain", "https://contoso.com/");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("without \"https://\"");
        assertThat(url.out()).isEmpty();

        assertThat(checkDns().exitCode()).isEqualTo(2);
        assertThat(checkDns("--domain", "a.example", "--domains-file", "x").err()).contains("exactly one");
        assertThat(checkDns("--domain", "contoso.com", "--cloud", "mars").err()).contains("Unknown cloud \"mars\"");
        assertThat(checkDns("--domain", "contoso.com", "--format", "xml").exitCode()).isEqualTo(2);
        assertThat(checkDns("--domain", "contoso.com", "--timeout-ms", "5").exitCode()).isEqualTo(2);
        Run resolver = run(Language.ENGLISH, "check-dns", "--domain", "contoso.com", "--resolver", "1.2.3.4:99999");
        assertThat(resolver.exitCode()).isEqualTo(2);
        assertThat(resolver.err()).contains("must be a number from 1 to 65535");
        Run tenant = checkDns("--domain", "contoso.com", "--initial-domain", "contoso.com");
        assertThat(tenant.exitCode()).isEqualTo(2);
        assertThat(tenant.err()).contains("is not an initial domain");
    }

    @Test
    void aResolverThatIsNotThereIsNamedOnceWithTheFix() throws Exception {
        int closed;
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run run = run(Language.ENGLISH, "check-dns", "--domain", "contoso.com", "--resolver", "127.0.0.1:" + closed,
                "--timeout-ms", "2000");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("No DNS server answered: 127.0.0.1:" + closed + " could not be reached")
                .contains("--resolver").doesNotContain("the network is unreachable or the answer was malformed");
        assertThat(run.out().split("could not be reached", -1)).as("the cause said once, not six times").hasSize(2);
        assertThat(run.out()).contains("Not checked: no DNS server answered (127.0.0.1:" + closed + "; see MX).");
    }

    @Test
    void aResolverThatStaysSilentIsNamedWithTheTimeAllowed() throws Exception {
        // Bound but never answering: every question runs into the configured time.
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run(Language.ENGLISH, "check-dns", "--domain", "contoso.com", "--resolver",
                    "127.0.0.1:" + silent.getLocalPort(), "--timeout-ms", "500", "--format", "json");

            assertThat(run.exitCode()).isEqualTo(3);
            JsonNode checks = mapper.readTree(run.out()).get("checks");
            assertThat(checks.get(0).get("messageKey").asText()).isEqualTo("dns.serverDown.timeout");
            assertThat(checks.get(0).get("message").asText()).isEqualTo("No DNS server answered: 127.0.0.1:"
                    + silent.getLocalPort() + " did not answer within 0.5 s, so none of the records could be checked. "
                    + "They may well be fine.");
            assertThat(checks.get(0).get("notes").get(0).get("message").asText()).contains("--timeout-ms");
            for (int i = 1; i < 6; i++) {
                assertThat(checks.get(i).get("messageKey").asText()).isEqualTo("dns.serverDown.other");
                assertThat(checks.get(i).get("status").asText()).isEqualTo("error");
                assertThat(checks.get(i).get("fix").isNull()).isTrue();
            }
        }
    }

    @Test
    void chineseTextKeepsMicrosoft365WholeAndNoLineStartsWithClosingPunctuation() {
        for (int columns = 40; columns <= 100; columns += 3) {
            Run zh = run(Language.SIMPLIFIED_CHINESE, Map.of("COLUMNS", String.valueOf(columns)), "check-dns",
                    "--resolver", dns.server().address(), "--domain", "tailspin.example");
            List<String> lines = zh.out().lines().toList();
            assertThat(lines).as("%d columns", columns)
                    .noneMatch(l -> !l.isBlank() && "，。、；：？！）」』".indexOf(l.strip().charAt(0)) >= 0);
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i - 1).stripTrailing().endsWith("Microsoft") && lines.get(i).strip().startsWith("365"))
                        .as("Microsoft | 365 at %d columns", columns).isFalse();
            }
        }
    }

    @Test
    void chineseOutputIsLocalisedButKeysStayTheSame() throws Exception {
        List<String> args = List.of("check-dns", "--resolver", dns.server().address(), "--domain", "tailspin.example",
                "--format", "json");
        Run zh = run(Language.SIMPLIFIED_CHINESE, args.toArray(String[]::new));
        JsonNode mx = mapper.readTree(zh.out()).get("checks").get(0);
        assertThat(mx.get("messageKey").asText()).isEqualTo("dns.mx.notMicrosoft");
        assertThat(mx.get("message").asText()).contains("该域的邮件投递到");
    }

    @Test
    void authoritativeModeAsksTheZonesOwnServer() throws Exception {
        Run run = checkDns("--domain", "contoso.com", "--authoritative", "--name-server-port",
                String.valueOf(dns.server().port()), "--format", "json");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void domainsFilePrintsOneLinePerDomainSkipsBadLinesAndExitsWithTheWorst(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("domains.txt");
        Files.writeString(file, """
                # customers
                contoso.com
                not a domain!

                tailspin.example
                fabrikam.com
                """);
        Run run = checkDns("--domains-file", file.toString(), "--format", "json", "--parallel", "2");

        assertThat(run.lines()).hasSize(3);
        List<String> domains = new ArrayList<>();
        for (String line : run.lines()) {
            domains.add(mapper.readTree(line).get("domain").asText());
        }
        assertThat(domains).containsExactlyInAnyOrder("contoso.com", "tailspin.example", "fabrikam.com");
        assertThat(run.err()).contains("line 3: skipped");
        assertThat(run.exitCode()).as("a bad line is invalid input, the worst result").isEqualTo(2);

        Files.writeString(file, "contoso.com\ntailspin.example\n");
        Run failing = checkDns("--domains-file", file.toString());
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.lines()).anyMatch(l -> l.startsWith("FAIL") && l.contains("tailspin.example") && l.contains("mx=fail"));

        assertThat(checkDns("--domains-file", dir.resolve("none.txt").toString()).exitCode()).isEqualTo(2);
        assertThat(checkDns("--domains-file", file.toString(), "--parallel", "0").exitCode()).isEqualTo(2);
        Files.writeString(file, "# nothing\n");
        assertThat(checkDns("--domains-file", file.toString()).err()).contains("lists no domain");
    }

    @Test
    void aBatchReportsEveryDomainExactlyAsASingleCheckDoes(@TempDir Path dir) throws Exception {
        // The batch starts its checks on the background executor and shares answers between them; what
        // it prints for a domain must still be what check-dns --domain prints for it alone.
        List<String> domains = List.of("contoso.com", "tailspin.example", "fabrikam.com", "xn--bcher-kva.example");
        Path file = dir.resolve("domains.txt");
        Files.writeString(file, String.join("\n", domains) + "\n" + String.join("\n", domains) + "\n");
        Run batch = checkDns("--domains-file", file.toString(), "--format", "json", "--parallel", "3");

        java.util.Map<String, List<JsonNode>> byDomain = new java.util.HashMap<>();
        for (String line : batch.lines()) {
            JsonNode node = mapper.readTree(line);
            byDomain.computeIfAbsent(node.get("domain").asText(), d -> new ArrayList<>()).add(node);
        }
        assertThat(byDomain.keySet()).containsExactlyInAnyOrderElementsOf(domains);
        for (String domain : domains) {
            JsonNode alone = mapper.readTree(checkDns("--domain", domain, "--format", "json").out());
            assertThat(byDomain.get(domain)).as(domain).hasSize(2).allSatisfy(node -> assertThat(node).isEqualTo(alone));
        }
    }

    @Test
    void helpIsLocalised() {
        Run help = run(Language.ENGLISH, "check-dns", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Checks a domain's MX, SPF, DKIM").contains("--domains-file")
                .contains("default: 5000").contains("--name-server-port=PORT");
    }
}
