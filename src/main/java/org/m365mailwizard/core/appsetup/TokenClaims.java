// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the admin's tenant, name and directory roles ({@code wids}) from the delegated token. Read
 * only to explain and plan (which role is missing), never to decide access: Graph decides that, and
 * a refusal is reported in words either way.
 */
final class TokenClaims {

    private TokenClaims() {
    }

    static AdminSession session(String token, ObjectMapper json) {
        JsonNode payload = payload(token, json);
        Set<String> roles = new HashSet<>();
        JsonNode wids = payload.get("wids");
        if (wids != null && wids.isArray()) {
            wids.forEach(w -> roles.add(w.asText()));
        }
        String user = payload.path("upn").asText(payload.path("preferred_username").asText(payload.path("unique_name").asText("")));
        return new AdminSession(token, payload.path("tid").asText(""), user, roles, wids != null && wids.isArray());
    }

    private static JsonNode payload(String token, ObjectMapper json) {
        String[] parts = token.split("\\.", -1);
        if (parts.length == 3) {
            try {
                JsonNode node = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (IllegalArgumentException | IOException e) {
                // Opaque tokens exist; then nothing is known about the roles.
            }
        }
        return json.createObjectNode();
    }
}
