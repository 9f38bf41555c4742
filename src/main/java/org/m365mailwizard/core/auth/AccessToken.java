// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An access token and what it proves. {@link #toString()} never shows the token itself.
 *
 * @param value the bearer token; only ever sent in an Authorization header
 * @param expiresOn when it expires
 * @param roles application permissions ({@code roles} claim), for client-credentials tokens
 * @param scopes delegated permissions ({@code scp} claim), for signed-in users
 * @param tenantId the {@code tid} claim, when the token is a JWT
 * @param userPrincipal the signed-in user ({@code preferred_username} or {@code upn}), null for app tokens
 */
public record AccessToken(String value, Instant expiresOn, List<String> roles, List<String> scopes,
                          String tenantId, String userPrincipal) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        roles = List.copyOf(roles);
        scopes = List.copyOf(scopes);
    }

    /**
     * An access token with its claims read from the JWT payload (signature not verified, see
     * {@link JwtClaims}). An opaque token gives empty claims.
     */
    public static AccessToken fromJwt(String value, Instant expiresOn) {
        JwtClaims claims = JwtClaims.read(value).orElse(JwtClaims.none());
        return new AccessToken(value, expiresOn, claims.roles(), claims.scopes(), claims.tenantId(),
                claims.userPrincipal());
    }

    public boolean hasPermission(String permission) {
        return roles.stream().anyMatch(permission::equalsIgnoreCase)
                || scopes.stream().anyMatch(permission::equalsIgnoreCase);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresOn=" + expiresOn + ", roles=" + roles + ", scopes=" + scopes
                + ", tenantId=" + tenantId + ", user=" + userPrincipal + "]";
    }
}
