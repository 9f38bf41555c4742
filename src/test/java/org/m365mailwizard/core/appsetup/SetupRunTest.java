// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mailwizard.testsupport.AppSetupStandIn.APP_ID;
import static org.m365mailwizard.testsupport.AppSetupStandIn.APP_OBJECT_ID;
import static org.m365mailwizard.testsupport.AppSetupStandIn.GRAPH_SP_ID;
import static org.m365mailwizard.testsupport.AppSetupStandIn.SP_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.testsupport.AppSetupStandIn;
import org.m365mailwizard.testsupport.FakeTime;

/**
 * Plan, apply, replication delay, failure midway with undo, repair of each misconfiguration and
 * secret rotation, against the Graph stand-in over HTTPS on loopback.
 */
class SetupRunTest {

    static final String REDIRECT = "https://www.contoso.com/";
    private final ObjectMapper json = new ObjectMapper();
    private final FakeTime time = new FakeTime(Instant.parse("2026-12-07T13:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private AppSetupStandIn entra;

    @BeforeEach
    void start() {
        entra = AppSetupStandIn.start();
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    static AdminSession admin(String... roles) {
        return new AdminSession(AppSetupStandIn.adminToken(List.of(roles)), AppSetupStandIn.TENANT, "admin@contoso.com",
                Set.of(roles), true);
    }

    /** The site of these tests, its app named by the stand-in's client ID, reaching the stand-in. */
    static MailConfig config(AppSetupStandIn entra, PluginTarget target) {
        return MailConfig.builder().endpointOverride(entra.endpoints()).domain("contoso.com").sender("wp@contoso.com")
                .siteUrl(URI.create("https://www.contoso.com")).target(target).clientId(APP_ID).build();
    }

    /** A Graph session at the stand-in whose waits pass on the fake clock. */
    static EntraGraph graph(AppSetupStandIn entra, FakeTime time) {
        return new EntraGraph(HttpClient.newHttpClient(), new ObjectMapper(), time, Duration.ofSeconds(10),
                entra.endpoints(), AppSetupStandIn.adminToken(List.of()), (op, retry, delay) -> { }, Cancellation.none());
    }

    private MailConfig config(PluginTarget target) {
        return config(entra, target);
    }

    private EntraGraph graph() {
        return graph(entra, time);
    }

    private final ApplyListener recorder = new ApplyListener() {
        @Override
        public void started(PlannedChange change) {
            events.add("start " + change.kind());
        }

        @Override
        public void waiting(PlannedChange change, int retry, Duration delay) {
            events.add("wait " + change.kind() + " " + retry + " " + delay.toSeconds() + "s");
        }

        @Override
        public void finished(ChangeResult result) {
            events.add(result.outcome() + " " + result.change().kind());
        }
    };

    private List<String> calls() {
        return entra.graphRequests().stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
    }

    private JsonNode body(String method, String urlStart) throws Exception {
        for (LoggedRequest r : entra.graphRequests()) {
            if (r.getMethod().getName().equals(method) && r.getUrl().startsWith(urlStart)) {
                return json.readTree(r.getBodyAsString());
            }
        }
        throw new AssertionError("no " + method + " " + urlStart + " in " + calls());
    }

    private SetupRun create(PluginTarget target, String... roles) throws Exception {
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.CREATE, config(target), 12);
        AppPlan plan = new AppPlanner(time).planCreate(request, admin(roles));
        return new SetupRun(graph(), plan, request);
    }

    @Test
    void createAppliesEveryChangeInOrderAndKeepsTheSecretMasked() throws Exception {
        entra.createSucceeds();
        SetupRun run = create(PluginTarget.WPO365, AppSetupStandIn.GLOBAL_ADMIN);

        assertThat(run.plan().changes()).extracting(PlannedChange::kind).containsExactly(ChangeKind.CREATE_APPLICATION,
                ChangeKind.ADD_REDIRECT_URI, ChangeKind.ADD_PERMISSION, ChangeKind.CREATE_SERVICE_PRINCIPAL,
                ChangeKind.GRANT_CONSENT, ChangeKind.ADD_SECRET);
        assertThat(run.apply(recorder)).isTrue();

        assertThat(run.results()).allMatch(r -> r.outcome() == ChangeResult.Outcome.DONE);
        assertThat(run.appId()).isEqualTo(APP_ID);
        assertThat(run.secret()).get().satisfies(s -> {
            assertThat(s.text()).isEqualTo(AppSetupStandIn.SECRET_TEXT);
            assertThat(s.expires()).hasToString("2027-12-07");
            assertThat(s.toString()).doesNotContain(AppSetupStandIn.SECRET_TEXT);
        });
        JsonNode app = body("POST", "/v1.0/applications");
        assertThat(app.get("displayName").asText()).isEqualTo("Website mail - contoso.com");
        assertThat(app.get("signInAudience").asText()).isEqualTo("AzureADMyOrg");
        assertThat(body("PATCH", "/v1.0/applications/").toString()).contains(REDIRECT);
        assertThat(body("POST", "/v1.0/servicePrincipals").get("appId").asText()).isEqualTo(APP_ID);
        JsonNode grant = body("POST", "/v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo");
        assertThat(grant.get("principalId").asText()).isEqualTo(SP_ID);
        assertThat(grant.get("resourceId").asText()).isEqualTo(GRAPH_SP_ID);
        assertThat(grant.get("appRoleId").asText()).isEqualTo(AppSetupIds.MAIL_SEND_ROLE);
        assertThat(body("POST", "/v1.0/applications/" + APP_OBJECT_ID + "/addPassword")
                .at("/passwordCredential/endDateTime").asText()).isEqualTo("2027-12-07T00:00:00Z");
        assertThat(time.slept).isEmpty();
    }

    @Test
    void aPluginSigningInThroughCommonGetsAMultiTenantAppAndTheDelegatedPermission() throws Exception {
        entra.createSucceeds();
        SetupRun run = create(PluginTarget.WP_MAIL_SMTP, AppSetupStandIn.GLOBAL_ADMIN);
        assertThat(run.plan().changes()).extracting(PlannedChange::kind).doesNotContain(ChangeKind.GRANT_CONSENT);
        assertThat(run.plan().notes()).extracting(n -> n.key()).contains("appsetup.note.delegatedConsent");

        assertThat(run.apply(recorder)).isTrue();
        assertThat(body("POST", "/v1.0/applications").get("signInAudience").asText()).isEqualTo("AzureADMultipleOrgs");
        List<JsonNode> patches = new ArrayList<>();
        for (LoggedRequest r : entra.graphRequests()) {
            if (r.getMethod().getName().equals("PATCH")) {
                patches.add(json.readTree(r.getBodyAsString()));
            }
        }
        assertThat(patches.get(1).at("/requiredResourceAccess/0/resourceAccess/0/type").asText()).isEqualTo("Scope");
        assertThat(patches.get(1).at("/requiredResourceAccess/0/resourceAccess/0/id").asText())
                .isEqualTo(AppSetupIds.MAIL_SEND_SCOPE);
    }

    @Test
    void replicationDelayIsWaitedOutVisiblyWithBackoff() throws Exception {
        entra.createSucceeds()
                .notReplicatedYet("PATCH", "/v1.0/applications/" + APP_OBJECT_ID, 2, 404, "Request_ResourceNotFound",
                        "Resource '" + APP_OBJECT_ID + "' does not exist or one of its queried reference-property objects are not present.")
                .notReplicatedYet("POST", "/v1.0/servicePrincipals", 1, 400, "Request_BadRequest",
                        "The appId '" + APP_ID + "' of the service principal does not reference a valid application object.");
        SetupRun run = create(PluginTarget.WPO365, AppSetupStandIn.GLOBAL_ADMIN);

        assertThat(run.apply(recorder)).isTrue();

        assertThat(time.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(events).contains("wait ADD_REDIRECT_URI 1 1s", "wait ADD_REDIRECT_URI 2 2s",
                "wait CREATE_SERVICE_PRINCIPAL 1 1s");
    }

    @Test
    void replicationThatNeverEndsFailsAfterAboutAMinute() throws Exception {
        entra.createSucceeds().notReplicatedYet("PATCH", "/v1.0/applications/" + APP_OBJECT_ID, 20, 404,
                "Request_ResourceNotFound", "Resource does not exist.");
        SetupRun run = create(PluginTarget.WPO365, AppSetupStandIn.GLOBAL_ADMIN);

        assertThat(run.apply(recorder)).isFalse();
        assertThat(time.slept.stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(63);
        assertThat(run.failureMessage()).get().satisfies(m -> assertThat(m.key()).isEqualTo("appsetup.error.notFound"));
    }

    /** Each change failing midway: what ran before is listed, what follows did not run, undo deletes this run's objects. */
    @ParameterizedTest
    @CsvSource({
        "POST, /v1.0/servicePrincipals, 3, 'DELETE /v1.0/applications/" + APP_OBJECT_ID + "'",
        "POST, /v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo, 4, "
                + "'DELETE /v1.0/servicePrincipals/" + SP_ID + "|DELETE /v1.0/applications/" + APP_OBJECT_ID + "'",
        "POST, /v1.0/applications/" + APP_OBJECT_ID + "/addPassword, 5, "
                + "'DELETE /v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo/" + AppSetupStandIn.ASSIGNMENT_ID
                + "|DELETE /v1.0/servicePrincipals/" + SP_ID + "|DELETE /v1.0/applications/" + APP_OBJECT_ID + "'",
    })
    void aFailureMidwayStopsThereAndUndoRemovesWhatThisRunCreated(String method, String path, int failing,
                                                                  String undoCalls) throws Exception {
        entra.createSucceeds().refuse(method, path, 403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.");
        SetupRun run = create(PluginTarget.WPO365, AppSetupStandIn.GLOBAL_ADMIN);

        assertThat(run.apply(recorder)).isFalse();

        List<ChangeResult> results = run.results();
        for (int i = 0; i < results.size(); i++) {
            ChangeResult.Outcome expected = i < failing ? ChangeResult.Outcome.DONE
                    : i == failing ? ChangeResult.Outcome.FAILED : ChangeResult.Outcome.NOT_RUN;
            assertThat(results.get(i).outcome()).as("change %d", i).isEqualTo(expected);
        }
        assertThat(results.get(failing).detail().key()).isEqualTo("appsetup.error.denied");
        assertThat(results.get(failing).detail().args()).contains("Authorization_RequestDenied");
        assertThat(run.canUndo()).isTrue();
        int before = entra.graphRequests().size();

        assertThat(run.undo(recorder)).isTrue();

        List<String> undone = calls().subList(before, calls().size());
        assertThat(undone).containsExactly(undoCalls.split("\\|"));
        assertThat(run.canUndo()).isFalse();
        assertThat(run.results().subList(0, failing)).allMatch(r -> r.outcome() == ChangeResult.Outcome.UNDONE
                || r.change().kind() == ChangeKind.ADD_REDIRECT_URI || r.change().kind() == ChangeKind.ADD_PERMISSION);
    }

    @Test
    void aRetryAfterAFailureContinuesAtTheFailedChange() throws Exception {
        entra.createSucceeds().notReplicatedYet("POST", "/v1.0/applications/" + APP_OBJECT_ID + "/addPassword", 7, 404,
                "Request_ResourceNotFound", "Resource does not exist.");
        SetupRun run = create(PluginTarget.WPO365, AppSetupStandIn.GLOBAL_ADMIN);
        assertThat(run.apply(recorder)).isFalse();
        long appsCreated = calls().stream().filter(c -> c.equals("POST /v1.0/applications")).count();

        assertThat(run.apply(recorder)).isTrue();

        assertThat(calls().stream().filter(c -> c.equals("POST /v1.0/applications")).count()).isEqualTo(appsCreated);
        assertThat(run.secret()).isPresent();
    }

    @Test
    void anAdminWithoutThePrivilegedRoleGetsTheRestAndIsToldWhichRoleIsMissing() throws Exception {
        entra.createSucceeds();
        SetupRun run = create(PluginTarget.WPO365, AppSetupStandIn.APPLICATION_ADMIN);

        assertThat(run.plan().consentNeedsOtherAdmin()).isTrue();
        assertThat(run.plan().changes()).extracting(PlannedChange::kind).doesNotContain(ChangeKind.GRANT_CONSENT);
        assertThat(run.plan().notes()).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("appsetup.note.roleMissing");
            assertThat(n.args()).containsExactly("Application Administrator");
        });
        assertThat(run.apply(recorder)).isTrue();
        assertThat(calls()).noneMatch(c -> c.contains("appRoleAssignedTo"));
    }

    // --- repair ------------------------------------------------------------------------------------

    static final String MAIL_SEND_ROLE = "[{\"resourceAppId\":\"00000003-0000-0000-c000-000000000000\","
            + "\"resourceAccess\":[{\"id\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\",\"type\":\"Role\"}]}]";
    static final String GOOD_SECRET = "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"displayName\":\"site\","
            + "\"endDateTime\":\"2027-10-01T00:00:00Z\",\"hint\":\"abc\"}]";

    private AppPlan repairPlan(PluginTarget target) throws Exception {
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.REPAIR, config(target), 12);
        return new AppPlanner(time).planRepair(graph(), request, admin(AppSetupStandIn.GLOBAL_ADMIN));
    }

    @Test
    void aHealthyAppNeedsNothing() throws Exception {
        entra.existingApp("AzureADMyOrg", "[\"" + REDIRECT + "\"]", MAIL_SEND_ROLE, GOOD_SECRET, true, true);
        AppPlan plan = repairPlan(PluginTarget.WPO365);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.findings()).singleElement().satisfies(f -> assertThat(f.message().key())
                .isEqualTo("appsetup.repair.allGood"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "AzureADMultipleOrgs; true; true; true; true; app-audience; SET_AUDIENCE",
        "AzureADMyOrg; false; true; true; true; app-redirect-uri; ADD_REDIRECT_URI",
        "AzureADMyOrg; true; false; true; true; app-permission; ADD_PERMISSION",
        "AzureADMyOrg; true; true; false; false; app-service-principal; CREATE_SERVICE_PRINCIPAL",
        "AzureADMyOrg; true; true; true; false; app-consent; GRANT_CONSENT",
    })
    void eachMisconfigurationIsAFindingWithItsFix(String audience, boolean redirect, boolean permission,
                                                  boolean servicePrincipal, boolean consent, String finding,
                                                  ChangeKind fix) throws Exception {
        entra.existingApp(audience, redirect ? "[\"" + REDIRECT + "\"]" : "[\"https://old.contoso.com/\"]",
                permission ? MAIL_SEND_ROLE : "[]", GOOD_SECRET, servicePrincipal, consent);
        AppPlan plan = repairPlan(PluginTarget.WPO365);

        assertThat(plan.findings()).extracting(f -> f.id()).contains(finding);
        assertThat(plan.changes()).extracting(PlannedChange::kind).contains(fix);

        SetupRun run = new SetupRun(graph(), plan, SetupRequest.of(SetupRequest.Mode.REPAIR, config(PluginTarget.WPO365), 12));
        assertThat(run.apply(recorder)).isTrue();
        assertThat(calls()).noneMatch(c -> c.equals("POST /v1.0/applications"));
        if (fix == ChangeKind.ADD_REDIRECT_URI) {
            // The existing URI stays; the plugin's is added.
            assertThat(body("PATCH", "/v1.0/applications/").at("/web/redirectUris").toString())
                    .isEqualTo("[\"https://old.contoso.com/\",\"" + REDIRECT + "\"]");
        }
        if (fix == ChangeKind.SET_AUDIENCE) {
            assertThat(body("PATCH", "/v1.0/applications/").get("signInAudience").asText()).isEqualTo("AzureADMyOrg");
            int before = calls().size();
            run.undo(recorder);
            assertThat(calls().subList(before, calls().size())).containsExactly("PATCH /v1.0/applications/" + APP_OBJECT_ID);
            assertThat(body("PATCH", "/v1.0/applications/").get("signInAudience").asText()).isEqualTo("AzureADMyOrg");
        }
    }

    @Test
    void theSecretEndsOnTheDayThePlanShowedEvenWhenConfirmedOnAnotherDay() throws Exception {
        entra.createSucceeds();
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.CREATE, config(PluginTarget.WPO365), 12);
        // Planned a minute before midnight UTC; applied later, by the real clock, on another day.
        AppPlan plan = new AppPlanner(new FakeTime(Instant.parse("2026-12-31T23:59:00Z")))
                .planCreate(request, admin(AppSetupStandIn.GLOBAL_ADMIN));
        PlannedChange secret = plan.changes().stream().filter(c -> c.kind() == ChangeKind.ADD_SECRET).findFirst().orElseThrow();
        assertThat(secret.description().args()).contains("2027-12-31");

        assertThat(new SetupRun(graph(), plan, request).apply(recorder)).isTrue();

        assertThat(body("POST", "/v1.0/applications/" + APP_OBJECT_ID + "/addPassword")
                .at("/passwordCredential/endDateTime").asText()).isEqualTo("2027-12-31T00:00:00Z");
    }

    @Test
    void noValidSecretIsAFindingAndANewSecretIsAdded() throws Exception {
        entra.existingApp("AzureADMyOrg", "[\"" + REDIRECT + "\"]", MAIL_SEND_ROLE,
                "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000009\",\"endDateTime\":\"2026-01-01T00:00:00Z\"}]", true, true);
        AppPlan plan = repairPlan(PluginTarget.WPO365);
        assertThat(plan.findings()).singleElement().satisfies(f -> assertThat(f.message().key())
                .isEqualTo("appsetup.repair.noSecret"));
        assertThat(plan.changes()).extracting(PlannedChange::kind).containsExactly(ChangeKind.ADD_SECRET);
    }

    @Test
    void rotationAddsANewSecretAndRemovesTheOldOnlyInASecondConfirmedPlan() throws Exception {
        entra.existingApp("AzureADMyOrg", "[\"" + REDIRECT + "\"]", MAIL_SEND_ROLE,
                "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"displayName\":\"site\","
                        + "\"endDateTime\":\"2026-12-17T00:00:00Z\"}]", true, true);
        AppPlan plan = repairPlan(PluginTarget.WPO365);
        assertThat(plan.findings()).singleElement().satisfies(f -> {
            assertThat(f.message().key()).isEqualTo("appsetup.repair.secretExpiring");
            assertThat(f.message().args()).containsExactly("2026-12-17", "9");
        });
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.REPAIR, config(PluginTarget.WPO365), 6);
        SetupRun run = new SetupRun(graph(), plan, request);
        assertThat(run.apply(recorder)).isTrue();
        assertThat(calls()).noneMatch(c -> c.contains("removePassword"));

        AppPlan cleanup = new AppPlanner(time).planSecretCleanup(plan.existing(), run.secret().orElseThrow().keyId());
        assertThat(cleanup.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REMOVE_SECRET);
            assertThat(c.argument()).isEqualTo("0a1b2c3d-0000-4000-8000-000000000001");
        });
        assertThat(new SetupRun(graph(), cleanup, request).apply(recorder)).isTrue();
        assertThat(body("POST", "/v1.0/applications/" + APP_OBJECT_ID + "/removePassword").get("keyId").asText())
                .isEqualTo("0a1b2c3d-0000-4000-8000-000000000001");
    }

    @Test
    void repairOfAnUnknownClientIdIsBadInput() throws Exception {
        entra.noApp();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repairPlan(PluginTarget.WPO365))
                .isInstanceOfSatisfying(org.m365mailwizard.core.check.ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("appsetup.repair.appNotFound");
                    assertThat(e.exitCode()).isEqualTo(2);
                });
    }

    @Test
    void domainAndItsRecordsAreReadAsGraphReturnsThem() throws Exception {
        entra.domain("contoso.com", false, "[{\"@odata.type\":\"#microsoft.graph.domainDnsMxRecord\",\"isOptional\":false,"
                + "\"label\":\"contoso.com\",\"recordType\":\"Mx\",\"supportedService\":\"Email\",\"ttl\":3600,"
                + "\"mailExchange\":\"contoso-com.mail.protection.outlook.com\",\"preference\":0}]",
                "[{\"@odata.type\":\"#microsoft.graph.domainDnsTxtRecord\",\"isOptional\":false,\"label\":\"contoso.com\","
                        + "\"recordType\":\"Txt\",\"supportedService\":\"None\",\"ttl\":3600,\"text\":\"MS=ms95480250\"}]");
        DomainReader.DomainInfo info = DomainReader.read(graph(), "contoso.com");
        assertThat(info.verified()).isFalse();
        assertThat(info.records().mxHost()).contains("contoso-com.mail.protection.outlook.com");
        assertThat(info.records().verificationText()).contains("MS=ms95480250");
        assertThat(info.records().entries().get(0).get("@odata.type").asText())
                .isEqualTo("#microsoft.graph.domainDnsMxRecord");
    }

    // --- least privilege: removing the tenant-wide consent once Exchange limits the app -----------

    @Test
    void underRbacForApplicationsTheRemovalIsItsOwnPlanAppliedVerifiedAndUndoneByGrantingAgain() throws Exception {
        entra.consentRemovable("AzureADMyOrg", "[\"" + REDIRECT + "\"]", MAIL_SEND_ROLE, "[]");
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.REPAIR, config(PluginTarget.WPO365), 12);
        AppPlanner planner = new AppPlanner(time);

        AppPlan plan = planner.planRemoveConsent(graph(), request, MailboxScoping.RBAC_FOR_APPLICATIONS);

        assertThat(plan.changes()).extracting(PlannedChange::kind).containsExactly(ChangeKind.REMOVE_CONSENT);
        assertThat(plan.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("app-tenant-consent");
            assertThat(f.message().key()).isEqualTo("appsetup.removeConsent.found");
        });
        assertThat(calls()).noneMatch(c -> c.startsWith("DELETE") || c.startsWith("POST") || c.startsWith("PATCH"));

        SetupRun run = new SetupRun(graph(), plan, request);
        assertThat(run.apply(recorder)).isTrue();
        assertThat(calls()).contains("DELETE /v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo/"
                + AppSetupStandIn.ASSIGNMENT_ID);
        assertThat(planner.verifyConsentRemoved(graph(), APP_ID).message().key())
                .isEqualTo("appsetup.removeConsent.verified");
        assertThat(run.canUndo()).isTrue();

        assertThat(run.undo(recorder)).isTrue();
        JsonNode regrant = body("POST", "/v1.0/servicePrincipals/" + GRAPH_SP_ID + "/appRoleAssignedTo");
        assertThat(regrant.path("principalId").asText()).isEqualTo(SP_ID);
        assertThat(regrant.path("resourceId").asText()).isEqualTo(GRAPH_SP_ID);
        assertThat(regrant.path("appRoleId").asText()).isEqualTo("b633e1c5-b582-4048-a93e-9f11b44c7e96");
        assertThat(planner.verifyConsentRemoved(graph(), APP_ID).message().key())
                .isEqualTo("appsetup.removeConsent.stillListed");
        assertThat(events).containsSubsequence("DONE REMOVE_CONSENT", "UNDONE REMOVE_CONSENT");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            APPLICATION_ACCESS_POLICY, false, appsetup.removeConsent.accessPolicy
            NONE,                      false, appsetup.removeConsent.notScoped
            RBAC_FOR_APPLICATIONS,     true,  appsetup.removeConsent.delegated
            """)
    void theConsentRemovalIsNeverPlannedWhereTheConsentMustStay(MailboxScoping scoping, boolean delegated, String note)
            throws Exception {
        entra.consentRemovable("AzureADMyOrg", "[\"" + REDIRECT + "\"]", MAIL_SEND_ROLE, "[]");
        MailConfig config = config(PluginTarget.WPO365);
        if (delegated) {
            config = config.toBuilder().grant(org.m365mailwizard.core.config.Grant.DELEGATED).build();
        }
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.REPAIR, config, 12);

        AppPlan plan = new AppPlanner(time).planRemoveConsent(graph(), request, scoping);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.notes()).extracting(m -> m.key()).containsExactly(note);
        assertThat(calls()).isEmpty();
    }

    @Test
    void anAppWithoutTheTenantWideConsentHasNothingToRemove() throws Exception {
        entra.existingApp("AzureADMyOrg", "[\"" + REDIRECT + "\"]", MAIL_SEND_ROLE, "[]", true, false);
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.REPAIR, config(PluginTarget.WPO365), 12);

        AppPlan plan = new AppPlanner(time).planRemoveConsent(graph(), request, MailboxScoping.RBAC_FOR_APPLICATIONS);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.findings()).singleElement().satisfies(f ->
                assertThat(f.message().key()).isEqualTo("appsetup.removeConsent.none"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            APPLICATION, contoso.com, 'Application.ReadWrite.All,AppRoleAssignment.ReadWrite.All,Domain.Read.All'
            DELEGATED,   contoso.com, 'Application.ReadWrite.All,Domain.Read.All'
            APPLICATION, '',          'Application.ReadWrite.All,AppRoleAssignment.ReadWrite.All'
            DELEGATED,   '',          'Application.ReadWrite.All'
            """)
    void theSignInAsksOnlyForWhatTheActionNeeds(String grant, String domain, String expected) throws Exception {
        MailConfig config = config(PluginTarget.WPO365).toBuilder()
                .grant(org.m365mailwizard.core.config.Grant.valueOf(grant)).domain(domain.isEmpty() ? null : domain).build();
        assertThat(SetupRequest.of(SetupRequest.Mode.CREATE, config, 12).permissions())
                .containsExactly(expected.split(","));
    }
}
