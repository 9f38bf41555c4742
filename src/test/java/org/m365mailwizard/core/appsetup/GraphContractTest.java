// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.testsupport.AppSetupStandIn;
import org.m365mailwizard.testsupport.FakeTime;
import org.m365mailwizard.testsupport.GraphCsdl;

/**
 * Every request body the app setup sends to Graph, held against Microsoft's Graph v1.0 metadata: each
 * property exists on its entity, complex type or action, with the JSON type its EDM type needs. The
 * bodies are the ones really sent (create, undo, repair of everything, rotation), captured by the stand-in.
 */
class GraphContractTest {

    private static GraphCsdl csdl;
    private final ObjectMapper json = new ObjectMapper();
    private final FakeTime time = new FakeTime(Instant.parse("2026-12-07T13:00:00Z"));
    private AppSetupStandIn entra;

    @BeforeAll
    static void metadata() throws Exception {
        csdl = GraphCsdl.load();
    }

    @BeforeEach
    void start() {
        entra = AppSetupStandIn.start();
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    private EntraGraph graph() {
        return SetupRunTest.graph(entra, time);
    }

    private MailConfig config(PluginTarget target) {
        return SetupRunTest.config(entra, target);
    }

    /** The Graph type or action a request's body must conform to, from its method and path. */
    private List<String> violations(LoggedRequest request) throws Exception {
        JsonNode body = json.readTree(request.getBodyAsString());
        String path = request.getUrl().replaceFirst("\\?.*", "");
        String method = request.getMethod().getName();
        if (path.endsWith("/addPassword")) {
            return csdl.checkAction("addPassword", "graph.application", body);
        }
        if (path.endsWith("/removePassword")) {
            return csdl.checkAction("removePassword", "graph.application", body);
        }
        if (path.endsWith("/appRoleAssignedTo")) {
            return csdl.check("graph.appRoleAssignment", body);
        }
        if (path.equals("/v1.0/servicePrincipals")) {
            return csdl.check("graph.servicePrincipal", body);
        }
        if (path.startsWith("/v1.0/applications") && (method.equals("POST") || method.equals("PATCH"))) {
            return csdl.check("graph.application", body);
        }
        return List.of("no contract for " + method + " " + path);
    }

    @Test
    void everyBodyOfCreateRepairRotationAndUndoConformsToGraphsMetadata() throws Exception {
        entra.createSucceeds();
        AdminSession admin = SetupRunTest.admin(AppSetupStandIn.GLOBAL_ADMIN);
        for (PluginTarget target : List.of(PluginTarget.WPO365, PluginTarget.WP_MAIL_SMTP)) {
            SetupRequest request = SetupRequest.of(SetupRequest.Mode.CREATE, config(target), 24);
            SetupRun run = new SetupRun(graph(), new AppPlanner(time).planCreate(request, admin), request);
            assertThat(run.apply(ApplyListener.NONE)).isTrue();
            assertThat(run.undo(ApplyListener.NONE)).isTrue();
        }
        entra.existingApp("AzureADMultipleOrgs", "[\"https://old.contoso.com/\"]", "[{\"resourceAppId\":"
                        + "\"00000003-0000-0000-c000-000000000000\",\"resourceAccess\":[{\"id\":"
                        + "\"e1fe6dd8-ba31-4d61-89e7-88639da4683d\",\"type\":\"Scope\"}]}]",
                "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2026-12-10T00:00:00Z\"}]", true, false);
        SetupRequest repair = SetupRequest.of(SetupRequest.Mode.REPAIR, config(PluginTarget.WPO365), 12);
        AppPlan plan = new AppPlanner(time).planRepair(graph(), repair, admin);
        SetupRun run = new SetupRun(graph(), plan, repair);
        assertThat(run.apply(ApplyListener.NONE)).isTrue();
        assertThat(run.undo(ApplyListener.NONE)).isTrue();
        SetupRun cleanup = new SetupRun(graph(), new AppPlanner(time).planSecretCleanup(plan.existing(), "none"), repair);
        assertThat(cleanup.apply(ApplyListener.NONE)).isTrue();

        Set<String> covered = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (LoggedRequest request : entra.graphRequests()) {
            if (request.getBodyAsString().isEmpty()) {
                continue;
            }
            covered.add(request.getMethod().getName() + " " + request.getUrl().replaceAll("[0-9a-f-]{36}|[A-Za-z0-9_]{43}", "{id}"));
            for (String problem : violations(request)) {
                problems.add(request.getMethod().getName() + " " + request.getUrl() + " " + problem);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(covered).contains("POST /v1.0/applications", "PATCH /v1.0/applications/{id}",
                "POST /v1.0/servicePrincipals", "POST /v1.0/servicePrincipals/{id}/appRoleAssignedTo",
                "POST /v1.0/applications/{id}/addPassword", "POST /v1.0/applications/{id}/removePassword");
    }

    @Test
    void removingTheTenantWideConsentAndGrantingItAgainUseGraphsDeclaredRelationshipAndBody() throws Exception {
        entra.consentRemovable("AzureADMyOrg", "[\"https://www.contoso.com/\"]", "[]", "[]");
        SetupRequest request = SetupRequest.of(SetupRequest.Mode.REPAIR, config(PluginTarget.WPO365), 12);
        AppPlan plan = new AppPlanner(time).planRemoveConsent(graph(), request, MailboxScoping.RBAC_FOR_APPLICATIONS);
        SetupRun run = new SetupRun(graph(), plan, request);
        assertThat(run.apply(ApplyListener.NONE)).isTrue();
        assertThat(run.undo(ApplyListener.NONE)).isTrue();

        LoggedRequest removal = entra.graphRequests().stream().filter(r -> r.getMethod().getName().equals("DELETE"))
                .findFirst().orElseThrow();
        // DELETE /servicePrincipals/{resource}/appRoleAssignedTo/{id}: the relationship exists and holds assignments.
        String[] segments = removal.getUrl().split("/");
        assertThat(segments).hasSize(6);
        assertThat(csdl.memberType("graph.servicePrincipal", segments[4])).isEqualTo("Collection(graph.appRoleAssignment)");
        LoggedRequest regrant = entra.graphRequests().stream().filter(r -> r.getMethod().getName().equals("POST"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(regrant.getUrl()).endsWith("/appRoleAssignedTo");
        assertThat(violations(regrant)).isEmpty();
        assertThat(json.readTree(regrant.getBodyAsString()).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("principalId", "resourceId", "appRoleId");
    }

    @Test
    void theCheckerCatchesAMisspelledPropertyAWrongTypeAndAWrongParameter() throws Exception {
        assertThat(csdl.check("graph.application", json.readTree("{\"displayname\":\"x\"}"))).isNotEmpty();
        assertThat(csdl.check("graph.application", json.readTree("{\"web\":{\"redirectUris\":\"https://x/\"}}"))).isNotEmpty();
        assertThat(csdl.check("graph.appRoleAssignment", json.readTree("{\"appRoleId\":\"Mail.Send\"}"))).isNotEmpty();
        assertThat(csdl.checkAction("addPassword", "graph.application",
                json.readTree("{\"passwordCredential\":{\"endDateTime\":\"next year\"}}"))).isNotEmpty();
        assertThat(csdl.checkAction("removePassword", "graph.application", json.readTree("{\"id\":\"x\"}"))).isNotEmpty();
    }

    @Test
    void theDnsRecordsKeptInTheConfigHaveTheShapesGraphDeclares() throws Exception {
        JsonNode records = json.readTree("""
                [ { "@odata.type": "#microsoft.graph.domainDnsMxRecord", "isOptional": false, "label": "contoso.com",
                    "recordType": "Mx", "supportedService": "Email", "ttl": 3600,
                    "mailExchange": "contoso-com.mail.protection.outlook.com", "preference": 0 },
                  { "@odata.type": "#microsoft.graph.domainDnsTxtRecord", "isOptional": false, "label": "contoso.com",
                    "recordType": "Txt", "supportedService": "Email", "ttl": 3600,
                    "text": "v=spf1 include:spf.protection.outlook.com -all" },
                  { "@odata.type": "#microsoft.graph.domainDnsCnameRecord", "isOptional": false,
                    "label": "autodiscover.contoso.com", "recordType": "CName", "supportedService": "Email", "ttl": 3600,
                    "canonicalName": "autodiscover.outlook.com" } ]""");
        for (JsonNode record : records) {
            assertThat(csdl.check("graph.domainDnsRecord", record)).isEmpty();
        }
    }
}
