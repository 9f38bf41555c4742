// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.auth.AccessToken;

/**
 * What a delegated sign-in proves. The access token's own claims come first ({@code scp},
 * {@code preferred_username}/{@code upn}, {@code tid}: what Graph will see); where the token is not a
 * readable JWT, MSAL's result fills in: the token response's {@code scope}, the ID token's user, and
 * the tenant of the home account. Scope URIs are reduced to the permission name.
 */
final class DelegatedTokens {

    private DelegatedTokens() {
    }

    static AccessToken from(IAuthenticationResult result) {
        Instant expires = result.expiresOnDate() == null ? null : result.expiresOnDate().toInstant();
        AccessToken claims = AccessToken.fromJwt(result.accessToken(), expires);
        List<String> scopes = claims.scopes().isEmpty() ? responseScopes(result) : claims.scopes();
        String user = claims.userPrincipal() != null ? claims.userPrincipal()
                : result.account() == null ? null : result.account().username();
        String tenant = claims.tenantId() != null ? claims.tenantId() : homeTenant(result);
        return new AccessToken(result.accessToken(), expires, List.of(),
                scopes.stream().map(DelegatedTokens::permissionName).toList(), tenant, user);
    }

    private static List<String> responseScopes(IAuthenticationResult result) {
        List<String> scopes = new ArrayList<>();
        if (result.scopes() != null) {
            for (String scope : result.scopes().trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
        return scopes;
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
