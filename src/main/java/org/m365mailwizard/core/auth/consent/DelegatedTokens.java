// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.auth.AccessToken;

/**
 * What a delegated sign-in proves, from MSAL's result: the granted scopes (the token response's
 * {@code scope}, the same list as the access token's {@code scp}) and the signed-in user and tenant
 * (from the ID token, which MSAL has read). Scope URIs are reduced to the permission name.
 */
final class DelegatedTokens {

    private DelegatedTokens() {
    }

    static AccessToken from(IAuthenticationResult result) {
        List<String> scopes = new ArrayList<>();
        if (result.scopes() != null) {
            for (String scope : result.scopes().trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    scopes.add(permissionName(scope));
                }
            }
        }
        String user = result.account() == null ? null : result.account().username();
        Map<String, ?> claims = result.tenantProfile() == null ? Map.of() : result.tenantProfile().getClaims();
        Object tid = claims == null ? null : claims.get("tid");
        String tenant = tid != null ? tid.toString() : homeTenant(result);
        Instant expires = result.expiresOnDate() == null ? null : result.expiresOnDate().toInstant();
        return new AccessToken(result.accessToken(), expires, List.of(), scopes, tenant, user);
    }

    /** The home account ID is {@code <object id>.<tenant id>} (from client_info). */
    private static String homeTenant(IAuthenticationResult result) {
        String home = result.account() == null ? null : result.account().homeAccountId();
        int dot = home == null ? -1 : home.indexOf('.');
        return dot < 0 ? null : home.substring(dot + 1);
    }

    /** {@code https://graph.microsoft.com/Mail.Send} and {@code Mail.Send} both give {@code Mail.Send}. */
    static String permissionName(String scope) {
        int slash = scope.lastIndexOf('/');
        return scope.contains("://") && slash >= 0 ? scope.substring(slash + 1) : scope;
    }
}
