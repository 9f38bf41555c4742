// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.app.CheckDnsCommandTest.Run;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;

/**
 * {@code check-dns --config}: the domain, cloud and initial domain come from the file, and its
 * {@code dnsRecords} (Microsoft's own values) are the expectations. A hyphenated domain is the case
 * where Microsoft's MX host differs from the one derived from the domain's name.
 */
class CheckDnsConfigTest {

    /** What Microsoft lists for {@code *-shop.example}: not the dashed domain name. */
    private static final String LISTED_MX = "contoso-shop-example01c.mail.protection.outlook.com";
    private static final String DERIVED_MX = "contoso-shop-example.mail.protection.outlook.com";

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    static Path home;

    @BeforeAll
    static void zones() {
        dns.zones().addZone("contoso-shop.example.", zone("contoso-shop.example.", LISTED_MX));
        dns.zones().addZone("contoso-store.example.", zone("contoso-store.example.", DERIVED_MX));
    }

    private static String zone(String origin, String mx) {
        return "$TTL 300\n"
                + "@ IN SOA ns1." + origin + " h." + origin + " 1 3600 600 86400 300\n"
                + "@ IN NS ns1." + origin + "\n"
                + "ns1 IN A 127.0.0.1\n"
                + "@ IN MX 0 " + mx + ".\n"
                + "@ IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"\n"
                + "autodiscover IN CNAME autodiscover.outlook.com.\n";
    }

