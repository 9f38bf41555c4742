// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.net.URI;
import org.m365mailwizard.core.config.Cloud;

/**
 * Where each app-registration value lives in the admin portal of a cloud (Entra admin center for the
 * worldwide cloud, the Azure portal of the sovereign clouds). Deep links to the portal's blades: if
 * Microsoft moves a blade, the portal still opens and the help text names the path.
 */
public final class EntraLinks {

    private EntraLinks() {
    }

    /** The tenant overview, where "Tenant ID" and the primary domain are shown. */
    public static URI tenantOverview(Cloud cloud) {
        return URI.create(cloud.adminPortal() + "/#view/Microsoft_AAD_IAM/ActiveDirectoryMenuBlade/~/Overview");
    }

    /** The list of app registrations: client ID on each app's Overview, secrets under Certificates &amp; secrets. */
    public static URI appRegistrations(Cloud cloud) {
        return URI.create(cloud.adminPortal() + "/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade");
    }
}
