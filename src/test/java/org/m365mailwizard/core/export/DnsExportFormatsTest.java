// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.config.MailConfig;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Zone;

/**
 * The DNS exports read back by the tools or parsers of their formats: the zone file by dnsjava's
 * master-file parser and, where installed (Debian bind9-utils, as CI installs it), named-checkzone;
 * octoDNS YAML by a YAML parser against octoDNS's record rules; dnscontrol's file run by Node.js
 * (Debian nodejs) with stand-ins for its functions; Terraform by {@code terraform fmt -check} where
 * installed, and its resource shape by a documented format test.
 */
class DnsExportFormatsTest {

    private static final String DOMAIN = "contoso-shop.example";
    private final ExportService service = Setups.service();
    private final MailConfig setup = MailConfig.builder().domain(DOMAIN).tenantDomain("contoso.onmicrosoft.com").build();
    @TempDir
    Path dir;

    private String render(ExportTarget target) throws Exception {
        return service.render(target, setup, false, null).content();
    }

    @Test
    void theZoneFileParsesAsAMasterFileWithEveryRecord() throws Exception {
        Path zone = zoneWithHeader(render(ExportTarget.BIND));
        Zone parsed = new Zone(Name.fromString(DOMAIN + "."), zone.toString());
        List<String> records = new ArrayList<>();
        for (var it = parsed.iterator(); it.hasNext(); ) {
            for (Record r : it.next().rrs()) {
                records.add(r.getName() + " " + org.xbill.DNS.Type.string(r.getType()) + " "
                        + (r instanceof TXTRecord t ? String.join("", t.getStrings()) : r.rdataToString()));
            }
        }
        assertThat(records).contains(
                DOMAIN + ". MX 0 contoso-shop-example.mail.protection.outlook.com.",
                DOMAIN + ". TXT v=spf1 include:spf.protection.outlook.com -all",
                "selector1._domainkey." + DOMAIN + ". CNAME selector1-contoso-shop-example._domainkey.contoso.onmicrosoft.com.",
                "_dmarc." + DOMAIN + ". TXT v=DMARC1; p=none; rua=mailto:dmarc-reports@" + DOMAIN,
                "autodiscover." + DOMAIN + ". CNAME autodiscover.outlook.com.");
        assertThat(render(ExportTarget.BIND)).contains("$ORIGIN " + DOMAIN + ".\n");
    }

    @Test
    void theZoneFilePassesNamedCheckzone() throws Exception {
        assumeTrue(onPath("named-checkzone"), "named-checkzone (Debian bind9-utils) is not installed");
        Path zone = zoneWithHeader(render(ExportTarget.BIND));
        Run run = run(List.of("named-checkzone", DOMAIN, zone.toString()), null);
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK");
    }

