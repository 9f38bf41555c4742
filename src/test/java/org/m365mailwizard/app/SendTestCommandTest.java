// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.aad.msal4j.MsalProcessState;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.export.report.FindingsFile;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.EntraStandIn;
import org.m365mailwizard.testsupport.HttpsStandIn;
import org.m365mailwizard.testsupport.LogCapture;

/**
 * {@code send-test} end to end: config file and environment in, the identity platform and Graph on
 * loopback https, the real token service and Graph client; exit code and output out.
 */
class SendTestCommandTest {

    private static final String SEND = "/v1.0/users/web@contoso.com/sendMail";

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
    void stop() {
        // Whatever happened: neither the secret nor a bearer token reached the screen or a log.
        for (String text : List.of(out, err, logs.text())) {
            assertThat(text).doesNotContain(secret).doesNotContain("eyJ").doesNotContain("Bearer");
        }
        logs.close();
        entra.close();
        graph.close();
    }

    @Test
    void acceptedMailExitsZeroAndSaysDeliveryIsNotConfirmed() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        Path report = Files.writeString(dir.resolve("report.txt"), "attached text");

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org, bob@example.net",
                "--attach", report.toString(), "--no-save-to-sent-items");

        assertThat(code).isZero();
        assertThat(out).startsWith("Accepted by Microsoft 365 for alice@example.org, bob@example.net. Check the recipient's inbox.")
                .contains("delivery is not confirmed yet")
                .contains("From: web@contoso.com")
                .contains("Subject: M365 Mail Wizard: test mail for contoso.com (2026-03-01 09:30:00 +00:00)")
                .contains("Attachment: report.txt (13 B, inline)")
                .contains("Sent Items: no copy is kept.");
        assertThat(err).contains("Getting a token from Microsoft Entra ID…", "Handing the test mail to Microsoft 365…");
        LoggedRequest sent = onlyGraphRequest();
        assertThat(sent.getHeader("Authorization")).startsWith("Bearer eyJ");
        JsonNode body = mapper.readTree(sent.getBody());
        assertThat(body.get("saveToSentItems").asBoolean()).isFalse();
        assertThat(body.at("/message/body/content").asText()).contains("<td>graph-token</td>", "Mail.Send");
        assertThat(new String(Base64.getDecoder().decode(body.at("/message/attachments/0/contentBytes").asText())))
                .isEqualTo("attached text");
        assertThat(entra.tokenRequestBodies()).singleElement().asString()
                .contains("client_secret=" + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void d1EveryControlAndBidiCharacterInTheSubjectIsShownVisiblyInTheSummary() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org",
                "--subject", "hi\r\nBcc: x\u001b[31m" + TerminalOutputs.EVERY_UNSAFE_CHARACTER);

        assertThat(code).isZero();
        TerminalOutputs.assertNothingActsOnTheTerminal(new TerminalOutputs.Run(code, out, err));
        assertThat(out).contains("Subject: hi\\x0d\\x0aBcc: x\\x1b[31m\\x00\\x01");
        // Graph gets the subject as it was typed: only the terminal needs it made visible.
        assertThat(mapper.readTree(onlyGraphRequest().getBody()).at("/message/subject").asText()).startsWith("hi\r\nBcc: x\u001b[31m");
    }

    @Test
    void jsonOutputIsOneObjectWithOutcomeAndFinding() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org", "--subject",
                "Hello from the shop", "--format", "json");

        assertThat(code).isZero();
        JsonNode json = mapper.readTree(out);
        assertThat(json.get("outcome").asText()).isEqualTo("accepted");
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("mayHaveBeenSent").asBoolean()).isFalse();
        assertThat(json.get("messageKey").asText()).isEqualTo("graph.result.accepted");
        assertThat(json.get("subject").asText()).isEqualTo("Hello from the shop");
        assertThat(json.get("recipients")).extracting(JsonNode::asText).containsExactly("alice@example.org");
        assertThat(json.get("savedToSentItems").asBoolean()).isTrue();
        assertThat(json.at("/findings/0/id").asText()).isEqualTo("graph-send");
        assertThat(json.at("/findings/0/status").asText()).isEqualTo("pass");
        List<Finding> forTheReport = new FindingsFile(mapper, new Texts(Language.ENGLISH)::has).parse(out, "send-test.json");
        assertThat(forTheReport).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("graph-send");
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.message().key()).isEqualTo("graph.result.accepted");
        });
        assertThat(json.get("graphError").isNull()).isTrue();
        assertThat(out.strip().lines()).hasSize(1);
    }

    @Test
    void refusedByMicrosoftExitsOneWithExplanationAndFix() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(404)
                .withHeader("request-id", "rid-42").withBody("{\"error\":{\"code\":\"MailboxNotEnabledForRESTAPI\","
                        + "\"message\":\"The mailbox is either inactive, soft-deleted, or is hosted on-premise.\"}}")));

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org");

        assertThat(code).isEqualTo(1);
        assertThat(out).startsWith("Microsoft 365 refused the test mail (HTTP 404 MailboxNotEnabledForRESTAPI). Nothing was sent.")
                .contains("Why: The mailbox web@contoso.com cannot be used through Microsoft Graph")
                .contains("What to do: In the Microsoft 365 admin center, give web@contoso.com a licence")
                .contains("Microsoft request ID (for support): rid-42")
                .as("nothing was sent: no copy, no test id").doesNotContain("Sent Items").doesNotContain("Test ID");
    }

    @Test
    void refusalInJsonCarriesGraphsCodeAndTheFix() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(403).withBody(
                "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access to OData is disabled.\"}}")));

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org", "--format", "json");

        assertThat(code).isEqualTo(1);
        JsonNode json = mapper.readTree(out);
        assertThat(json.get("outcome").asText()).isEqualTo("refused");
        assertThat(json.at("/graphError/code").asText()).isEqualTo("ErrorAccessDenied");
        assertThat(json.at("/explanation/messageKey").asText()).isEqualTo("graph.problem.accessPolicy.what");
        assertThat(json.at("/fix/message").asText()).contains("Test-ApplicationAccessPolicy -Identity web@contoso.com");
        assertThat(json.at("/findings/0/status").asText()).isEqualTo("fail");
    }

    @Test
    void aPossibleSendIsNotRepeatedAndExitsThreeWithThatMessage() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org");

        assertThat(code).isEqualTo(3);
        assertThat(out).startsWith("Microsoft 365 answered HTTP 503 after the message was handed over. It may or may not have been sent.")
                .contains("What to do: Check the recipient's inbox and the sender's Sent Items.");
        graph.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void aThrottledSendWaitsAsAskedAndShowsTheWait() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).inScenario("t").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(202)));

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org", "--format", "json");

        assertThat(code).isZero();
        assertThat(err).contains("Microsoft 365 asked to wait 1 s (HTTP 429). Retry 1 of 3 follows.");
        JsonNode wait = mapper.readTree(out).at("/waits/0");
        assertThat(wait.get("status").asInt()).isEqualTo(429);
        assertThat(wait.get("seconds").asInt()).isEqualTo(1);
        assertThat(wait.get("fromRetryAfter").asBoolean()).isTrue();
        graph.wireMock().verify(2, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void graphUnreachableExitsThree() throws Exception {
        tokenWithRoles("Mail.Send");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        int code = run("send-test", "--config", config("https://localhost:" + closed, "").toString(), "--to", "a@example.org");

        assertThat(code).isEqualTo(3);
        assertThat(out).startsWith("Could not connect to Microsoft Graph at https://localhost:" + closed + ". Nothing was sent.");
    }

    @Test
    void aRefusedSecretStopsBeforeGraphWithTheAadstsExplanation() throws Exception {
        entra.tokenError(tenant, clientId, 401, "invalid_client", 7000215,
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the "
                        + "client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org");

        assertThat(code).isEqualTo(1);
        assertThat(err).contains("What to do:");
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aTokenWithoutMailSendIsRefusedBeforeGraphWithTheAdminConsentLink() throws Exception {
        tokenWithRoles();

        int code = run("send-test", "--config", config().toString(), "--to", "alice@example.org");

        assertThat(code).as(out + err).isEqualTo(1);
        assertThat(err).contains("The token carries no Mail.Send application permission")
                .contains("What to do:").contains("/v2.0/adminconsent?client_id=" + clientId)
                .doesNotContain("empty access token").doesNotContain("Sent Items");
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).as("nothing handed to Graph").isEmpty();

        assertThat(run("send-test", "--config", config().toString(), "--to", "alice@example.org", "--format", "json"))
                .isEqualTo(1);
        JsonNode json = mapper.readTree(out);
        assertThat(json.get("outcome").asText()).isEqualTo("refused");
        assertThat(json.get("messageKey").asText()).isEqualTo("app.mailSend.missing");
        assertThat(json.at("/fix/messageKey").asText()).isEqualTo("app.mailSend.missing.fix");
        assertThat(json.get("mayHaveBeenSent").asBoolean()).isFalse();
    }

    @Test
    void invalidInputExitsTwoAndNothingIsAskedOfMicrosoft() throws Exception {
        Path big = dir.resolve("huge.iso");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(151_000_000L); // sparse: costs no disk
        }
        Path goodConfig = config();

        assertThat(run("send-test", "--config", goodConfig.toString(), "--to", "not-an-address")).isEqualTo(2);
        assertThat(err).contains("\"not-an-address\" is not an e-mail address.");
        assertThat(run("send-test", "--config", goodConfig.toString(), "--to", "a@example.org", "--attach",
                dir.resolve("missing.pdf").toString())).isEqualTo(2);
        assertThat(err).contains("missing.pdf does not exist.");
        assertThat(run("send-test", "--config", goodConfig.toString(), "--to", "a@example.org", "--attach", big.toString(),
                "--format", "json")).isEqualTo(2);
        JsonNode json = mapper.readTree(out);
        assertThat(json.get("outcome").asText()).isEqualTo("invalid-input");
        assertThat(json.get("message").asText()).contains(
                "huge.iso is 151.0 MB; Microsoft Graph takes attachments up to 150.0 MB (1 MB = 1,000,000 bytes).");
        assertThat(run("send-test", "--config", config(graph.baseUri().toString(), "\"sender\":null,").toString(),
                "--to", "a@example.org")).isEqualTo(2);
        assertThat(err).contains("The config file has no \"sender\".");
        assertThat(run("send-test", "--config", dir.resolve("nope.json").toString(), "--to", "a@example.org")).isEqualTo(2);
        assertThat(run("send-test", "--config", goodConfig.toString())).as("--to is required").isEqualTo(2);

        assertThat(entra.requests()).isEmpty();
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void inTheUsGovernmentCloudsAFileThatNeedsAnUploadSessionIsRefusedBeforeAnythingIsSent() throws Exception {
        byte[] content = new byte[3_500_000];
        new java.util.Random(5).nextBytes(content);
        Path file = Files.write(dir.resolve("report.pdf"), content);
        Path usGov = config(graph.baseUri().toString(), "").toAbsolutePath();
        Files.writeString(usGov, Files.readString(usGov).replace("\"cloud\":\"global\"", "\"cloud\":\"usgov-dod\""));

        int code = run("send-test", "--config", usGov.toString(), "--to", "a@example.org", "--attach", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err).contains("report.pdf is 3500000 bytes, but in the US Government clouds (L4 and L5) Microsoft "
                + "Graph offers no upload sessions for attachments", "at most 2990000 bytes (2.99 MB)");
        assertThat(entra.requests()).isEmpty();
        assertThat(graph.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void speaksChineseWhenAsked() throws Exception {
        tokenWithRoles("Mail.Send");
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));

        int code = run(Language.SIMPLIFIED_CHINESE, "--lang", "zh-CN", "send-test", "--config", config().toString(),
                "--to", "alice@example.org");

        assertThat(code).isZero();
        assertThat(out).startsWith("Microsoft 365 已接受发给 alice@example.org 的邮件。");
        JsonNode body = mapper.readTree(onlyGraphRequest().getBody());
        assertThat(body.at("/message/subject").asText()).isEqualTo("M365 邮件配置向导：contoso.com 的测试邮件（2026-03-01 09:30:00 +00:00）");
    }

    @Test
    void helpDescribesTheCommandAndItsOptions() {
        assertThat(run("send-test", "--help")).isZero();
        assertThat(out).contains("Sends a test mail through Microsoft Graph", "--to=ADDR", "--[no-]save-to-sent-items",
                "A recipient address.");
    }

    private void tokenWithRoles(String... roles) {
        entra.tenant(tenant, null);
        entra.token(tenant, clientId, tenant, List.of(roles));
    }

    private Path config() throws Exception {
        return config(graph.baseUri().toString(), "");
    }

    private Path config(String graphRoot, String extra) throws Exception {
        Path file = dir.resolve("m365-" + UUID.randomUUID() + ".json");
        Files.writeString(file, "{\"schema\":\"m365-mail-wizard/1\",\"cloud\":\"global\","
                + "\"endpoints\":{\"login\":\"" + entra.baseUri() + "\",\"graph\":\"" + graphRoot + "\"},"
                + "\"tenantId\":\"" + tenant + "\",\"clientId\":\"" + clientId + "\",\"clientSecret\":\"from-the-file\","
                + "\"domain\":\"contoso.com\"," + (extra.isEmpty() ? "\"sender\":\"web@contoso.com\"," : extra)
                + "\"grant\":\"application\"}");
        return file;
    }

    private LoggedRequest onlyGraphRequest() {
        List<LoggedRequest> all = graph.wireMock().findAll(anyRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private int run(String... args) {
        return run(Language.ENGLISH, args);
    }

    private int run(Language language, String... args) {
        Texts texts = new Texts(language);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC);
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), dir), env, clock)) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(o), new PrintWriter(e)).execute(args);
            out = o.toString();
            err = e.toString();
            return code;
        }
    }
}
