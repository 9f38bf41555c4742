// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the configuration is for: a WordPress mail plugin or another server. Each plugin sends its own
 * redirect URI and signs in its own way (peers-and-formats §d).
 */
public enum PluginTarget {
    WP_MAIL_SMTP("wp-mail-smtp", Grant.DELEGATED, true),
    // Not verified: Easy WP SMTP Pro's Outlook code is in no public mirror searched (only Lite's
    // src/Providers/Outlook/Options.php, which disables the mailer). Its Lite code base is WP Mail SMTP's, whose
    // Pro signs in at /common with admin_url() as redirect URI, so both are assumed, and the texts say "expected".
    EASY_WP_SMTP("easy-wp-smtp", Grant.DELEGATED, true),
    // Post SMTP's wizard builds its sign-in link on /common (Postman/Wizard/assets/js/wizard.js:539).
    POST_SMTP("post-smtp", Grant.DELEGATED, true),
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
     * True when the plugin builds its redirect URI on the Site Address ({@code home_url()}: FluentSMTP's
     * {@code rest_url()}, WPO365's default), false when on the WordPress Address ({@code admin_url()},
     * {@code get_site_url()}). The two differ when WordPress has its own directory.
     */
    public boolean usesSiteAddress() {
        return this == FLUENTSMTP || this == WPO365;
    }

    /**
     * The redirect URI this plugin sends for a single-address site (Site Address = WordPress Address).
     *
     * @param siteUrl the site's https base URL
     * @param plainPermalinks FluentSMTP only: the site uses plain permalinks, so REST routes go through index.php
     * @return the URI to register under the "Web" platform, or empty for {@link #OTHER}
     */
    public Optional<String> redirectUri(URI siteUrl, boolean plainPermalinks) {
        return redirectUri(siteUrl, siteUrl, plainPermalinks ? Permalinks.PLAIN : Permalinks.PRETTY);
    }

    /**
     * The redirect URI this plugin sends, computed exactly as the plugin does from the address it uses.
     *
     * @param siteUrl the Site Address (WordPress's {@code home}), path kept
     * @param wordpressUrl the WordPress Address ({@code siteurl}); {@code null} when it is the Site Address
     * @param permalinks FluentSMTP only: how WordPress writes REST URLs
     * @return the URI to register under the "Web" platform, or empty for {@link #OTHER}
     */
    public Optional<String> redirectUri(URI siteUrl, URI wordpressUrl, Permalinks permalinks) {
        URI address = usesSiteAddress() || wordpressUrl == null ? siteUrl : wordpressUrl;
        String base = address.toString();
        if (!base.endsWith("/")) {
            base = base + "/";
        }
        return switch (this) {
            case WP_MAIL_SMTP, EASY_WP_SMTP, POST_SMTP -> Optional.of(base + "wp-admin/");
            case FLUENTSMTP -> Optional.of(switch (permalinks) {
                case PRETTY -> base + "wp-json/fluent-smtp/outlook_callback";
                case PATHINFO -> base + "index.php/wp-json/fluent-smtp/outlook_callback";
                case PLAIN -> base + "index.php?rest_route=/fluent-smtp/outlook_callback";
            });
            case MAIL_INTEGRATION_365 ->
                    Optional.of(base + "wp-admin/options-general.php?page=mail-integration-365-settings");
            case WPO365 -> Optional.of(base);
            case OTHER -> Optional.empty();
        };
    }

    /** Every redirect URI the plugin may send for the site: FluentSMTP's in each permalink form, else one. */
    public Set<String> possibleRedirectUris(URI siteUrl, URI wordpressUrl) {
        Set<String> uris = new LinkedHashSet<>();
        for (Permalinks p : this == FLUENTSMTP ? Permalinks.values() : new Permalinks[] {Permalinks.PRETTY}) {
            redirectUri(siteUrl, wordpressUrl, p).ifPresent(uris::add);
        }
        return uris;
    }

    public static Optional<PluginTarget> fromId(String id) {
        return EnumIds.byId(values(), PluginTarget::id, id);
    }
}