    private Path config(Path dir, String domain) throws Exception {
        String json = """
                { "schema": "m365-mail-wizard/1", "cloud": "global", "domain": "%s",
                  "tenantDomain": "contoso.onmicrosoft.com",
                  "dnsRecords": [
                    { "@odata.type": "#microsoft.graph.domainDnsMxRecord", "isOptional": false, "label": "%s",
                      "recordType": "Mx", "supportedService": "Email", "ttl": 3600,
                      "mailExchange": "%s", "preference": 0 },
                    { "@odata.type": "#microsoft.graph.domainDnsTxtRecord", "isOptional": false, "label": "%s",
                      "recordType": "Txt", "supportedService": "Email", "ttl": 3600,
                      "text": "v=spf1 include: spf.protection.outlook.com -all" },
                    { "@odata.type": "#microsoft.graph.domainDnsCnameRecord", "isOptional": false,
                      "label": "autodiscover.%s", "recordType": "CName", "supportedService": "Email", "ttl": 3600,
                      "canonicalName": "autodiscover.outlook.com" } ] }
                """.formatted(domain, domain, LISTED_MX, domain, domain);
        Path file = dir.resolve(domain + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private Run checkDns(String... args) {
        List<String> all = new ArrayList<>(List.of("check-dns", "--resolver", dns.server().address(), "--timeout-ms", "2000"));
        all.addAll(List.of(args));
        Texts texts = new Texts(Language.ENGLISH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), home), Map.of(), Clock.systemUTC())) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(out), new PrintWriter(err))
                    .execute(all.toArray(String[]::new));
            return new Run(code, out.toString(), err.toString());
        }
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id);
    }

    private static List<String> noteKeys(JsonNode check) {
        List<String> keys = new ArrayList<>();
        check.get("notes").forEach(n -> keys.add(n.get("messageKey").asText()));
        return keys;
    }

    @Test
    void dnsMatchingMicrosoftsValuePassesAndSaysWhereTheValueComesFrom(@TempDir Path dir) throws Exception {
        Run run = checkDns("--config", config(dir, "contoso-shop.example").toString(), "--format", "json");

        JsonNode report = mapper.readTree(run.out());
        assertThat(report.get("domain").asText()).isEqualTo("contoso-shop.example");
        JsonNode mx = check(report, "mx");
        assertThat(mx.get("status").asText()).isEqualTo("pass");
        assertThat(mx.get("expected").asText()).isEqualTo("MX 0 " + LISTED_MX);
        assertThat(noteKeys(mx)).contains("dns.note.asMicrosoftLists").doesNotContain("dns.mx.note.exactValue");
        assertThat(mx.toString()).contains("as Microsoft lists it for your tenant");
        JsonNode spf = check(report, "spf");
        assertThat(spf.get("status").asText()).isEqualTo("pass");
        assertThat(noteKeys(spf)).contains("dns.note.asMicrosoftLists");
        JsonNode autodiscover = check(report, "autodiscover");
        assertThat(autodiscover.get("status").asText()).isEqualTo("pass");
        assertThat(noteKeys(autodiscover)).contains("dns.note.asMicrosoftLists");
    }

    @Test
    void dnsMatchingOnlyTheDerivedPatternFailsWithMicrosoftsValueAsTheFix(@TempDir Path dir) throws Exception {
        Run run = checkDns("--config", config(dir, "contoso-store.example").toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode mx = check(mapper.readTree(run.out()), "mx");
        assertThat(mx.get("status").asText()).isEqualTo("fail");
        assertThat(mx.get("messageKey").asText()).isEqualTo("dns.mx.notListed");
        assertThat(mx.get("fix").get("value").asText()).isEqualTo("0 " + LISTED_MX + ".");
        assertThat(mx.get("fix").get("host").asText()).isEqualTo("contoso-store.example.");
    }

    @Test
    void withoutTheConfigTheSameZonePassesOnThePattern() throws Exception {
        Run run = checkDns("--domain", "contoso-store.example", "--format", "json");
        assertThat(check(mapper.readTree(run.out()), "mx").get("status").asText()).isEqualTo("pass");
    }

    @Test
    void explicitFlagsWinOverTheFileAndAnotherDomainGetsThePatterns(@TempDir Path dir) throws Exception {
        Path file = config(dir, "contoso-store.example");
        Run run = checkDns("--config", file.toString(), "--domain", "contoso-shop.example", "--format", "json");
        JsonNode report = mapper.readTree(run.out());
        assertThat(report.get("domain").asText()).isEqualTo("contoso-shop.example");
        assertThat(noteKeys(check(report, "mx"))).doesNotContain("dns.note.asMicrosoftLists");

        Run china = checkDns("--config", file.toString(), "--cloud", "china", "--format", "json");
        assertThat(mapper.readTree(china.out()).get("cloud").asText()).isEqualTo("china");
    }

    @Test
    void anUnverifiedDomainNamesTheVerificationRecordToPublish(@TempDir Path dir) throws Exception {
        Path file = config(dir, "contoso-shop.example");
        String json = Files.readString(file).replace("\"canonicalName\": \"autodiscover.outlook.com\" } ]",
                "\"canonicalName\": \"autodiscover.outlook.com\" },"
                        + " { \"@odata.type\": \"#microsoft.graph.domainDnsTxtRecord\", \"label\": \"contoso-shop.example\","
                        + " \"recordType\": \"Txt\", \"supportedService\": \"None\", \"isOptional\": false, \"ttl\": 3600,"
                        + " \"text\": \"MS=ms95480250\" } ]");
        Files.writeString(file, json);
        JsonNode mx = check(mapper.readTree(checkDns("--config", file.toString(), "--format", "json").out()), "mx");
        assertThat(noteKeys(mx)).contains("dns.note.unverified");
        assertThat(mx.toString()).contains("MS=ms95480250");
    }

    @Test
    void aConfigWithoutDnsRecordsStaysValid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{ \"schema\": \"m365-mail-wizard/1\", \"domain\": \"contoso.com\" }");
        Run run = checkDns("--config", file.toString(), "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(mapper.readTree(run.out()).get("domain").asText()).isEqualTo("contoso.com");
    }

    @Test
    void malformedDnsRecordsIsBadInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ \"schema\": \"m365-mail-wizard/1\", \"domain\": \"contoso.com\", \"dnsRecords\": 5 }");
        Run run = checkDns("--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dnsRecords");
    }
}
