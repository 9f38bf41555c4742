// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.m365mailwizard.core.config.Cloud;

/**
 * Microsoft's documentation for each step, per cloud. The sovereign clouds get the page that names
 * their own portals and endpoints where Microsoft has one; learn.microsoft.com picks the reader's
 * language itself, so the links carry no locale.
 */
final class HelpLinks {

    private static final String LEARN = "https://learn.microsoft.com/";

    private static final Map<String, String> WORLDWIDE = Map.of(
            "domain", "microsoft-365/admin/setup/add-domain",
            "app", "entra/identity-platform/quickstart-register-app",
            "consent", "entra/identity-platform/v2-admin-consent",
            "dns", "microsoft-365/enterprise/external-domain-name-system-records",
            "mail", "graph/api/user-sendmail",
            "export", "graph/auth-limit-mailbox-access");

    private static final Map<String, String> CHINA = Map.of(
            "domain", "microsoft-365/admin/services-in-china/services-in-china",
            "app", "entra/identity-platform/authentication-national-cloud",
            "consent", "entra/identity-platform/authentication-national-cloud",
            "dns", "microsoft-365/admin/services-in-china/services-in-china",
            "mail", "graph/deployments");

    private static final Map<String, String> US_GOVERNMENT = Map.of(
            "domain", "office365/servicedescriptions/office-365-platform-service-description/office-365-us-government/gcc-high-and-dod",
            "app", "entra/identity-platform/authentication-national-cloud",
            "consent", "entra/identity-platform/authentication-national-cloud",
            "dns", "microsoft-365/enterprise/dns-records-for-office-365-gcc-high",
            "mail", "graph/deployments");

    private HelpLinks() {
    }

    /** The page for a step in a cloud; a step without a cloud-specific page gets the worldwide one. */
    static Optional<URI> forStep(String stepId, Cloud cloud) {
        Map<String, String> pages = switch (cloud == null ? Cloud.GLOBAL : cloud) {
            case GLOBAL -> WORLDWIDE;
            case CHINA -> CHINA;
            case USGOV, USGOV_DOD -> US_GOVERNMENT;
        };
        String page = pages.getOrDefault(stepId, WORLDWIDE.get(stepId));
        return Optional.ofNullable(page).map(p -> URI.create(LEARN + p));
    }
}
