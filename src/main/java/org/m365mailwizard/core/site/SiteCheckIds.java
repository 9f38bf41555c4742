// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.site;

/** The ids of the site's findings, in {@code check-app}'s output and the wizard's first step. */
public final class SiteCheckIds {

    /** The site answers over HTTPS with a certificate valid for its name, trusted, not about to expire. */
    public static final String HTTPS = "site-https";
    /** The URL the plugin sends Microsoft's answer to exists on the site. */
    public static final String CALLBACK = "site-callback";

    private SiteCheckIds() {
    }
}
