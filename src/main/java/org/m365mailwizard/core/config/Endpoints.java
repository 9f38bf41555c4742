// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.net.URI;

/**
 * The API roots actually used: the cloud's defaults unless the config file overrides them
 * (sovereign deployments, or loopback stand-ins in tests). All are roots without trailing slash.
 *
 * @param cloudflare the Cloudflare API v4 root, {@code null} for {@link #CLOUDFLARE_DEFAULT}
 * @param azureManagement the Azure Resource Manager root, {@code null} for the cloud's
 */
public record Endpoints(URI login, URI graph, URI cloudflare, URI azureManagement) {

    public static final URI CLOUDFLARE_DEFAULT = URI.create("https://api.cloudflare.com/client/v4");

    /** Only the Microsoft identity and Graph roots; the DNS host APIs keep their defaults. */
    public Endpoints(URI login, URI graph) {
        this(login, graph, null, null);
    }

    public static Endpoints of(Cloud cloud) {
        return new Endpoints(cloud.login(), cloud.graph(), CLOUDFLARE_DEFAULT, azureManagementOf(cloud));
    }

    /** Azure Resource Manager per cloud (GCC High and DoD share the US Government one). */
    public static URI azureManagementOf(Cloud cloud) {
        return URI.create(switch (cloud) {
            case GLOBAL -> "https://management.azure.com";
            case CHINA -> "https://management.chinacloudapi.cn";
            case USGOV, USGOV_DOD -> "https://management.usgovcloudapi.net";
        });
    }

    /** These endpoints with every root left open filled in from {@code cloud}'s defaults. */
    public Endpoints withDefaults(Cloud cloud) {
        return new Endpoints(login == null ? cloud.login() : login, graph == null ? cloud.graph() : graph,
                cloudflare == null ? CLOUDFLARE_DEFAULT : cloudflare,
                azureManagement == null ? azureManagementOf(cloud) : azureManagement);
    }

    /** The application-permission scope for this Graph root, e.g. {@code https://graph.microsoft.com/.default}. */
    public String graphDefaultScope() {
        return strip(graph) + "/.default";
    }

    public String loginRoot() {
        return strip(login);
    }

    public String graphRoot() {
        return strip(graph);
    }

    public String cloudflareRoot() {
        return strip(cloudflare == null ? CLOUDFLARE_DEFAULT : cloudflare);
    }

    public String azureManagementRoot() {
        return strip(azureManagement == null ? azureManagementOf(Cloud.GLOBAL) : azureManagement);
    }

    private static String strip(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
