// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.AppSetupStandIn;

/**
 * {@code setup-app} through {@link Cli} and the real {@link CommandFactory}, against the identity and
 * Graph stand-ins reached through the config's {@code endpoints}: device code on standard error, the
 * plan, the confirmation on standard input, per-change results, the written config, exit codes.
 */
class SetupAppCommandTest {

    private static final String MX = "[{\"@odata.type\":\"#microsoft.graph.domainDnsMxRecord\",\"isOptional\":false,"
            + "\"label\":\"contoso.com\",\"recordType\":\"Mx\",\"supportedService\":\"Email\",\"ttl\":3600,"
            + "\"mailExchange\":\"contoso-com01c.mail.protection.outlook.com\",\"preference\":0}]";

    @TempDir
    Path dir;
    private AppSetupStandIn entra;
    private final ObjectMapper mapper = new ObjectMapper();
    private InputStream originalIn;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void start() {
        entra = AppSetupStandIn.start();
        originalIn = System.in;
    }

    @AfterEach
    void stop() {
        System.setIn(originalIn);
        entra.close();
    }

    private Path config(String endpointRoot, String extra) throws Exception {
        Path file = dir.resolve("site.json");
        Files.writeString(file, """
                { "schema": "m365-mail-wizard/1", "cloud": "global",
                  "endpoints": { "login": "%s", "graph": "%s" },
                  "domain": "contoso.com", "sender": "wp@contoso.com", "siteUrl": "https://www.contoso.com",
                  "target": "wpo365"%s }
                """.formatted(endpointRoot, endpointRoot, extra));
        return file;
    }

