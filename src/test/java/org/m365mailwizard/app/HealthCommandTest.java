// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.aad.msal4j.MsalProcessState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.EntraStandIn;
import org.m365mailwizard.testsupport.HttpsStandIn;
import org.m365mailwizard.testsupport.LogCapture;

/**
 * {@code health} end to end through the real composition root: the identity platform and Graph on
 * loopback https (answering as Microsoft does), DNS from the loopback zones, a fixed clock per run.
 */
class HealthCommandTest {

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    static final String SEND = "/v1.0/users/web@contoso.com/sendMail";
    static final Instant DAY_1 = Instant.parse("2026-03-01T09:30:00Z");
    static final String ADMIN = "admin@contoso.com";

    @TempDir
    Path dir;

    private EntraStandIn entra;
    private HttpsStandIn graph;
    private LogCapture logs;
    private final ObjectMapper mapper = new ObjectMapper();
    // Unique per test: MSAL4J caches throttling answers process-wide, keyed by client and authority.
    private final String tenant = UUID.randomUUID().toString();
    private final String clientId = UUID.randomUUID().toString();
    private final String secret = "Q1w8Q~" + UUID.randomUUID().toString().replace("-", "") + "Ab";
    private final Map<String, String> env = new HashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private String out = "";
    private String err = "";

    @BeforeEach
    void start() {
        MsalProcessState.reset();
        entra = EntraStandIn.start();
        graph = HttpsStandIn.start();
        logs = LogCapture.everything("com.microsoft.aad.msal4j", "org.m365mailwizard");
        env.put("M365_CLIENT_SECRET", secret);
    }

