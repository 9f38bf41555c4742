// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.CloudflareStandIn;
import org.m365mailwizard.testsupport.LogCapture;

/**
 * {@code publish-dns} end to end through {@link Cli} and the real {@link CommandFactory}: the Cloudflare
 * stand-in over HTTPS on loopback holds the zones, the loopback DNS server serves what it holds, and
 * verifying asks that server as the domain's authoritative one. Only configuration points the command
 * at them ({@code endpoints.cloudflare}, {@code --resolver}, {@code --name-server-port}).
 */
class PublishDnsCommandTest {

    private static final String TOKEN = "cf-test-token-9f8e7d6c5b4a";

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();
    private static CloudflareStandIn cloudflare;
    private static Path home;
    private final ObjectMapper mapper = new ObjectMapper();
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("publish-dns-home");
        cloudflare = CloudflareStandIn.start(TOKEN, dns.zones());
        // Google Workspace's SPF include, as a zone the loopback server answers for.
        dns.zones().addZone("google.com.", """
                $TTL 300
                @ IN SOA ns1.google.com. h.google.com. 1 3600 600 86400 300
                @ IN NS ns1.google.com.
                _spf IN TXT "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ~all"
                """);
        StringBuilder many = new StringBuilder("$TTL 300\n@ IN SOA ns1.senders.example. h.senders.example. 1 3600 600 86400 300\n"
                + "@ IN NS ns1.senders.example.\n");
        for (int i = 1; i <= 10; i++) {
            many.append("s").append(i).append(" IN TXT \"v=spf1 ip4:198.51.100.").append(i).append(" -all\"\n");
        }
        dns.zones().addZone("senders.example.", many.toString());
    }

    @AfterAll
    static void stop() {
        cloudflare.close();
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        Texts texts = new Texts(Language.ENGLISH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), home), env, Clock.systemUTC())) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(out), new PrintWriter(err)).execute(args);
            return new Run(code, out.toString(), err.toString());
        }
    }

    private Run publish(String domain, String... more) throws Exception {
        Path config = dir.resolve("setup.json");
        Files.writeString(config, "{\"schema\":\"m365-mail-wizard/1\",\"endpoints\":{\"cloudflare\":\"" + cloudflare.root() + "\"}}");
        List<String> args = new ArrayList<>(List.of("publish-dns", "--domain", domain, "--config", config.toString(),
                "--provider", "cloudflare", "--resolver", dns.server().address(), "--timeout-ms", "2000",
                "--name-server-port", String.valueOf(dns.server().port())));
        args.addAll(List.of(more));
        if (!args.contains("--verify-timeout")) {
            args.addAll(List.of("--verify-timeout", "20"));
        }
        return run(Map.of("CLOUDFLARE_API_TOKEN", TOKEN), args.toArray(String[]::new));
    }

    private List<String> contents(String zone, String type) {
        return cloudflare.records(zone).stream().filter(r -> r.path("type").asText().equals(type))
                .map(r -> r.path("name").asText() + " " + (r.has("priority") ? r.path("priority").asInt() + " " : "")
                        + r.path("content").asText()).toList();
    }

    @Test
    void emptyZoneDryRunPlansEveryAddAndWritesNothing() throws Exception {
        cloudflare.addZone("blank.example", "www A 192.0.2.80");
        long before = cloudflare.writes();

        Run run = publish("blank.example", "--dry-run", "--format", "json", "--initial-domain", "blank.onmicrosoft.com");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = mapper.readTree(run.out());
        assertThat(plan.get("zone").asText()).isEqualTo("blank.example");
        assertThat(plan.get("leftAlone").asInt()).as("the www record").isEqualTo(1);
        List<String> entries = new ArrayList<>();
        for (JsonNode c : plan.get("changes")) {
            assertThat(c.fieldNames()).toIterable().contains("action", "type", "name", "before", "after");
            entries.add(c.get("action").asText() + " " + c.get("type").asText() + " " + c.get("name").asText() + " "
                    + c.get("after"));
        }
        assertThat(entries).containsExactly(
                "add MX blank.example. [\"0 blank-example.mail.protection.outlook.com.\"]",
                "add TXT blank.example. [\"v=spf1 include:spf.protection.outlook.com -all\"]",
                "add CNAME selector1._domainkey.blank.example. [\"selector1-blank-example._domainkey.blank.onmicrosoft.com.\"]",
                "add CNAME selector2._domainkey.blank.example. [\"selector2-blank-example._domainkey.blank.onmicrosoft.com.\"]",
                "add TXT _dmarc.blank.example. [\"v=DMARC1; p=none; rua=mailto:dmarc-reports@blank.example\"]",
                "add CNAME autodiscover.blank.example. [\"autodiscover.outlook.com.\"]");
        assertThat(cloudflare.writes()).isEqualTo(before);
    }

    @Test
    void applyWritesUnproxiedRecordsVerifiesAtTheNameServersAndUndoRestores() throws Exception {
        cloudflare.addZone("fresh.example", "www A 192.0.2.80");
        cloudflare.pageSize(2); // three pages of records after the apply: paging is followed
        Path journal = dir.resolve("journal.json");

        Run run = publish("fresh.example", "--yes", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("LEAVE ALONE: 1 other record in the zone").contains("ADD     MX     fresh.example.").contains("OK      ADD CNAME autodiscover.fresh.example.")
                .contains("Verified: the domain's name servers serve the new records");
        assertThat(run.err()).contains("Verifying at the domain's name servers, round 1");
        assertThat(contents("fresh.example", "TXT")).contains(
                "fresh.example \"v=spf1 include:spf.protection.outlook.com -all\"");
        assertThat(cloudflare.records("fresh.example")).filteredOn(r -> r.path("type").asText().equals("CNAME"))
                .allSatisfy(r -> assertThat(r.path("proxied").asBoolean(true)).isFalse());
        assertThat(Files.readString(journal)).doesNotContain(TOKEN).contains("\"applied\" : true");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");

        Run again = publish("fresh.example", "--yes");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing to change");

        Run undo = run(Map.of("CLOUDFLARE_API_TOKEN", TOKEN), "publish-dns", "--undo", journal.toString(), "--yes",
                "--config", dir.resolve("setup.json").toString());
        assertThat(undo.exitCode()).as(undo.out() + undo.err()).isZero();
        assertThat(cloudflare.records("fresh.example")).extracting(r -> r.path("type").asText()).containsExactly("A");
        cloudflare.pageSize(Integer.MAX_VALUE);
    }

    @Test
    void googleWorkspaceSpfIsMergedBeforeAllAndMovingMailNeedsItsOwnConfirmation() throws Exception {
        cloudflare.addZone("gsuite.example", "@ MX 1 aspmx.l.google.com.", "@ MX 5 alt1.aspmx.l.google.com.",
                "@ TXT \"v=spf1 include:_spf.google.com ~all\"", "@ TXT \"google-site-verification=xyz\"");

        Run plan = publish("gsuite.example", "--dry-run", "--format", "json");
        JsonNode changes = mapper.readTree(plan.out()).get("changes");
        JsonNode spf = changes.get(1);
        assertThat(spf.get("action").asText()).isEqualTo("change");
        assertThat(spf.get("before").get(0).asText()).isEqualTo("v=spf1 include:_spf.google.com ~all");
        assertThat(spf.get("after").get(0).asText())
                .isEqualTo("v=spf1 include:spf.protection.outlook.com include:_spf.google.com ~all");
        JsonNode mx = changes.get(0);
        assertThat(mx.get("movesMail").asBoolean()).isTrue();
        assertThat(mx.get("before")).hasSize(2);

        long writes = cloudflare.writes();
        Run unconfirmed = publish("gsuite.example", "--yes");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("needs its own confirmation (--move-mail)");
        assertThat(cloudflare.writes()).isEqualTo(writes);

        Run applied = publish("gsuite.example", "--yes", "--move-mail");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(contents("gsuite.example", "TXT")).containsExactlyInAnyOrder(
                "gsuite.example \"v=spf1 include:spf.protection.outlook.com include:_spf.google.com ~all\"",
                "gsuite.example \"google-site-verification=xyz\"",
                "_dmarc.gsuite.example \"v=DMARC1; p=none; rua=mailto:dmarc-reports@gsuite.example\"");
        assertThat(contents("gsuite.example", "MX")).containsExactly("gsuite.example 0 gsuite-example.mail.protection.outlook.com");
    }

    @Test
    void aMergeOverTheLookupLimitIsRefusedAndNothingIsWritten() throws Exception {
        StringBuilder spf = new StringBuilder("\"v=spf1");
        for (int i = 1; i <= 10; i++) {
            spf.append(" include:s").append(i).append(".senders.example");
        }
        spf.append(" -all\"");
        cloudflare.addZone("busy.example", "@ TXT " + spf);
        long writes = cloudflare.writes();

        Run run = publish("busy.example", "--yes", "--move-mail");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("would need 11 DNS lookups, more than the 10 allowed");
        assertThat(cloudflare.writes()).isEqualTo(writes);
    }

    @Test
    void anExistingDmarcRecordIsKeptUnlessReplacingIsAsked() throws Exception {
        cloudflare.addZone("kept.example", "_dmarc TXT \"v=DMARC1; p=none; rua=mailto:d@kept.example\"");

        JsonNode kept = mapper.readTree(publish("kept.example", "--dry-run", "--format", "json").out());
        JsonNode dmarc = entry(kept, "dmarc");
        assertThat(dmarc.get("action").asText()).isEqualTo("keep");
        assertThat(kept.get("notes").toString()).contains("publish.note.dmarcKept");

        JsonNode replaced = mapper.readTree(publish("kept.example", "--dry-run", "--format", "json", "--replace-dmarc").out());
        assertThat(entry(replaced, "dmarc").get("action").asText()).isEqualTo("change");
        assertThat(entry(replaced, "dmarc").get("after").get(0).asText()).contains("p=quarantine");
    }

    @Test
    void aRefusalMidwayStopsReportsTheJournalAndTheUndoPutsBackWhatWasApplied() throws Exception {
        cloudflare.addZone("midway.example", "@ TXT \"v=spf1 include:_spf.google.com -all\"");
        cloudflare.refuse(new CloudflareStandIn.Refusal(b -> b.path("name").asText().equals("_dmarc.midway.example"),
                403, 10000, "Authentication error"));
        Path journal = dir.resolve("midway.json");

        Run run = publish("midway.example", "--yes", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED  ADD TXT _dmarc.midway.example.: Cloudflare refused the API token (HTTP 403, code 10000")
                .contains("Stopped after 2 applied changes").contains("publish-dns --undo " + journal);
        assertThat(contents("midway.example", "TXT")).containsExactly(
                "midway.example \"v=spf1 include:spf.protection.outlook.com include:_spf.google.com -all\"");

        Run undo = run(Map.of("CLOUDFLARE_API_TOKEN", TOKEN), "publish-dns", "--undo", journal.toString(), "--yes",
                "--config", dir.resolve("setup.json").toString());
        assertThat(undo.exitCode()).as(undo.out() + undo.err()).isZero();
        assertThat(contents("midway.example", "TXT")).containsExactly("midway.example \"v=spf1 include:_spf.google.com -all\"");
        assertThat(contents("midway.example", "MX")).isEmpty();
    }

    @Test
    void aBadTokenExitsOneAndTheTokenIsNeverShownOrLogged() throws Exception {
        cloudflare.addZone("token.example");
        String wrong = "cf-wrong-token-0000";
        Path config = dir.resolve("setup.json");
        Files.writeString(config, "{\"schema\":\"m365-mail-wizard/1\",\"endpoints\":{\"cloudflare\":\"" + cloudflare.root() + "\"}}");
        try (LogCapture log = LogCapture.everything("org.m365mailwizard")) {
            Run run = run(Map.of("CLOUDFLARE_API_TOKEN", wrong), "publish-dns", "--domain", "token.example", "--config",
                    config.toString(), "--provider", "cloudflare", "--resolver", dns.server().address(), "--dry-run");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("code 9109: Invalid access token");
            assertThat(run.out() + run.err() + log.text()).doesNotContain(wrong);
        }
        Run noToken = run(Map.of(), "publish-dns", "--domain", "token.example", "--provider", "cloudflare", "--dry-run");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("CLOUDFLARE_API_TOKEN");
    }

    @Test
    void anUnreachableHostExitsThree() throws Exception {
        Path config = dir.resolve("dead.json");
        Files.writeString(config, "{\"schema\":\"m365-mail-wizard/1\",\"endpoints\":{\"cloudflare\":\"https://127.0.0.1:9/client/v4\"}}");
        Run run = run(Map.of("CLOUDFLARE_API_TOKEN", TOKEN), "publish-dns", "--domain", "x.example", "--config",
                config.toString(), "--provider", "cloudflare", "--dry-run");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cloudflare could not be reached");
    }

    @Test
    void aDomainWithoutAZoneAtTheHostIsBadInput() throws Exception {
        Run run = publish("nowhere.example", "--dry-run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No zone for nowhere.example is visible at cloudflare");
    }

    @Test
    void withoutYesTheAdminIsAskedAndAnythingButYesChangesNothing() throws Exception {
        cloudflare.addZone("ask.example");
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            long writes = cloudflare.writes();
            Run declined = publish("ask.example");
            assertThat(declined.out()).contains("Apply these 4 changes at the DNS host? [y/N]");
            assertThat(declined.exitCode()).isEqualTo(2);
            assertThat(cloudflare.writes()).isEqualTo(writes);

            System.setIn(new java.io.ByteArrayInputStream("y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Run accepted = publish("ask.example", "--no-verify");
            assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
            assertThat(contents("ask.example", "MX")).containsExactly("ask.example 0 ask-example.mail.protection.outlook.com");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void recordsTheNameServersDoNotServeInTimeExitOne() throws Exception {
        cloudflare.addZone("slow.example");
        // The zone's name server fails every question about the apex: the change never becomes visible.
        dns.zones().fault("slow.example.", org.m365mailwizard.testsupport.ZoneResponder.Fault.SERVFAIL);
        Run run = publish("slow.example", "--yes", "--verify-timeout", "2");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("were not visible at the domain's name servers within 2 s");
    }

    @Test
    void azureSignsInByDeviceCodeAndPublishesWithEtags() throws Exception {
        try (org.m365mailwizard.testsupport.IdentityProviderStandIn idp = org.m365mailwizard.testsupport.IdentityProviderStandIn.start();
             org.m365mailwizard.testsupport.AzureDnsStandIn azure = org.m365mailwizard.testsupport.AzureDnsStandIn.start(
                     t -> t.split("\\.").length == 3, dns.zones())) {
            azure.addZone("azure-cli.example", "@ TXT v=spf1 include:_spf.google.com ~all");
            idp.deviceCodeSignIn("FX7-QW2", "https://management.azure.com/user_impersonation", "admin@azure-cli.example");
            Path config = dir.resolve("azure.json");
            Files.writeString(config, "{\"schema\":\"m365-mail-wizard/1\",\"tenantId\":\""
                    + org.m365mailwizard.testsupport.IdentityProviderStandIn.TENANT + "\",\"clientId\":\""
                    + org.m365mailwizard.testsupport.IdentityProviderStandIn.CLIENT_ID + "\",\"endpoints\":{\"login\":\""
                    + idp.login() + "\",\"graph\":\"https://graph.example.test\",\"azureManagement\":\"" + azure.root() + "\"}}");

            Run run = run(Map.of(), "publish-dns", "--domain", "azure-cli.example", "--config", config.toString(),
                    "--provider", "azure", "--resolver", dns.server().address(), "--timeout-ms", "2000",
                    "--name-server-port", String.valueOf(dns.server().port()), "--verify-timeout", "20", "--yes");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.err()).contains("open https://microsoft.com/devicelogin and enter the code FX7-QW2");
            assertThat(azure.recordSet("azure-cli.example", "TXT", "@").path("properties").path("TXTRecords").get(0)
                    .path("value").get(0).asText()).isEqualTo("v=spf1 include:spf.protection.outlook.com include:_spf.google.com ~all");
            assertThat(run.out()).contains("Verified");
        }
    }

    private static JsonNode entry(JsonNode plan, String check) {
        for (JsonNode c : plan.get("changes")) {
            if (c.get("check").asText().equals(check)) {
                return c;
            }
        }
        throw new AssertionError("no entry for " + check);
    }
}
