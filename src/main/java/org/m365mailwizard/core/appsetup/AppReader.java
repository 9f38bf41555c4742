// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.m365mailwizard.core.check.ProblemException;

/** Reads an app registration, its service principal and its Mail.Send assignment through their documented keys. */
final class AppReader {

    private AppReader() {
    }

    static ExistingApp read(EntraGraph graph, String appId) throws ProblemException, InterruptedException {
        JsonNode app;
        try {
            app = graph.get("read application", "/applications(appId='" + key(appId) + "')"
                    + "?$select=id,appId,displayName,signInAudience,web,requiredResourceAccess,passwordCredentials",
                    EntraGraph.Fresh.NO);
        } catch (GraphRefusedException e) {
            if (e.error().status() == 404) {
                throw ProblemException.invalidInput("appsetup.repair.appNotFound", appId);
            }
            throw e;
        }
        String spId = servicePrincipalId(graph, appId, EntraGraph.Fresh.NO);
        String assignmentId = "";
        if (!spId.isEmpty()) {
            GraphMailSend mailSend = GraphMailSend.read(graph);
            for (JsonNode a : graph.get("read app role assignments",
                    "/servicePrincipals/" + key(spId) + "/appRoleAssignments", EntraGraph.Fresh.NO).path("value")) {
                if (mailSend.servicePrincipalId().equals(a.path("resourceId").asText())
                        && mailSend.appRoleId().equals(a.path("appRoleId").asText())) {
                    assignmentId = a.path("id").asText();
                }
            }
        }
        return ExistingApp.of(app, spId, assignmentId);
    }

    /** The service principal's object id, or empty when the app has none in this tenant. */
    static String servicePrincipalId(EntraGraph graph, String appId, EntraGraph.Fresh fresh)
            throws ProblemException, InterruptedException {
        try {
            return graph.get("read service principal", "/servicePrincipals(appId='" + key(appId) + "')?$select=id,appId",
                    fresh).path("id").asText("");
        } catch (GraphRefusedException e) {
            if (e.error().status() == 404) {
                return "";
            }
            throw e;
        }
    }

    static String key(String value) {
        return URLEncoder.encode(value.replace("'", "''"), StandardCharsets.UTF_8);
    }

    /** Microsoft Graph's service principal in this tenant and the id of its Mail.Send app role, read by value. */
    record GraphMailSend(String servicePrincipalId, String appRoleId) {

        static GraphMailSend read(EntraGraph graph) throws ProblemException, InterruptedException {
            JsonNode sp = graph.get("read Microsoft Graph service principal",
                    "/servicePrincipals(appId='" + AppSetupIds.GRAPH_APP_ID + "')?$select=id,appId,appRoles",
                    EntraGraph.Fresh.NO);
            String roleId = AppSetupIds.MAIL_SEND_ROLE;
            for (JsonNode role : sp.path("appRoles")) {
                if ("Mail.Send".equals(role.path("value").asText())) {
                    roleId = role.path("id").asText(roleId);
                }
            }
            return new GraphMailSend(sp.path("id").asText(""), roleId);
        }
    }
}
