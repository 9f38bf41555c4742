// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.MsalProcessState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.EntraStandIn;
import org.m365mailwizard.testsupport.HttpsStandIn;
import org.m365mailwizard.testsupport.LogCapture;

/** {@code check-app} end to end: config file in, identity platform on loopback https, exit code and output out. */
class CheckAppCommandTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @TempDir
    Path dir;

    private EntraStandIn entra;
    private LogCapture logs;
    private final ObjectMapper mapper = new ObjectMapper();
    // Unique per test: MSAL4J caches throttling answers process-wide, keyed by client and authority.
    private final String tenant = UUID.randomUUID().toString();
    private final String clientId = UUID.randomUUID().toString();
    private final String secret = "Q1w8Q~" + UUID.randomUUID().toString().replace("-", "") + "Ab";
    private final Map<String, String> env = new HashMap<>();

    private String out;
    private String err;

    @BeforeEach
    void start() {
        MsalProcessState.reset();
        entra = EntraStandIn.start();
        logs = LogCapture.everything("com.microsoft.aad.msal4j", "org.m365mailwizard");
    }

    @AfterEach
    void stop() {
        // Whatever happened, the secret never reached the user's screen or a log.
        assertThat(out).doesNotContain(secret);
        assertThat(err).doesNotContain(secret);
        assertThat(logs.text()).doesNotContain(secret);
        logs.close();
        entra.close();
    }

    private Path config(String fields) throws Exception {
        Path file = dir.resolve("m365.json");
        Files.writeString(file, "{\"schema\":\"m365-mail-wizard/1\",\"cloud\":\"global\","
                + "\"endpoints\":{\"login\":\"" + entra.baseUri() + "\",\"graph\":\"" + entra.baseUri() + "\"},"
                + fields + "}");
        return file;
    }

    private Path goodConfig() throws Exception {
        return config("\"tenantId\":\"contoso.onmicrosoft.com\",\"clientId\":\"" + clientId + "\","
                + "\"clientSecret\":\"" + secret + "\",\"clientSecretExpires\":\"2026-05-01\","
                + "\"grant\":\"application\",\"target\":\"other\"");
    }

    private int run(Language language, String... args) {
        Texts texts = new Texts(language);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), dir), env, clock)) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(o), new PrintWriter(e)).execute(args);
            out = o.toString();
            err = e.toString();
            return code;
        }
    }

    private int run(String... args) {
        return run(Language.ENGLISH, args);
    }

    private JsonNode json() throws Exception {
        return mapper.readTree(out);
    }

    private JsonNode check(String id) throws Exception {
        for (JsonNode c : json().get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + out);
    }

    private void tenantKnown() {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
    }

    @Test
    void theSiteIsCheckedTooWhenTheConfigNamesIt() throws Exception {
        tenantKnown();
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        try (HttpsStandIn site = HttpsStandIn.start()) {
            Path file = config("\"tenantId\":\"contoso.onmicrosoft.com\",\"clientId\":\"" + clientId + "\","
                    + "\"clientSecret\":\"" + secret + "\",\"clientSecretExpires\":\"2026-05-01\","
                    + "\"grant\":\"application\",\"target\":\"fluentsmtp\",\"siteUrl\":\"" + site.baseUri() + "\"");

            int missing = run("check-app", "--config", file.toString(), "--format", "json");
            assertThat(missing).as(out + err).isEqualTo(1);
            assertThat(check("site-https").get("status").asText()).as(check("site-https").toString()).isEqualTo("pass");
            assertThat(check("site-callback").get("status").asText()).isEqualTo("fail");
            assertThat(check("site-callback").get("message").asText()).contains("/wp-json/fluent-smtp/outlook_callback");

            site.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                    .get("/wp-json/fluent-smtp/outlook_callback").willReturn(
                            com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)));
            run("check-app", "--config", file.toString(), "--format", "json");
            assertThat(check("site-callback").get("status").asText()).isEqualTo("pass");
        }
    }

    @Test
    void everythingRightExitsZeroWithTheResolvedTenant() throws Exception {
        tenantKnown();
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));

        int code = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(code).as(out + err).isZero();
        assertThat(json().get("tenantId").asText()).isEqualTo(tenant);
        assertThat(json().get("cloud").asText()).isEqualTo("global");
        assertThat(json().get("checks")).extracting(c -> c.get("id").asText()).containsExactly(
                "app-tenant", "app-client-id", "app-secret", "app-secret-expiry", "app-redirect-uri",
                "app-tenant-discovery", "app-token", "app-mail-send");
        assertThat(json().get("checks")).extracting(c -> c.get("status").asText()).containsOnly("pass");
        JsonNode token = check("app-token");
        assertThat(token.get("messageKey").asText()).isEqualTo("app.token.ok");
        assertThat(token.get("message").asText()).contains(tenant);
        assertThat(token.has("expected")).isTrue();
        assertThat(token.get("fix").isNull()).isTrue();
        // The token request went to the resolved GUID, not the domain.
        assertThat(entra.requests()).anyMatch(r -> r.getUrl().equals("/" + tenant + "/oauth2/v2.0/token"));
    }

    @Test
    void textOutputListsEveryCheckAndTheSummary() throws Exception {
        tenantKnown();
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));

        int code = run("check-app", "--config", goodConfig().toString());

        assertThat(code).isZero();
        assertThat(out).containsPattern("PASS +app-token +Microsoft issued a token").contains("The app registration is ready.");
    }

    @Test
    void chineseOutput() throws Exception {
        tenantKnown();
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));

        assertThat(run(Language.SIMPLIFIED_CHINESE, "check-app", "--config", goodConfig().toString())).isZero();
        assertThat(out).contains("通过").contains("应用注册已就绪");
    }

    @Test
    void noSecretSaysHowToGiveItOnTheCommandLine() throws Exception {
        Path file = config("\"tenantId\":\"" + tenant + "\",\"clientId\":\"" + clientId + "\",\"grant\":\"application\"");

        assertThat(run("check-app", "--config", file.toString())).isEqualTo(2);
        // Not the wizard's "Enter ...": the command line has no field; it names the variable and the config field.
        assertThat(out).containsPattern("FAIL +app-secret +No client secret was given\\. Set the environment variable")
                .contains("M365_CLIENT_SECRET", "\"clientSecret\"").doesNotContain("Enter the client secret");

        assertThat(run("check-app", "--config", file.toString(), "--format", "json")).isEqualTo(2);
        JsonNode missing = check("app-secret");
        assertThat(missing.get("messageKey").asText()).as("scripts see the one key").isEqualTo("app.secret.empty");
        assertThat(missing.get("message").asText()).contains("M365_CLIENT_SECRET");

        assertThat(run(Language.SIMPLIFIED_CHINESE, "check-app", "--config", file.toString())).isEqualTo(2);
        assertThat(out).contains("M365_CLIENT_SECRET", "\"clientSecret\"").doesNotContain("请输入客户端密码");
        assertThat(entra.requests()).isEmpty();
    }

    @Test
    void aSecretExpiringSoonExplainsTheThresholdInWords() throws Exception {
        Path file = config("\"tenantId\":\"" + tenant + "\",\"clientId\":\"" + clientId + "\","
                + "\"clientSecret\":\"" + secret + "\",\"clientSecretExpires\":\"2025-06-02\",\"grant\":\"application\"");
        entra.tenant(tenant, null);
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));

        assertThat(run("check-app", "--config", file.toString())).as(out + err).isZero();
        assertThat(out).contains("The secret expires on 2025-06-02, in 1 day.").doesNotContain("expected: >")
                .contains("7 passed, 1 warning, 0 failed");
        assertThat(run("check-app", "--config", file.toString(), "--format", "json")).isZero();
        JsonNode expiry = check("app-secret-expiry");
        assertThat(expiry.get("expected").asText()).isEmpty();
        assertThat(expiry.get("notes").get(1).get("message").asText())
                .startsWith("A secret passes when it expires after 2025-07-01, that is more than 30 days from today");
    }

    @Test
    void aTenantGivenByItsIdIsNotExplainedByItself() throws Exception {
        entra.tenant(tenant, null);
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        String fields = "\"tenantId\":\"" + tenant + "\",\"clientId\":\"" + clientId + "\",\"clientSecret\":\""
                + secret + "\",\"clientSecretExpires\":\"2026-05-01\",\"grant\":\"application\"";

        assertThat(run("check-app", "--config", config(fields).toString(), "--format", "json")).isZero();
        String byId = check("app-tenant-discovery").get("message").asText();
        assertThat(byId).isEqualTo("Microsoft knows this tenant in the global cloud: the tenant ID is right.");

        assertThat(run("check-app", "--config", config(fields + ",\"tenantDomain\":\"contoso.onmicrosoft.com\"").toString(),
                "--format", "json")).isZero();
        assertThat(check("app-tenant-discovery").get("message").asText())
                .isEqualTo("The tenant of contoso.onmicrosoft.com (" + tenant + ") exists in the global cloud.");
    }

    @Test
    void secretIdWhereTheValueBelongsExitsTwoAndSendsNothing() throws Exception {
        String secretId = UUID.randomUUID().toString();
        Path file = config("\"tenantId\":\"" + tenant + "\",\"clientId\":\"" + clientId + "\",\"clientSecret\":\""
                + secretId + "\"");

        int code = run("check-app", "--config", file.toString(), "--format", "json");

        assertThat(code).isEqualTo(2);
        assertThat(check("app-secret").get("messageKey").asText()).isEqualTo("app.secret.isSecretId");
        assertThat(check("app-secret").get("notes").get(0).get("message").asText()).contains("Value");
        assertThat(entra.requests()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "'\"tenantId\":\"common\"', app-tenant, app.tenant.alias",
        "'\"tenantId\":\"TENANT\",\"clientId\":\"not-a-guid\"', app-client-id, app.clientId.badGuid",
        "'\"tenantId\":\"TENANT\",\"clientId\":\"TENANT\"', app-client-id, app.clientId.sameAsTenant",
        "'\"tenantId\":\"TENANT\",\"redirectUri\":\"http://www.contoso.com/wp-admin/\"', app-redirect-uri, app.redirect.notHttps"})
    void malformedInputExitsTwoAndSendsNothing(String fields, String id, String key) throws Exception {
        String f = fields.replace("TENANT", tenant);
        if (!f.contains("clientId")) {
            f += ",\"clientId\":\"" + clientId + "\"";
        }
        f += ",\"clientSecret\":\"" + secret + "\"";

        int code = run("check-app", "--config", config(f).toString(), "--format", "json");

        assertThat(code).as(out).isEqualTo(2);
        assertThat(check(id).get("status").asText()).isEqualTo("fail");
        assertThat(check(id).get("messageKey").asText()).isEqualTo(key);
        assertThat(entra.requests()).isEmpty();
    }

    @Test
    void brokenConfigFileExitsTwo() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"schema\":\"m365-mail-wizard/1\",");

        assertThat(run("check-app", "--config", file.toString())).isEqualTo(2);
        assertThat(err).contains("not valid JSON");
    }

    @Test
    void newerSchemaExitsTwo() throws Exception {
        Path file = dir.resolve("newer.json");
        Files.writeString(file, "{\"schema\":\"m365-mail-wizard/2\"}");

        assertThat(run("check-app", "--config", file.toString())).isEqualTo(2);
        assertThat(err).contains("newer version");
    }

    @Test
    void missingConfigFileExitsTwo() {
        assertThat(run("check-app", "--config", dir.resolve("nope.json").toString())).isEqualTo(2);
    }

    @Test
    void secretFromTheEnvironmentOverridesTheFile() throws Exception {
        tenantKnown();
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        Path file = config("\"tenantId\":\"" + tenant + "\",\"clientId\":\"" + clientId
                + "\",\"clientSecret\":\"" + UUID.randomUUID() + "\"");
        env.put("M365_CLIENT_SECRET", secret);

        assertThat(run("check-app", "--config", file.toString(), "--format", "json")).as(out).isZero();
        assertThat(entra.tokenRequestBodies().get(0)).contains("client_secret=" + secret.replace("~", "%7E"));
    }

    @ParameterizedTest(name = "AADSTS{2} -> {3}")
    @CsvSource({
        "401, invalid_client, 7000215, app.aadsts.7000215.message, 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app ''CLIENT''.'",
        "401, invalid_client, 7000222, app.aadsts.7000222.message, 'AADSTS7000222: The provided client secret keys for app ''CLIENT'' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.'",
        "400, unauthorized_client, 700016, app.aadsts.700016.message, 'AADSTS700016: Application with identifier ''CLIENT'' was not found in the directory ''Contoso''. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.'",
        "400, unauthorized_client, 7000112, app.aadsts.7000112.message, 'AADSTS7000112: Application ''CLIENT''(Website mail) is disabled.'",
        "400, invalid_request, 50194, app.aadsts.50194.message, 'AADSTS50194: Application ''CLIENT''(Website mail) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after ''10/15/2018''. Use a tenant-specific endpoint or configure the application to be multi-tenant.'",
        "400, invalid_grant, 65001, app.aadsts.65001.message, 'AADSTS65001: The user or administrator has not consented to use the application with ID ''CLIENT'' named ''Website mail''. Send an interactive authorization request for this user and resource.'",
        "400, invalid_request, 90002, app.aadsts.90002.message, 'AADSTS90002: Tenant ''TENANT'' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.'",
        "400, invalid_scope, 1002012, app.aadsts.unknown.message, 'AADSTS1002012: The provided value for scope x is not valid.'"})
    void microsoftsRefusalExitsOneWithWordsAndAFix(int status, String error, int code, String key, String description)
            throws Exception {
        tenantKnown();
        entra.tokenError(tenant, clientId, status, error, code,
                description.replace("CLIENT", clientId).replace("TENANT", tenant));

        int exit = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(exit).as(out + err).isEqualTo(1);
        JsonNode token = check("app-token");
        assertThat(token.get("status").asText()).isEqualTo("fail");
        assertThat(token.get("messageKey").asText()).isEqualTo(key);
        assertThat(token.get("message").asText()).contains("AADSTS" + code);
        assertThat(token.get("notes").get(0).get("messageKey").asText()).endsWith(".fix");
        assertThat(token.get("found").toString()).contains("Trace ID:").contains("Correlation ID:");
    }

    @Test
    void unknownTenantSuggestsTheOtherClouds() throws Exception {
        entra.unknownTenant("contoso.onmicrosoft.com");

        int code = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(code).isEqualTo(1);
        JsonNode discovery = check("app-tenant-discovery");
        assertThat(discovery.get("messageKey").asText()).isEqualTo("app.discovery.notFound");
        assertThat(discovery.get("notes").get(0).get("message").asText()).contains("china, usgov, usgov-dod");
        assertThat(out).doesNotContain("app-token");
    }

    @Test
    void swappedTenantAndClientIdAreNamed() throws Exception {
        // The "tenant" is really the app's ID (unknown as a tenant); the "client ID" is the tenant.
        entra.unknownTenant(clientId);
        entra.tenant(tenant, null);
        Path file = config("\"tenantId\":\"" + clientId + "\",\"clientId\":\"" + tenant + "\",\"clientSecret\":\""
                + secret + "\"");

        int code = run("check-app", "--config", file.toString(), "--format", "json");

        assertThat(code).isEqualTo(1);
        assertThat(check("app-tenant-discovery").get("messageKey").asText()).isEqualTo("app.discovery.swapped");
    }

    @Test
    void tenantInAnotherCloudIsNamed() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com", "microsoftonline.us", "NA", "DODCON");

        int code = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(code).isEqualTo(1);
        assertThat(check("app-tenant-discovery").get("messageKey").asText()).isEqualTo("app.discovery.otherCloud");
        assertThat(check("app-tenant-discovery").get("messageArgs").get(1).asText()).isEqualTo("usgov");
    }

    @Test
    void noMailSendRoleExplainsAdminConsentWithTheLink() throws Exception {
        tenantKnown();
        entra.token(tenant, clientId, tenant, List.of());

        int code = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(code).isEqualTo(1);
        JsonNode mailSend = check("app-mail-send");
        assertThat(mailSend.get("messageKey").asText()).isEqualTo("app.mailSend.missing");
        String link = mailSend.get("notes").get(0).get("messageArgs").get(0).asText();
        assertThat(link).isEqualTo(entra.baseUri() + "/" + tenant + "/v2.0/adminconsent?client_id=" + clientId
                + "&scope=" + java.net.URLEncoder.encode(entra.baseUri() + "/.default", java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void expiryDateInThePastButSecretAcceptedOnlyWarns() throws Exception {
        tenantKnown();
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        Path file = config("\"tenantId\":\"" + tenant + "\",\"clientId\":\"" + clientId + "\",\"clientSecret\":\""
                + secret + "\",\"clientSecretExpires\":\"2025-01-01\"");

        assertThat(run("check-app", "--config", file.toString(), "--format", "json")).isZero();
        assertThat(check("app-secret-expiry").get("messageKey").asText()).isEqualTo("app.expiry.pastButAccepted");
    }

    @Test
    void d9AnHttpLoginEndpointIsBadInputAndNothingIsSentToIt() throws Exception {
        try (ServerSocket capture = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path file = dir.resolve("http.json");
            Files.writeString(file, "{\"schema\":\"m365-mail-wizard/1\",\"endpoints\":{\"login\":\"http://127.0.0.1:"
                    + capture.getLocalPort() + "\",\"graph\":\"" + entra.baseUri() + "\"},\"tenantId\":\"" + tenant
                    + "\",\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + secret + "\"}");

            int code = run("check-app", "--config", file.toString());

            assertThat(code).isEqualTo(2);
            assertThat(err).contains("\"endpoints.login\"", "must be an https address");
            capture.setSoTimeout(300);
            assertThatThrownBy(capture::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void unreachableIdentityPlatformExitsThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve("dead.json");
        Files.writeString(file, "{\"schema\":\"m365-mail-wizard/1\",\"endpoints\":{\"login\":\"https://localhost:" + port
                + "\",\"graph\":\"https://localhost:" + port + "\"},\"tenantId\":\"" + tenant + "\",\"clientId\":\""
                + clientId + "\",\"clientSecret\":\"" + secret + "\"}");

        int code = run("check-app", "--config", file.toString(), "--format", "json");

        assertThat(code).isEqualTo(3);
        assertThat(check("app-tenant-discovery").get("status").asText()).isEqualTo("error");
    }

    @Test
    void tokenEndpointOutageExitsThree() throws Exception {
        tenantKnown();
        entra.tokenOutage(tenant);

        int code = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(code).isEqualTo(3);
        assertThat(check("app-token").get("status").asText()).isEqualTo("error");
        assertThat(check("app-token").get("messageKey").asText()).isEqualTo("app.token.error.serviceDown");
    }

    @Test
    void htmlPageInsteadOfTheIdentityPlatformExitsThree() throws Exception {
        tenantKnown();
        entra.tokenHtmlPage(tenant);

        int code = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(code).isEqualTo(3);
        assertThat(check("app-token").get("messageKey").asText()).isEqualTo("app.token.error.notIdentityPlatform");
    }

    @Test
    void connectionResetDuringTokenRequestExitsThree() throws Exception {
        tenantKnown();
        entra.resetConnections(tenant);
        // Discovery for the domain still works; the GUID paths reset.
        int code = run("check-app", "--config", goodConfig().toString(), "--format", "json");

        assertThat(code).isEqualTo(3);
        assertThat(check("app-token").get("status").asText()).isEqualTo("error");
    }

    @Test
    void unknownFormatIsAUsageError() throws Exception {
        assertThat(run("check-app", "--config", goodConfig().toString(), "--format", "xml")).isEqualTo(2);
    }
}