    private Run run(Language language, String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        Texts texts = new Texts(language);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), dir.resolve("home")), Map.of(),
                Clock.systemUTC())) {
            List<String> all = new ArrayList<>(List.of("setup-app"));
            all.addAll(List.of(args));
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(out), new PrintWriter(err))
                    .execute(all.toArray(String[]::new));
            return new Run(code, out.toString(), err.toString());
        }
    }

    private Run setupApp(String stdin, String... args) {
        return run(Language.ENGLISH, stdin, args);
    }

    @Test
    void createWithYesWritesTheCompletedConfigWithSecretOwnerOnly() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "authorization_pending", "ok").createSucceeds()
                .domain("contoso.com", true, MX, "[]");
        Path out = dir.resolve("done.json");

        Run run = setupApp("", "--config", config(entra.baseUri().toString(), "").toString(), "--create", "--yes",
                "--include-secret", "--out", out.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("open https://microsoft.com/devicelogin and enter the code GTHK-7QXP");
        assertThat(run.err()).doesNotContain(AppSetupStandIn.SECRET_TEXT);
        JsonNode report = mapper.readTree(run.out());
        assertThat(report.get("appId").asText()).isEqualTo(AppSetupStandIn.APP_ID);
        assertThat(report.get("changes")).hasSize(6).allMatch(c -> c.get("outcome").asText().equals("done"));
        assertThat(report.get("dnsRecords").asInt()).isEqualTo(1);
        JsonNode written = mapper.readTree(out.toFile());
        assertThat(written.get("clientId").asText()).isEqualTo(AppSetupStandIn.APP_ID);
        assertThat(written.get("tenantId").asText()).isEqualTo(AppSetupStandIn.TENANT);
        assertThat(written.get("clientSecret").asText()).isEqualTo(AppSetupStandIn.SECRET_TEXT);
        assertThat(written.get("clientSecretExpires").asText()).isEqualTo("2027-12-07");
        assertThat(written.get("redirectUri").asText()).isEqualTo("https://www.contoso.com/");
        assertThat(written.at("/dnsRecords/0/mailExchange").asText()).isEqualTo("contoso-com01c.mail.protection.outlook.com");
        assertThat(written.at("/dnsRecords/0/@odata.type").asText()).isEqualTo("#microsoft.graph.domainDnsMxRecord");
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(out))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void withoutYesThePlanIsShownAndConfirmedOnStandardInputAndTheSecretStaysOutOfTheFile() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").createSucceeds().domain("contoso.com", true, MX, "[]");
        Path out = dir.resolve("done.json");

        Run run = setupApp("y\n", "--config", config(entra.baseUri().toString(), "").toString(), "--create",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Plan (nothing is changed before you confirm):",
                "Create application \"Website mail - contoso.com\" (single tenant",
                "Add redirect URI https://www.contoso.com/ (Web)", "Add Microsoft Graph application permission Mail.Send",
                "Grant admin consent for Mail.Send", "Add client secret valid 12 months", "Apply these 6 changes?",
                "DONE Create application", "New-ManagementRoleAssignment", "Test-ServicePrincipalAuthorization",
                "The new client secret was not written");
        assertThat(run.out()).doesNotContain(AppSetupStandIn.SECRET_TEXT);
        assertThat(mapper.readTree(out.toFile()).has("clientSecret")).isFalse();
        assertThat(mapper.readTree(out.toFile()).get("clientSecretExpires").asText()).isEqualTo("2027-12-07");
    }

    @Test
    void declinedPlanChangesNothingAndExitsTwo() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").createSucceeds();
        Run run = setupApp("n\n", "--config", config(entra.baseUri().toString(), "").toString(), "--create",
                "--out", dir.resolve("x.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("Nothing was changed.");
        assertThat(entra.graphRequests()).isEmpty();
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void aRefusedChangeWithYesUndoesWhatThisRunCreatedAndExitsOne() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").createSucceeds()
                .refuse("POST", "/v1.0/servicePrincipals/" + AppSetupStandIn.GRAPH_SP_ID + "/appRoleAssignedTo", 403,
                        "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        Run run = setupApp("", "--config", config(entra.baseUri().toString(), "").toString(), "--create", "--yes",
                "--out", dir.resolve("x.json").toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode changes = mapper.readTree(run.out()).get("changes");
        List<String> outcomes = new ArrayList<>();
        changes.forEach(c -> outcomes.add(c.get("kind").asText() + "=" + c.get("outcome").asText()));
        assertThat(outcomes).containsExactly("create_application=undone", "add_redirect_uri=done",
                "add_permission=done", "create_service_principal=undone", "grant_consent=failed", "add_secret=not_run");
        assertThat(changes.get(4).get("detailKey").asText()).isEqualTo("appsetup.error.denied");
        assertThat(entra.graphRequests()).extracting(r -> r.getMethod().getName() + " " + r.getUrl())
                .contains("DELETE /v1.0/servicePrincipals/" + AppSetupStandIn.SP_ID,
                        "DELETE /v1.0/applications/" + AppSetupStandIn.APP_OBJECT_ID);
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void repairOfAHealthyAppChangesNothing() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok")
                .existingApp("AzureADMyOrg", "[\"https://www.contoso.com/\"]", SetupRunTestData.MAIL_SEND_ROLE,
                        "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}]",
                        true, true)
                .domain("contoso.com", true, MX, "[]");
        Run run = setupApp("", "--config", config(entra.baseUri().toString(), ", \"clientId\": \"" + AppSetupStandIn.APP_ID
                + "\"").toString(), "--repair", "--out", dir.resolve("r.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("nothing to repair", "Nothing to change.");
        assertThat(entra.graphRequests()).noneMatch(r -> !r.getMethod().getName().equals("GET"));
    }

    @Test
    void declinedSignInExitsTwoAndAnExistingOutIsRefusedBeforeSigningIn() throws Exception {
        entra.deviceCode(List.of(), "authorization_declined");
        Run declined = setupApp("", "--config", config(entra.baseUri().toString(), "").toString(), "--create", "--yes",
                "--out", dir.resolve("x.json").toString());
        assertThat(declined.exitCode()).isEqualTo(2);
        assertThat(declined.err()).contains("The sign-in was declined");

        Path existing = Files.writeString(dir.resolve("exists.json"), "{}");
        int tokenRequests = entra.tokenRequests().size();
        Run refused = setupApp("", "--config", config(entra.baseUri().toString(), "").toString(), "--create", "--yes",
                "--out", existing.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(entra.tokenRequests()).hasSize(tokenRequests);
    }

    @Test
    void unreachableIdentityPlatformExitsThree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run run = setupApp("", "--config", config("https://localhost:" + port, "").toString(), "--create", "--yes",
                "--out", dir.resolve("x.json").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("could not be reached");
    }

    @Test
    void chineseOutputIsComplete() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").createSucceeds().domain("contoso.com", true, MX, "[]");
        Run run = run(Language.SIMPLIFIED_CHINESE, "", "--config", config(entra.baseUri().toString(), "").toString(),
                "--create", "--yes", "--out", dir.resolve("zh.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("要以管理员身份登录");
        assertThat(run.out()).contains("计划（确认之前不会做任何更改）", "已完成 创建应用");
    }

    @Test
    void removeTenantConsentIsRefusedWithCreateBeforeAnyoneSignsIn() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").createSucceeds();
        Run run = setupApp("", "--config", config(entra.baseUri().toString(), "").toString(), "--create", "--yes",
                "--remove-tenant-consent", "--out", dir.resolve("x.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--remove-tenant-consent works only with --repair");
        assertThat(entra.tokenRequests()).isEmpty();
    }

    private String removable() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok")
                .consentRemovable("AzureADMyOrg", "[\"https://www.contoso.com/\"]", SetupRunTestData.MAIL_SEND_ROLE,
                        "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}]")
                .domain("contoso.com", true, MX, "[]");
        return config(entra.baseUri().toString(), ", \"clientId\": \"" + AppSetupStandIn.APP_ID + "\"").toString();
    }

    @Test
    void removeTenantConsentIsItsOwnConfirmedPlanThenVerified() throws Exception {
        String config = removable();

        Run run = setupApp("y\n", "--config", config, "--repair", "--remove-tenant-consent",
                "--out", dir.resolve("r.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("nothing to repair", "Remove the tenant-wide admin consent for Mail.Send",
                "Remove the tenant-wide Mail.Send consent now?", "Checked: the app no longer holds",
                "run setup-app --repair without --remove-tenant-consent");
        assertThat(entra.graphRequests()).filteredOn(r -> !r.getMethod().getName().equals("GET"))
                .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
                .containsExactly("DELETE /v1.0/servicePrincipals/" + AppSetupStandIn.GRAPH_SP_ID + "/appRoleAssignedTo/"
                        + AppSetupStandIn.ASSIGNMENT_ID);
    }

    @Test
    void declinedConsentRemovalKeepsTheConsentAndExitsTwo() throws Exception {
        String config = removable();

        Run run = setupApp("n\n", "--config", config, "--repair", "--remove-tenant-consent", "--format", "json",
                "--out", dir.resolve("r.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The tenant-wide Mail.Send consent was kept.");
        assertThat(mapper.readTree(run.out()).get("tenantConsentRemoved").asBoolean()).isFalse();
        assertThat(entra.graphRequests()).allMatch(r -> r.getMethod().getName().equals("GET"));
    }

    @Test
    void withTheOptionAMissingConsentIsNotGrantedByTheRepair() throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok")
                .existingApp("AzureADMyOrg", "[\"https://www.contoso.com/\"]", SetupRunTestData.MAIL_SEND_ROLE,
                        "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}]",
                        true, false)
                .domain("contoso.com", true, MX, "[]");
        Run run = setupApp("", "--config", config(entra.baseUri().toString(), ", \"clientId\": \""
                + AppSetupStandIn.APP_ID + "\"").toString(), "--repair", "--yes", "--remove-tenant-consent",
                "--format", "json", "--out", dir.resolve("r.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("no tenant-wide Mail.Send consent: nothing to remove");
        assertThat(mapper.readTree(run.out()).get("tenantConsentRemoved").asBoolean()).isTrue();
        assertThat(entra.graphRequests()).allMatch(r -> r.getMethod().getName().equals("GET"));
    }

    /** Shared fixture values. */
    static final class SetupRunTestData {
        static final String MAIL_SEND_ROLE = "[{\"resourceAppId\":\"00000003-0000-0000-c000-000000000000\","
                + "\"resourceAccess\":[{\"id\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\",\"type\":\"Role\"}]}]";
    }
}
