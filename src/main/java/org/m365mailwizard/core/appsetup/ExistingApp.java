// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The app registration as Graph returned it, with its service principal and Mail.Send assignment
 * when they exist. Repair findings and the undo of a PATCH are computed from it.
 *
 * @param spId the service principal's object id, or empty when there is none
 * @param assignmentId the Mail.Send app role assignment's id, or empty when consent is missing
 */
public record ExistingApp(String objectId, String appId, String displayName, String audience,
                          List<String> webRedirectUris, JsonNode requiredResourceAccess, List<Secret> secrets,
                          String spId, String assignmentId) {

    /** A password credential: no text, only when it ends (Graph never returns the text again). */
    public record Secret(String keyId, String displayName, Instant endDateTime) {
    }

    public ExistingApp {
        webRedirectUris = List.copyOf(webRedirectUris);
        secrets = List.copyOf(secrets);
        spId = spId == null ? "" : spId;
        assignmentId = assignmentId == null ? "" : assignmentId;
    }

    static ExistingApp of(JsonNode app, String spId, String assignmentId) {
        List<String> uris = new ArrayList<>();
        app.path("web").path("redirectUris").forEach(u -> uris.add(u.asText()));
        List<Secret> secrets = new ArrayList<>();
        for (JsonNode p : app.path("passwordCredentials")) {
            Instant end = p.hasNonNull("endDateTime") ? Instant.parse(p.get("endDateTime").asText()) : Instant.MAX;
            secrets.add(new Secret(p.path("keyId").asText(""), p.path("displayName").asText(""), end));
        }
        return new ExistingApp(app.path("id").asText(""), app.path("appId").asText(""),
                app.path("displayName").asText(""), app.path("signInAudience").asText(""), uris,
                app.path("requiredResourceAccess").deepCopy(), secrets, spId, assignmentId);
    }

    /** True when the app declares Mail.Send of Microsoft Graph with this type ({@code Role} or {@code Scope}). */
    boolean declares(String permissionId, String type) {
        for (JsonNode resource : requiredResourceAccess) {
            if (AppSetupIds.GRAPH_APP_ID.equals(resource.path("resourceAppId").asText())) {
                for (JsonNode access : resource.path("resourceAccess")) {
                    if (permissionId.equals(access.path("id").asText()) && type.equals(access.path("type").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