    @Test
    void octodnsYamlFollowsItsRecordRules() throws Exception {
        JsonNode zone = new ObjectMapper(new YAMLFactory()).readTree(render(ExportTarget.OCTODNS));
        assertThat(zone.fieldNames()).toIterable().containsExactly("", "selector1._domainkey", "selector2._domainkey",
                "_dmarc", "autodiscover");
        Pattern unescaped = Pattern.compile("(?<!\\\\);");
        for (var it = zone.fields(); it.hasNext(); ) {
            var entry = it.next();
            List<JsonNode> records = new ArrayList<>();
            (entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())).forEach(records::add);
            for (JsonNode r : records) {
                assertThat(Set.of("MX", "TXT", "CNAME")).contains(r.path("type").asText());
                assertThat(r.path("ttl").isInt()).isTrue();
                JsonNode value = r.path("value");
                switch (r.path("type").asText()) {
                    case "MX" -> {
                        assertThat(value.path("exchange").asText()).endsWith(".");
                        assertThat(value.path("preference").isInt()).isTrue();
                    }
                    case "CNAME" -> assertThat(value.asText()).endsWith(".");
                    default -> {
                        assertThat(unescaped.matcher(value.asText()).find()).as("unescaped ; in " + value).isFalse();
                        assertThat(value.asText()).doesNotContain("\\\\;");
                    }
                }
            }
        }
        assertThat(zone.path("_dmarc").get(0).path("value").asText())
                .isEqualTo("v=DMARC1\\; p=none\\; rua=mailto:dmarc-reports@" + DOMAIN);
    }

    @Test
    void dnscontrolsFileRunsAndDeclaresEveryRecord() throws Exception {
        assumeTrue(onPath("node"), "Node.js (Debian nodejs) is not installed");
        String stubs = """
                const out = [];
                global.NewRegistrar = (n) => n; global.NewDnsProvider = (n) => n;
                global.DnsProvider = (p) => ({provider: p}); global.TTL = (t) => ({ttl: t}); global.END = {};
                for (const f of ['MX', 'TXT', 'CNAME']) global[f] = (...a) => ({type: f, args: a});
                global.D = (name, reg, ...items) => out.push({name, records: items.filter(i => i && i.type)});
                """;
        Path file = dir.resolve("run.js");
        Files.writeString(file, stubs + "eval(require('fs').readFileSync(process.argv[2], 'utf8'));\n"
                + "console.log(JSON.stringify(out));\n");
        Path config = dir.resolve("dnsconfig.js");
        Files.writeString(config, render(ExportTarget.DNSCONTROL));
        Run run = run(List.of("node", file.toString(), config.toString()), null);
        assertThat(run.code()).as(run.output()).isZero();
        JsonNode domains = new ObjectMapper().readTree(run.output());
        assertThat(domains).hasSize(1);
        assertThat(domains.get(0).path("name").asText()).isEqualTo(DOMAIN);
        List<String> records = new ArrayList<>();
        domains.get(0).path("records").forEach(r -> records.add(r.path("type").asText() + " " + r.path("args").get(0).asText()
                + " " + r.path("args").get(r.path("type").asText().equals("MX") ? 2 : 1).asText()));
        assertThat(records).containsExactly(
                "MX @ contoso-shop-example.mail.protection.outlook.com.",
                "TXT @ v=spf1 include:spf.protection.outlook.com -all",
                "CNAME selector1._domainkey selector1-contoso-shop-example._domainkey.contoso.onmicrosoft.com.",
                "CNAME selector2._domainkey selector2-contoso-shop-example._domainkey.contoso.onmicrosoft.com.",
                "TXT _dmarc v=DMARC1; p=none; rua=mailto:dmarc-reports@" + DOMAIN,
                "CNAME autodiscover autodiscover.outlook.com.");
    }

    @Test
    void terraformUsesTheCurrentResourceNamesAndIsNeverProxied() throws Exception {
        String tf = render(ExportTarget.TERRAFORM);
        // The format test: one resource per record and host, the v5 and azurerm names, balanced braces.
        assertThat(Pattern.compile("resource \"cloudflare_dns_record\"").matcher(tf).results().count()).isEqualTo(6);
        assertThat(tf).contains("resource \"azurerm_dns_mx_record\" \"m365_mx\"",
                "resource \"azurerm_dns_txt_record\" \"m365_spf\"", "resource \"azurerm_dns_cname_record\" \"m365_autodiscover\"",
                "content = \"\\\"v=spf1 include:spf.protection.outlook.com -all\\\"\"",
                "    value = \"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + DOMAIN + "\"")
                .doesNotContain("cloudflare_record\"").doesNotContain("proxied  = true");
        assertThat(tf.chars().filter(c -> c == '{').count()).isEqualTo(tf.chars().filter(c -> c == '}').count());
        assumeTrue(onPath("terraform"), "terraform is not installed");
        Path file = dir.resolve("m365.tf");
        Files.writeString(file, tf);
        Run fmt = run(List.of("terraform", "fmt", "-check", "-diff", file.toString()), null);
        assertThat(fmt.code()).as(fmt.output()).isZero();
    }

    private Path zoneWithHeader(String snippet) throws IOException {
        Path zone = dir.resolve("zone.db");
        Files.writeString(zone, "$TTL 3600\n" + DOMAIN + ". IN SOA ns1." + DOMAIN + ". hostmaster." + DOMAIN
                + ". 1 3600 600 86400 300\n" + DOMAIN + ". IN NS ns1." + DOMAIN + ".\nns1." + DOMAIN + ". IN A 192.0.2.1\n"
                + snippet);
        return zone;
    }

    record Run(int code, String output) {
    }

    private static Run run(List<String> command, Path workDir) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String tool) {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dirName, tool))) {
                return true;
            }
        }
        return false;
    }
}
