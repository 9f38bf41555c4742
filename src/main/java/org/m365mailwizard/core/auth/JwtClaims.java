// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the claims of an access token to explain it (which permissions it carries, for which tenant).
 * The signature is deliberately not verified: the token came straight from the token endpoint over
 * TLS to the configured login host, it is only read to tell the user what Microsoft granted and never
 * to decide access, and Microsoft Graph tokens are not meant to be validated by clients at all (their
 * header carries a nonce that makes the signature check fail outside Graph).
 *
 * @param roles the {@code roles} claim (application permissions)
 * @param scopes the {@code scp} claim split at spaces (delegated permissions)
 * @param tenantId the {@code tid} claim, or null
 * @param userPrincipal {@code preferred_username}, else {@code upn}, else {@code unique_name}; null for app tokens
 */
public record JwtClaims(List<String> roles, List<String> scopes, String tenantId, String userPrincipal) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JwtClaims {
        roles = List.copyOf(roles);
        scopes = List.copyOf(scopes);
    }

    public static JwtClaims none() {
        return new JwtClaims(List.of(), List.of(), null, null);
    }

    /** The claims of a JWT, or empty when the token is not a readable JWT (opaque tokens exist). */
    public static Optional<JwtClaims> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        JsonNode payload;
        try {
            payload = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        List<String> roles = new ArrayList<>();
        JsonNode rolesNode = payload.get("roles");
        if (rolesNode != null && rolesNode.isArray()) {
            rolesNode.forEach(r -> roles.add(r.asText()));
        }
        List<String> scopes = new ArrayList<>();
        JsonNode scp = payload.get("scp");
        if (scp != null && scp.isTextual() && !scp.asText().isBlank()) {
            scopes.addAll(List.of(scp.asText().strip().split("\\s+")));
        }
        return Optional.of(new JwtClaims(roles, scopes, text(payload, "tid"),
                firstText(payload, "preferred_username", "upn", "unique_name")));
    }

    private static String firstText(JsonNode payload, String... names) {
        for (String name : names) {
            String v = text(payload, name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode payload, String name) {
        JsonNode n = payload.get(name);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
