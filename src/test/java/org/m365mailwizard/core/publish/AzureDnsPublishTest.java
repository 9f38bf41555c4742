// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.testsupport.AzureDnsStandIn;

/**
 * Azure DNS through the ARM stand-in over HTTPS: the apex TXT record set is rewritten whole with the
 * SPF merged and the verification string kept, under If-Match; a change made meanwhile is refused
 * (412) and nothing is overwritten; verify reads the zone at its name server; undo restores.
 */
class AzureDnsPublishTest {

    private static final String TOKEN = "arm-test-token-1234";

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();
    private static AzureDnsStandIn azure;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        azure = AzureDnsStandIn.start(TOKEN, dns.zones());
        dns.zones().addZone("google.com.", """
                $TTL 300
                @ IN SOA ns1.google.com. h.google.com. 1 3600 600 86400 300
                @ IN NS ns1.google.com.
                _spf IN TXT "v=spf1 ip4:35.190.247.0/24 ~all"
                """);
    }

    @AfterAll
    static void stop() {
        azure.close();
    }

    private AzureDnsProvider provider(String token) {
        return new AzureDnsProvider(http, mapper, Duration.ofSeconds(10), azure.root().toString(), () -> token);
    }

    private static DnsCheckRequest request(String domain) {
        return DnsCheckRequest.of(((DomainName.Valid) DomainName.parse(domain)).name(), Cloud.GLOBAL);
    }

    private PublishPlan plan(String domain) throws Exception {
        return new Planner(dns.settings(), dns.executor()).plan(provider(TOKEN), request(domain), Optional.empty(), false);
    }

    @Test
    void theApexTxtSetIsRewrittenWholeUnderItsEtagVerifiedAndUndone() throws Exception {
        azure.addZone("azure-merge.example", "@ TXT v=spf1 include:_spf.google.com ~all", "@ TXT MS=ms12345678",
                "www CNAME site.example.net.");
        String etag = azure.recordSet("azure-merge.example", "TXT", "@").path("etag").asText();
        PublishPlan plan = plan("azure-merge.example");
        Path journal = dir.resolve("azure.json");

        Publisher.Outcome outcome = new Publisher(mapper, Clock.systemUTC()).apply(provider(TOKEN), plan, journal, r -> { });

        assertThat(outcome.failure()).isEmpty();
        JsonNode txt = azure.recordSet("azure-merge.example", "TXT", "@");
        List<String> values = new ArrayList<>();
        txt.path("properties").path("TXTRecords").forEach(r -> values.add(r.path("value").get(0).asText()));
        assertThat(values).containsExactlyInAnyOrder("MS=ms12345678",
                "v=spf1 include:spf.protection.outlook.com include:_spf.google.com ~all");
        assertThat(txt.path("etag").asText()).isNotEqualTo(etag);
        assertThat(azure.recordSet("azure-merge.example", "CNAME", "autodiscover").path("properties").path("CNAMERecord")
                .path("cname").asText()).isEqualTo("autodiscover.outlook.com");
        assertThat(azure.requests()).anyMatch(r -> r.equals("PUT " + AzureDnsStandIn.zoneId("azure-merge.example") + "/TXT/@"));

        Verifier.Result verified = new Verifier(dns.checker().withSettings(dns.settings().withAuthoritative(true)
                .withNameServerPort(dns.server().port()))).verify(request("azure-merge.example"), Set.copyOf(plan.verifiable()),
                Duration.ofSeconds(10), Duration.ofMillis(200), p -> { }, () -> false);
        assertThat(verified.visible()).as(verified.findings().toString()).isTrue();

        Publisher.Outcome undone = new Publisher(mapper, Clock.systemUTC()).undo(provider(TOKEN),
                Journal.read(journal, mapper), r -> { });
        assertThat(undone.failure()).isEmpty();
        List<String> restored = new ArrayList<>();
        azure.recordSet("azure-merge.example", "TXT", "@").path("properties").path("TXTRecords")
                .forEach(r -> restored.add(r.path("value").get(0).asText()));
        assertThat(restored).containsExactlyInAnyOrder("MS=ms12345678", "v=spf1 include:_spf.google.com ~all");
        assertThat(azure.recordSet("azure-merge.example", "MX", "@")).isNull();
        assertThat(azure.recordSet("azure-merge.example", "CNAME", "autodiscover")).isNull();
    }

    @Test
    void aConcurrentChangeIsRefusedWith412AndNothingIsOverwritten() throws Exception {
        azure.addZone("azure-race.example", "@ TXT v=spf1 include:_spf.google.com -all");
        PublishPlan plan = plan("azure-race.example");
        azure.touch("azure-race.example", "TXT", "@");

        Publisher.Outcome outcome = new Publisher(mapper, Clock.systemUTC())
                .apply(provider(TOKEN), plan, dir.resolve("race.json"), r -> { });

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().problem().key()).isEqualTo("publish.error.azure.changed");
        assertThat(outcome.failure().get().exitCode()).isEqualTo(1);
        assertThat(azure.recordSet("azure-race.example", "TXT", "@").path("properties").path("TXTRecords").get(0)
                .path("value").get(0).asText()).isEqualTo("v=spf1 include:_spf.google.com -all");
    }

    @Test
    void aRefusedTokenIsExitOne() {
        azure.addZone("azure-token.example");
        assertThatThrownBy(() -> provider("wrong").findZone("azure-token.example", Optional.empty()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.problem().key()).isEqualTo("publish.error.azure.auth");
                    assertThat(e.problem().args()).contains("InvalidAuthenticationToken").doesNotContain("wrong");
                });
    }
}
