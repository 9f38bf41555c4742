// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.net.URI;
import java.util.Optional;

/**
 * What the configuration is for: a WordPress mail plugin or another server. Each plugin sends its own
 * redirect URI and signs in its own way (peers-and-formats §d).
 */
public enum PluginTarget {
    WP_MAIL_SMTP("wp-mail-smtp", Grant.DELEGATED, true),
    EASY_WP_SMTP("easy-wp-smtp", Grant.DELEGATED, true),
    POST_SMTP("post-smtp", Grant.DELEGATED, false),
    FLUENTSMTP("fluentsmtp", Grant.DELEGATED, false),
    WPO365("wpo365", Grant.APPLICATION, false),
    MAIL_INTEGRATION_365("mail-integration-365", Grant.DELEGATED, false),
    OTHER("other", Grant.APPLICATION, false);

    private final String id;
    private final Grant defaultGrant;
    private final boolean signsInThroughCommon;

    PluginTarget(String id, Grant defaultGrant, boolean signsInThroughCommon) {
        this.id = id;
        this.defaultGrant = defaultGrant;
        this.signsInThroughCommon = signsInThroughCommon;
    }

    public String id() {
        return id;
    }

    public Grant defaultGrant() {
        return defaultGrant;
    }

    /** True when the plugin's authority is hard-coded to {@code /common}: the app must then be multi-tenant. */
    public boolean signsInThroughCommon() {
        return signsInThroughCommon;
    }

    public boolean isWordPress() {
        return this != OTHER;
    }

    /**
     * The redirect URI this plugin sends, computed from the site's base URL exactly as the plugin does.
     *
     * @param siteUrl the site's https base URL (path kept, e.g. a WordPress in a sub-folder)
     * @param plainPermalinks FluentSMTP only: the site uses plain permalinks, so REST routes go through index.php
     * @return the URI to register under the "Web" platform, or empty for {@link #OTHER}
     */
    public Optional<String> redirectUri(URI siteUrl, boolean plainPermalinks) {
        String base = siteUrl.toString();
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        return switch (this) {
            case WP_MAIL_SMTP, EASY_WP_SMTP, POST_SMTP -> Optional.of(base + "wp-admin/");
            case FLUENTSMTP -> Optional.of(plainPermalinks
                    ? base + "index.php?rest_route=/fluent-smtp/outlook_callback"
                    : base + "wp-json/fluent-smtp/outlook_callback");
            case MAIL_INTEGRATION_365 ->
                    Optional.of(base + "wp-admin/options-general.php?page=mail-integration-365-settings");
            case WPO365 -> Optional.of(base);
            case OTHER -> Optional.empty();
        };
    }

    public static Optional<PluginTarget> fromId(String id) {
        return EnumIds.byId(values(), PluginTarget::id, id);
    }
}
