// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Redirect URIs on a "WordPress in its own directory" install: Site Address https://www.contoso.com,
 * WordPress Address https://www.contoso.com/wp. WordPress's admin_url() and get_site_url() build on the
 * WordPress Address, get_rest_url() and WPO365's default on the Site Address (export-review §2, E6).
 */
class PluginTargetTest {

    private static final URI HOME = URI.create("https://www.contoso.com");
    private static final URI WP = URI.create("https://www.contoso.com/wp");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wp-mail-smtp, https://www.contoso.com/wp/wp-admin/",
            "easy-wp-smtp, https://www.contoso.com/wp/wp-admin/",
            "post-smtp, https://www.contoso.com/wp/wp-admin/",
            "mail-integration-365, https://www.contoso.com/wp/wp-admin/options-general.php?page=mail-integration-365-settings",
            "fluentsmtp, https://www.contoso.com/wp-json/fluent-smtp/outlook_callback",
            "wpo365, https://www.contoso.com/"})
    void eachPluginUsesTheAddressItsOwnCodeUses(String id, String expected) {
        PluginTarget plugin = PluginTarget.fromId(id).orElseThrow();
        assertThat(plugin.redirectUri(HOME, WP, Permalinks.PRETTY)).contains(expected);
    }

    @Test
    void withoutAWordPressAddressEveryPluginUsesTheSiteUrl() {
        assertThat(PluginTarget.WP_MAIL_SMTP.redirectUri(HOME, null, Permalinks.PRETTY))
                .contains("https://www.contoso.com/wp-admin/");
        assertThat(PluginTarget.WP_MAIL_SMTP.redirectUri(HOME, false)).contains("https://www.contoso.com/wp-admin/");
    }

    @Test
    void fluentSmtpInEachPermalinkForm() {
        assertThat(PluginTarget.FLUENTSMTP.possibleRedirectUris(HOME, WP)).containsExactly(
                "https://www.contoso.com/wp-json/fluent-smtp/outlook_callback",
                "https://www.contoso.com/index.php/wp-json/fluent-smtp/outlook_callback",
                "https://www.contoso.com/index.php?rest_route=/fluent-smtp/outlook_callback");
        assertThat(PluginTarget.WP_MAIL_SMTP.possibleRedirectUris(HOME, WP))
                .containsExactly("https://www.contoso.com/wp/wp-admin/");
    }

    @Test
    void postSmtpSignsInThroughCommonLikeWpMailSmtp() {
        // Postman/Wizard/assets/js/wizard.js:539 (Post SMTP 3.x): login.microsoftonline.com/common/oauth2/v2.0/authorize
        assertThat(PluginTarget.POST_SMTP.signsInThroughCommon()).isTrue();
        assertThat(PluginTarget.FLUENTSMTP.signsInThroughCommon()).isFalse();
    }
}