    @AfterEach
    void stop() throws Exception {
        // Whatever happened: the secret reached no output, log, state file or request to Graph.
        outputs.add(logs.text());
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".state.json")).toList()) {
                outputs.add(Files.readString(file));
            }
        }
        graph.wireMock().getAllServeEvents().forEach(e -> outputs.add(e.getRequest().getBodyAsString()));
        for (String text : outputs) {
            assertThat(text).doesNotContain(secret).doesNotContain("from-the-file").doesNotContain("eyJ");
        }
        logs.close();
        entra.close();
        graph.close();
    }

    @Test
    void aHealthySetupPassesEveryCheckWithoutSendingAnything() throws Exception {
        tokenWithRoles("Mail.Send");
        mailboxExists();

        int code = run(DAY_1, "health", "--config", config("2026-09-01").toString(), "--format", "json");

        assertThat(code).as(err).isZero();
        JsonNode json = mapper.readTree(out);
        assertThat(ids(json)).containsExactly("app-secret-expiry", "app-token", "app-mail-send", "mailbox", "mx", "spf",
                "dkim-selector1", "dkim-selector2", "dmarc", "autodiscover");
        assertThat(json.get("checks")).allSatisfy(c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("pass"));
        assertThat(json.get("secretDaysLeft").asLong()).isEqualTo(184);
        assertThat(json.get("regressions")).isEmpty();
        assertThat(json.get("alert").isNull()).isTrue();
        assertThat(json.get("exitCode").asInt()).isZero();
        // The mailbox was asked about with a message nobody can receive, not kept in Sent Items.
        JsonNode probe = mapper.readTree(onlySend().getBodyAsString());
        assertThat(probe.at("/message/toRecipients")).isEmpty();
        assertThat(probe.get("saveToSentItems").asBoolean()).isFalse();
    }

    @Test
    void withSendToARealTestMailFollowsThePassingMailboxCheck() throws Exception {
        tokenWithRoles("Mail.Send");
        mailboxExists();

        int code = run(DAY_1, "health", "--config", config("2026-09-01").toString(), "--send-to", "alice@example.org",
                "--format", "json");

        assertThat(code).as(err).isZero();
        JsonNode json = mapper.readTree(out);
        assertThat(check(json, "graph-send").get("status").asText()).isEqualTo("pass");
        List<LoggedRequest> mails = graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(containing("alice@example.org")));
        assertThat(mails).hasSize(1);
        JsonNode mail = mapper.readTree(mails.get(0).getBodyAsString());
        assertThat(mail.get("saveToSentItems").asBoolean()).isFalse();
        assertThat(mail.at("/message/body/content").asText()).contains("<td>mailbox</td>", "<td>app-token</td>");
    }

    @Test
    void anExpiringSecretWarnsAndIsAnnouncedOnceWithAState() throws Exception {
        tokenWithRoles("Mail.Send");
        mailboxExists();
        Path config = config("2026-03-15");
        Path state = dir.resolve("health.state.json");

        int code = run(DAY_1, "health", "--config", config.toString(), "--state", state.toString(), "--notify", ADMIN,
                "--format", "nagios");

        assertThat(code).isEqualTo(1);
        assertThat(out.lines().toList()).singleElement().asString()
                .startsWith("M365 MAIL WARNING - warn app-secret-expiry: The secret expires on 2026-03-15, in 14 days.")
                .contains(" | secret_days_left=14;30:;0: checks_failed=0;;0 checks_warning=1 checks_unknown=0 regressions=0 ");
        List<LoggedRequest> alerts = alertMails();
        assertThat(alerts).hasSize(1);
        JsonNode mail = mapper.readTree(alerts.get(0).getBodyAsString());
        assertThat(mail.at("/message/subject").asText()).isEqualTo("M365 Mail Wizard: 1 problem with the mail of contoso.com");
        assertThat(mail.at("/message/body/content").asText()).contains("The secret expires on 2026-03-15, in 14 days.",
                "What to do: Create a new client secret before then", clientId);
        assertThat(mail.get("saveToSentItems").asBoolean()).isFalse();

        int again = run(DAY_1.plusSeconds(86_400), "health", "--config", config.toString(), "--state", state.toString(),
                "--notify", ADMIN);

        assertThat(again).isZero();
        assertThat(alertMails()).hasSize(1);
        assertThat(out).contains("No alert mail: the 1 problem was already announced in an earlier run.");
    }

    @Test
    void anExpiredSecretThatMicrosoftRefusesFailsAndIsCriticalForNagios() throws Exception {
        entra.tokenError(tenant, clientId, 401, "invalid_client", 7000222, "AADSTS7000222: The provided client secret "
                + "keys for app '" + clientId + "' are expired. Visit the Azure portal to create new keys for your app.");

        int code = run(DAY_1, "health", "--config", config("2026-02-01").toString(), "--format", "nagios",
                "--notify", ADMIN);

        assertThat(code).isEqualTo(2);
        assertThat(out).startsWith("M365 MAIL CRITICAL - fail app-secret-expiry: The secret expired on 2026-02-01 (28 days ago).")
                .contains("fail app-token: ").contains("secret_days_left=-28;30:;0: checks_failed=2;;0");
        // No token, so no mail could carry the alert, and the mailbox was not asked about.
        assertThat(graph.wireMock().getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedSecretFailsAndTheAlertSaysItCouldNotBeSent() throws Exception {
        entra.tokenError(tenant, clientId, 401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret "
                + "provided. Ensure the secret being sent in the request is the client secret value, not the client "
                + "secret ID, for a secret added to app '" + clientId + "'.");

        int code = run(DAY_1, "health", "--config", config("2026-09-01").toString(), "--format", "json",
                "--notify", ADMIN);

        assertThat(code).isEqualTo(1);
        JsonNode json = mapper.readTree(out);
        assertThat(check(json, "app-token").get("status").asText()).isEqualTo("fail");
        assertThat(check(json, "app-token").get("messageKey").asText()).isEqualTo("app.aadsts.7000215.message");
        assertThat(ids(json)).doesNotContain("mailbox", "app-mail-send");
        assertThat(json.at("/alert/sent").asBoolean()).isFalse();
        assertThat(json.at("/alert/messageKey").asText()).isEqualTo("health.alert.cannotSend");
    }

    @Test
    void aRemovedConsentFailsTheMailSendAndMailboxChecks() throws Exception {
        tokenWithRoles();
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(graphError(403, "ErrorAccessDenied",
                "Access is denied. Check credentials and try again.")));

        int code = run(DAY_1, "health", "--config", config("2026-09-01").toString(), "--format", "json");

        assertThat(code).isEqualTo(1);
        JsonNode json = mapper.readTree(out);
        assertThat(check(json, "app-mail-send").get("messageKey").asText()).isEqualTo("app.mailSend.missing");
        assertThat(check(json, "mailbox").get("status").asText()).isEqualTo("fail");
        assertThat(check(json, "mailbox").get("messageKey").asText()).isEqualTo("graph.problem.accessDenied.what");
    }

    @Test
    void anUnlicensedMailboxFailsWithMicrosoftsReasonAndTheFix() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(graphError(404, "MailboxNotEnabledForRESTAPI",
                "The mailbox is either inactive, soft-deleted, or is hosted on-premise.")));

        int code = run(DAY_1, "health", "--config", config("2026-09-01").toString());

        assertThat(code).isEqualTo(1);
        assertThat(out).contains("FAIL   mailbox", "MailboxNotEnabledForRESTAPI", "HTTP 404 MailboxNotEnabledForRESTAPI",
                "In the Microsoft 365 admin center, give web@contoso.com a");
    }

    @Test
    void aDnsRegressionIsNamedOnceWithWhenItLastPassedAndAlertedOnce() throws Exception {
        tokenWithRoles("Mail.Send");
        mailboxExists();
        Path config = config("2026-09-01");
        Path state = dir.resolve("health.state.json");
        Path contoso = ZoneFixture.zoneFiles().stream().filter(p -> p.endsWith("contoso.com.zone")).findFirst().orElseThrow();
        try {
            int first = run(DAY_1, "health", "--config", config.toString(), "--state", state.toString(),
                    "--notify", ADMIN, "--format", "json");
            assertThat(first).isZero();
            assertThat(mapper.readTree(out).get("regressions")).isEmpty();
            assertThat(Files.getPosixFilePermissions(state)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            // Someone replaces the SPF record and drops Microsoft's include.
            dns.zones().addZone("contoso.com.", Files.readString(contoso).replace("$ORIGIN contoso.com.\n", "")
                    .replace("v=spf1 include:spf.protection.outlook.com -all", "v=spf1 include:_spf.mailhost.example -all"));
            int second = run(DAY_1.plusSeconds(86_400), "health", "--config", config.toString(), "--state",
                    state.toString(), "--notify", ADMIN, "--format", "json");

            assertThat(second).isEqualTo(1);
            JsonNode json = mapper.readTree(out);
            assertThat(json.get("regressions")).hasSize(1);
            assertThat(json.at("/regressions/0/id").asText()).isEqualTo("spf");
            assertThat(json.at("/regressions/0/lastPassed").asText()).isEqualTo("2026-03-01T09:30:00Z");
            assertThat(json.at("/alert/sent").asBoolean()).isTrue();
            assertThat(json.at("/alert/checks/0").asText()).isEqualTo("spf");
            assertThat(alertMails()).singleElement().satisfies(mail -> assertThat(mail.getBodyAsString())
                    .contains("Last passed: 2026-03-01 09:30 UTC.", "spf: "));

            int third = run(DAY_1.plusSeconds(2 * 86_400), "health", "--config", config.toString(), "--state",
                    state.toString(), "--notify", ADMIN);

            assertThat(third).isEqualTo(1);
            assertThat(out).contains("FAIL   spf").doesNotContain("Regression:");
            assertThat(alertMails()).hasSize(1);
            JsonNode kept = mapper.readTree(state.toFile());
            assertThat(kept.at("/checks/spf/status").asText()).isEqualTo("fail");
            assertThat(kept.at("/checks/spf/lastPassed").asText()).isEqualTo("2026-03-01T09:30:00Z");
            assertThat(kept.at("/checks/mx/lastPassed").asText()).isEqualTo("2026-03-03T09:30:00Z");
        } finally {
            dns.zones().addZoneFile(contoso);
        }
    }

    @Test
    void aFileThatIsNotAStateIsLeftAloneAndRefused() throws Exception {
        Path notState = Files.writeString(dir.resolve("notes.txt"), "my notes");

        int code = run(DAY_1, "health", "--config", config("2026-09-01").toString(), "--state", notState.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err).contains("is not a health state file");
        assertThat(Files.readString(notState)).isEqualTo("my notes");
    }

    @Test
    void aStateThatCannotBeWrittenIsReportedWithTheChecksAndExitsThree() throws Exception {
        tokenWithRoles("Mail.Send");
        mailboxExists();
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where a folder should be");

        int code = run(DAY_1, "health", "--config", config("2026-09-01").toString(), "--state",
                blocked.resolve("health.state.json").toString(), "--format", "json");

        assertThat(code).isEqualTo(3);
        JsonNode json = mapper.readTree(out);
        assertThat(check(json, "mx").get("status").asText()).isEqualTo("pass");
        assertThat(check(json, "health-state").get("status").asText()).isEqualTo("error");
        assertThat(check(json, "health-state").get("messageKey").asText()).isEqualTo("health.state.unwritable");
    }

    @Test
    void badInputIsExitTwoButUnknownForNagios() throws Exception {
        Path config = config("2026-09-01");
        assertThat(run(DAY_1, "health", "--config", config.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err).contains("Unknown output format \"xml\"");
        assertThat(run(DAY_1, "health", "--config", config.toString(), "--warn-days", "0")).isEqualTo(2);
        env.remove("M365_CLIENT_SECRET");
        Path noSecret = Files.writeString(dir.resolve("nosecret.json"), Files.readString(config)
                .replace("\"clientSecret\":\"from-the-file\",", ""));

        assertThat(run(DAY_1, "health", "--config", noSecret.toString(), "--format", "nagios")).isEqualTo(3);
        assertThat(out.lines().toList()).singleElement().asString()
                .startsWith("M365 MAIL UNKNOWN - No client secret: set the environment variable M365_CLIENT_SECRET");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void tokenWithRoles(String... roles) {
        entra.token(tenant, clientId, tenant, List.of(roles));
    }

    /** Graph's answer to a sendMail without recipients for a mailbox that exists; other mails are accepted. */
    private void mailboxExists() {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).atPriority(1).withRequestBody(containing("\"toRecipients\":[]"))
                .willReturn(graphError(400, "ErrorInvalidRecipients",
                        "At least one recipient isn't valid., A message can't be sent because it contains no recipients.")));
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).atPriority(5).willReturn(aResponse().withStatus(202)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphError(int status, String code,
                                                                                                String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("request-id", "5e0c3f0a-0000-4000-8000-000000000001")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{"
                        + "\"date\":\"2026-03-01T09:30:00\",\"request-id\":\"5e0c3f0a-0000-4000-8000-000000000001\"}}}");
    }

    private List<LoggedRequest> alertMails() {
        return graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(ADMIN)));
    }

    private LoggedRequest onlySend() {
        List<LoggedRequest> all = graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<String> ids(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.get("checks").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static JsonNode check(JsonNode json, String id) {
        for (JsonNode c : json.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + json);
    }

    private Path config(String secretExpires) throws Exception {
        Path file = dir.resolve("m365-" + UUID.randomUUID() + ".json");
        Files.writeString(file, "{\"schema\":\"m365-mail-wizard/1\",\"cloud\":\"global\","
                + "\"endpoints\":{\"login\":\"" + entra.baseUri() + "\",\"graph\":\"" + graph.baseUri() + "\"},"
                + "\"tenantId\":\"" + tenant + "\",\"tenantDomain\":\"contoso.onmicrosoft.com\",\"clientId\":\"" + clientId
                + "\",\"clientSecret\":\"from-the-file\",\"clientSecretExpires\":\"" + secretExpires + "\","
                + "\"domain\":\"contoso.com\",\"sender\":\"web@contoso.com\",\"grant\":\"application\"}");
        return file;
    }

    private int run(Instant now, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--resolver", dns.server().address(), "--timeout-ms", "2000"));
        Texts texts = new Texts(Language.ENGLISH);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), dir), env, clock)) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(o), new PrintWriter(e))
                    .execute(all.toArray(String[]::new));
            out = o.toString();
            err = e.toString();
            outputs.add(out);
            outputs.add(err);
            return code;
        }
    }
}
