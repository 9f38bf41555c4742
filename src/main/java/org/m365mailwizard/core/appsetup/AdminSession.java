// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.util.Set;

/**
 * The signed-in admin: the delegated Graph token, its tenant and the directory roles it carries
 * ({@code wids}). {@link #toString()} never shows the token.
 *
 * @param rolesKnown false when the token named no roles (then granting may still work or be refused)
 */
public record AdminSession(String accessToken, String tenantId, String user, Set<String> roleIds, boolean rolesKnown) {

    public AdminSession {
        roleIds = Set.copyOf(roleIds);
    }

    /** Granting a Microsoft Graph application permission takes one of these two roles (facts §2.2). */
    public boolean canGrantGraphAppRoles() {
        return !rolesKnown || roleIds.contains(AppSetupIds.GLOBAL_ADMINISTRATOR)
                || roleIds.contains(AppSetupIds.PRIVILEGED_ROLE_ADMINISTRATOR);
    }

    @Override
    public String toString() {
        return "AdminSession[tenantId=" + tenantId + ", user=" + user + ", roles=" + roleIds + "]";
    }
}
