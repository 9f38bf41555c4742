// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.util.List;

/**
 * Exchange Online RBAC for Applications (facts §6.1): limits the app's Mail.Send to the sender's
 * mailbox. These are commands for the admin to run in Exchange Online PowerShell (no Graph v1.0 API
 * does it), so they are code, not words, and the same in every language. The grant they make adds to
 * the tenant-wide Entra consent, so that consent must go afterwards (a separate, confirmed change).
 */
public final class LeastPrivilege {

    private LeastPrivilege() {
    }

    /**
     * @param appId the app's client ID
     * @param servicePrincipalId the enterprise application's object id (not the app registration's)
     * @param sender the mailbox the site sends as
     */
    public static List<String> commands(String appId, String servicePrincipalId, String displayName, String sender) {
        String scope = "Website mail - " + sender;
        return List.of(
                "Connect-ExchangeOnline",
                "New-ServicePrincipal -AppId " + appId + " -ObjectId " + servicePrincipalId
                        + " -DisplayName " + quote(displayName),
                "New-ManagementScope -Name " + quote(scope) + " -RecipientRestrictionFilter "
                        + quote("PrimarySmtpAddress -eq '" + sender.replace("'", "''") + "'"),
                "New-ManagementRoleAssignment -App " + servicePrincipalId + " -Role \"Application Mail.Send\""
                        + " -CustomResourceScope " + quote(scope));
    }

    /** Bypasses Exchange's permission cache (30 minutes to 2 hours), so it shows the effect at once. */
    public static String verification(String servicePrincipalId, String sender) {
        return "Test-ServicePrincipalAuthorization -Identity " + servicePrincipalId + " -Resource " + sender;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "`\"") + "\"";
    }
}
