// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Microsoft clouds a tenant can live in, with the endpoints and DNS values Microsoft documents
 * for each (see m365-facts §1.1, §1.5, §4.5). GCC (not High) uses the worldwide values.
 */
public enum Cloud {
    GLOBAL("global", "https://login.microsoftonline.com", "https://graph.microsoft.com",
            "spf.protection.outlook.com", List.of("mail.protection.outlook.com", "mx.microsoft"),
            "autodiscover.outlook.com", "onmicrosoft.com", "https://entra.microsoft.com"),
    CHINA("china", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn",
            "spf.protection.partner.outlook.cn", List.of("mail.protection.partner.outlook.cn"),
            "autodiscover.partner.outlook.cn", "partner.onmschina.cn", "https://portal.azure.cn"),
    USGOV("usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us",
            "spf.protection.office365.us", List.of("mail.protection.office365.us"),
            "autodiscover.office365.us", "onmicrosoft.us", "https://portal.azure.us"),
    USGOV_DOD("usgov-dod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us",
            "spf.protection.office365.us", List.of("mail.protection.office365.us"),
            "autodiscover-dod.office365.us", "onmicrosoft.us", "https://portal.azure.us");

    private final String id;
    private final URI login;
    private final URI graph;
    private final String spfInclude;
    private final List<String> mxSuffixes;
    private final String autodiscoverTarget;
    private final String initialDomainSuffix;
    private final URI adminPortal;

    Cloud(String id, String login, String graph, String spfInclude, List<String> mxSuffixes,
          String autodiscoverTarget, String initialDomainSuffix, String adminPortal) {
        this.id = id;
        this.login = URI.create(login);
        this.graph = URI.create(graph);
        this.spfInclude = spfInclude;
        this.mxSuffixes = mxSuffixes;
        this.autodiscoverTarget = autodiscoverTarget;
        this.initialDomainSuffix = initialDomainSuffix;
        this.adminPortal = URI.create(adminPortal);
    }

    /** The identifier used on the command line and in the config file. */
    public String id() {
        return id;
    }

    /** Login authority host, without tenant or trailing slash. */
    public URI login() {
        return login;
    }

    /** Microsoft Graph root, without version or trailing slash. */
    public URI graph() {
        return graph;
    }

    /** The application-permission scope for this cloud's Graph, e.g. {@code https://graph.microsoft.com/.default}. */
    public String graphDefaultScope() {
        return graph + "/.default";
    }

    /** The domain Microsoft 365 senders of this cloud are authorised through in SPF. */
    public String spfInclude() {
        return spfInclude;
    }

    /** Host-name suffixes that Microsoft 365 MX records of this cloud end with. */
    public List<String> mxSuffixes() {
        return mxSuffixes;
    }

    public String autodiscoverTarget() {
        return autodiscoverTarget;
    }

    /** The suffix of the tenant's initial domain, e.g. {@code onmicrosoft.com}. */
    public String initialDomainSuffix() {
        return initialDomainSuffix;
    }

    /** The admin portal where app registrations live for this cloud. */
    public URI adminPortal() {
        return adminPortal;
    }

    /**
     * Whether Graph offers {@code attachment: createUploadSession} (files over 3 MB) here. Microsoft's
     * national-cloud table for that API marks US Government L4 and L5 (DoD) as not available, China and
     * the global service as available (learn.microsoft.com/ja-jp/graph/api/attachment-createuploadsession,
     * "この API は、次の国内クラウド展開で使用できます": ✅ ❌ ❌ ✅; export-review §3, E10).
     */
    public boolean attachmentUploadSessions() {
        return this != USGOV && this != USGOV_DOD;
    }

    public static Optional<Cloud> fromId(String id) {
        return EnumIds.byId(values(), Cloud::id, id);
    }
}
