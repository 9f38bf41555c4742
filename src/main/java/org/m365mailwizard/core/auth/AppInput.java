// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.net.URI;
import java.time.LocalDate;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * The app-registration values as the user gave them (untrimmed), with what they are for.
 * {@link #toString()} never shows the secret.
 *
 * @param siteUrl the site's base URL, to compute the redirect URI the plugin sends; may be null
 * @param target the plugin; null when unknown
 * @param wordpressUrl the WordPress Address when it differs from the site URL (the Site Address), else null
 */
public record AppInput(String tenant, String clientId, String secret, LocalDate secretExpires, String redirectUri,
                       PluginTarget target, URI siteUrl, Grant grant, URI wordpressUrl) {

    /** For a site whose WordPress Address is its Site Address. */
    public AppInput(String tenant, String clientId, String secret, LocalDate secretExpires, String redirectUri,
                    PluginTarget target, URI siteUrl, Grant grant) {
        this(tenant, clientId, secret, secretExpires, redirectUri, target, siteUrl, grant, null);
    }

    public static AppInput of(MailConfig config) {
        return new AppInput(config.tenantId(), config.clientId(), config.clientSecret(), config.clientSecretExpires(),
                config.redirectUri(), config.target(), config.siteUrl(), config.effectiveGrant(), config.wordpressUrl());
    }

    @Override
    public String toString() {
        return "AppInput[tenant=" + tenant + ", clientId=" + clientId + ", secret="
                + (secret == null || secret.isEmpty() ? "(none)" : "(set)") + ", secretExpires=" + secretExpires
                + ", redirectUri=" + redirectUri + ", target=" + target + ", grant=" + grant + "]";
    }
}
