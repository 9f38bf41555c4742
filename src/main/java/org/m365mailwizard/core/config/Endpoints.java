// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.net.URI;

/**
 * The login and Graph roots actually used: the cloud's defaults unless the config file overrides them
 * (sovereign deployments, or loopback stand-ins in tests). Both are roots without trailing slash.
 */
public record Endpoints(URI login, URI graph) {

    public static Endpoints of(Cloud cloud) {
        return new Endpoints(cloud.login(), cloud.graph());
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

    private static String strip(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
