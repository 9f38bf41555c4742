// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.config.Endpoints;

/** Identifiers from Microsoft's references (app-creation-facts §1, §2, §4); never guessed. */
public final class AppSetupIds {

    /**
     * The default public client for the admin's sign-in: Microsoft Graph PowerShell / Graph CLI. Unlike
     * the Azure CLI app (first party, pre-authorized for a fixed set of Graph scopes: AADSTS650057
     * otherwise) it is consentable, so it accepts the dynamic scopes below; Graph PowerShell itself
     * signs in with it in the system browser on a {@code http://localhost} redirect and falls back to
     * device code (facts §1.1, §1.2; Entra ignores the port of a localhost redirect). A setting,
     * because a tenant may block it or prefer its own public client.
     */
    public static final String DEFAULT_SIGN_IN_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    /** Mail.Send as application permission; the tenant's Graph app roles are still read by value first. */
    public static final String MAIL_SEND_ROLE = "b633e1c5-b582-4048-a93e-9f11b44c7e96";
    public static final String MAIL_SEND_SCOPE = "e383f46e-2787-4529-855e-0e479a3ffac0";

    /** Role template ids as the token's {@code wids} claim carries them. */
    public static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    public static final String PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    public static final String APPLICATION_ADMINISTRATOR = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3";
    public static final String CLOUD_APPLICATION_ADMINISTRATOR = "158c047a-c907-4556-b7ef-446551a6b5f7";
    public static final String APPLICATION_DEVELOPER = "cf1c38e5-3621-4004-a7cb-879624dced7c";

    /** English role names, as Microsoft names them everywhere (never translated in its own portals). */
    public static final Map<String, String> ROLE_NAMES = Map.of(
            GLOBAL_ADMINISTRATOR, "Global Administrator",
            PRIVILEGED_ROLE_ADMINISTRATOR, "Privileged Role Administrator",
            APPLICATION_ADMINISTRATOR, "Application Administrator",
            CLOUD_APPLICATION_ADMINISTRATOR, "Cloud Application Administrator",
            APPLICATION_DEVELOPER, "Application Developer");

    /** Create, read, repair the app, its permission and secrets (facts §2.1). */
    public static final String APPLICATIONS = "Application.ReadWrite.All";
    /** Grant or remove the admin consent for Mail.Send (application). */
    public static final String APP_ROLE_ASSIGNMENTS = "AppRoleAssignment.ReadWrite.All";
    /** Read the domain and Microsoft's DNS records for it. */
    public static final String DOMAINS = "Domain.Read.All";

    /** Every delegated permission the setup may ask for; {@link SetupRequest#permissions()} picks those an action needs. */
    public static final List<String> SCOPES = List.of(APPLICATIONS, APP_ROLE_ASSIGNMENTS, DOMAINS);

    private AppSetupIds() {
    }

    /** Permissions as full scope URIs of the setup's Graph, so a national cloud's token is asked of its own Graph. */
    public static List<String> scopeUris(Endpoints endpoints, List<String> permissions) {
        return permissions.stream().map(s -> endpoints.graphRoot() + "/" + s).toList();
    }
}
