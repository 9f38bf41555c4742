// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PluginTarget;

/**
 * The value each WordPress plugin would read from its export, by real PHP: the file is required (or run
 * as WP-CLI would) with stand-ins for the WordPress functions, then read as the plugin's own code reads it
 * ({@code readers.php}, with the plugin's file and line for each step).
 */
class PluginReadsExportTest {

    private final ExportService service = Setups.service();

    @TempDir
    Path dir;

    @BeforeAll
    static void phpIsInstalled() {
        Php.executable();
    }

    @Test
    void wpo365ReadsTheConstantOnlyWithAPremiumAddOn() throws Exception {
        Path file = write(ExportTarget.WPO365, Setups.ordinary(), true);

        assertThat(wpo365(file, "0", "single", 1, 1)).containsEntry("source", "(the settings page only)");
        Map<String, Object> read = wpo365(file, "1", "single", 1, 1);
        assertThat(read).containsEntry("source", "WPO_AAD_1")
                .containsEntry("mail_tenant_id", Setups.ordinary().tenantId())
                .containsEntry("mail_application_id", Setups.ordinary().clientId())
                .containsEntry("mail_application_secret", Setups.SECRET)
                .containsEntry("mail_redirect_url", "https://www.contoso.com/")
                .containsEntry("mail_tld", "(from the settings page)");
        String content = Setups.unwrapped(Files.readString(file));
        assertThat(content).contains("only while a premium WPO365 add-on", "Obfuscate AAD options",
                        "open WPO365 > Mail in WordPress and enter these values", "Tenant ID: 72f988bf-")
                .doesNotContain("turn on \"Use WP-Config for AAD secrets\"");
    }

    @Test
    void onAMultisiteNetworkWpo365ReadsTheMainSitesConstantUnlessSubSitesKeepTheirOwn() throws Exception {
        Path file = write(ExportTarget.WPO365, Setups.ordinary(), false);
        // Sub-site 3 of a network whose main site is 1: the default (shared) mode reads WPO_AAD_1.
        assertThat(wpo365(file, "1", "shared", 3, 1)).containsEntry("source", "WPO_AAD_1");
        assertThat(wpo365(file, "1", "subsite", 3, 1)).containsEntry("source", "(the settings page only)");
        assertThat(Setups.unwrapped(Files.readString(file))).contains("that is the main site (usually 1) in WPO365's default mode");
    }

    @Test
    void wpo365ReadsTheDefaultIdentityProviderOfWpoIdpsFirst() throws Exception {
        Path idps = write(ExportTarget.WPO365_IDPS, Setups.ordinary(), true);
        Path both = dir.resolve("both.php");
        // Both constants in one wp-config: WPO_IDPS_1 wins.
        String aad = Files.readString(write(ExportTarget.WPO365, Setups.ordinary().toBuilder().clientId("other").build(), true));
        Files.writeString(both, Files.readString(idps) + aad.substring("<?php\n".length()), StandardCharsets.UTF_8);

        Map<String, Object> read = wpo365(both, "1", "single", 1, 1);
        assertThat(read).containsEntry("source", "WPO_IDPS_1")
                .containsEntry("mail_application_id", Setups.ordinary().clientId())
                .containsEntry("mail_application_secret", Setups.SECRET);
    }

    @Test
    void forUsGovernmentWpo365GetsTheUsTopLevelDomain() throws Exception {
        MailConfig usgov = Setups.ordinary().toBuilder().cloud(Cloud.USGOV).build();
        for (ExportTarget target : List.of(ExportTarget.WPO365, ExportTarget.WPO365_IDPS)) {
            Path file = write(target, usgov, false);
            // Wp_Config_Service.php:187-190 turns on GCC mode for ".us"; Mailer.php:576-583 builds graph.microsoft.us.
            assertThat(wpo365(file, "1", "single", 1, 1)).as(target.id()).containsEntry("mail_tld", ".us");
        }
        assertThat(wpo365(write(ExportTarget.WPO365, Setups.ordinary(), false), "1", "single", 1, 1))
                .containsEntry("mail_tld", "(from the settings page)");
    }

    @Test
    void wpo365UsesTheSiteAddressAndMailIntegration365TheWordPressAddress() throws Exception {
        MailConfig ownDirectory = Setups.ordinary().toBuilder().wordpressUrl(URI.create("https://www.contoso.com/wp")).build();
        assertThat(wpo365(write(ExportTarget.WPO365, ownDirectory, false), "1", "single", 1, 1))
                .containsEntry("mail_redirect_url", "https://www.contoso.com/");
        assertThat(service.render(ExportTarget.MAIL_INTEGRATION_365, ownDirectory, false, null).content())
                .contains("https://www.contoso.com/wp/wp-admin/options-general.php?page=mail-integration-365-settings");
        // A setup made for the plugin keeps the URI that was registered.
        MailConfig forWpo = ownDirectory.toBuilder().target(PluginTarget.WPO365).redirectUri("https://www.contoso.com/").build();
        assertThat(wpo365(write(ExportTarget.WPO365, forWpo, false), "1", "single", 1, 1))
                .containsEntry("mail_redirect_url", "https://www.contoso.com/");
    }

    @Test
    void postSmtpStoresTheValuesItDecodesAndKeepsItsOtherSettings() throws Exception {
        Path file = write(ExportTarget.POST_SMTP, Setups.ordinary(), true);

        Map<String, Object> read = postSmtp(file, "1");
        assertThat(read).containsEntry("clientId", Setups.ordinary().clientId()).containsEntry("secret", Setups.SECRET)
                .containsEntry("printed", "");
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) read.get("stored");
        assertThat(stored).containsEntry("transport_type", "office365_api")
                .containsEntry("hostname", "smtp.example.com")
                .containsEntry("sender_email", "noreply@contoso.com")
                .containsEntry("envelope_sender", "noreply@contoso.com")
                .containsEntry("sender_name", "Contoso Web");
    }

    @Test
    void postSmtpScriptDoesNothingOutsideWpCliAndLeavesTheSecretOutWhenAsked() throws Exception {
        Path file = write(ExportTarget.POST_SMTP, Setups.ordinary(), false);
        assertThat(postSmtp(file, "0")).containsEntry("clientId", null);
        Map<String, Object> read = postSmtp(file, "1");
        assertThat(read).containsEntry("clientId", Setups.ordinary().clientId()).containsEntry("secret", null);
        assertThat(Setups.unwrapped(Files.readString(file))).doesNotContain(Setups.SECRET)
                .contains("wp eval-file post-smtp-m365.php", "signs in through login.microsoftonline.com/common");
    }

    static List<String> payloads() {
        return Setups.HOSTILE;
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileValuesReachPostSmtpExactlyAndRunNothing(String payload) throws Exception {
        MailConfig setup = Setups.hostile(payload);
        Path file = write(ExportTarget.POST_SMTP, setup, true);
        Php.lint(file);

        Map<String, Object> read = postSmtp(file, "1");
        assertThat(read).containsEntry("clientId", setup.clientId()).containsEntry("secret", setup.clientSecret())
                .containsEntry("printed", "");
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) read.get("stored");
        assertThat(stored).containsEntry("sender_email", setup.sender()).containsEntry("sender_name", setup.senderName());
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void fluentSmtpConnectsOnlyWithTheSecretConstant() throws Exception {
        assertThat(fluent(write(ExportTarget.FLUENTSMTP, Setups.ordinary(), true)))
                .containsEntry("client_secret", Setups.SECRET);
        assertThat(fluent(write(ExportTarget.FLUENTSMTP, Setups.ordinary(), false)))
                .containsKey("error");
        assertThat(Setups.unwrapped(service.render(ExportTarget.FLUENTSMTP, Setups.ordinary(), false, null).content()))
                .contains("FluentSMTP 2.3.1 or newer", "Older versions have no tenant setting");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wpo365(Path file, String premium, String mode, int blog, int main) throws Exception {
        return (Map<String, Object>) Php.read("wpo365", file, premium, mode, String.valueOf(blog), String.valueOf(main));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> postSmtp(Path file, String wpCli) throws Exception {
        return (Map<String, Object>) Php.read("post-smtp", file, wpCli);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fluent(Path file) throws Exception {
        return (Map<String, Object>) Php.read("fluentsmtp", file);
    }

    private Path write(ExportTarget target, MailConfig setup, boolean includeSecret) throws Exception {
        ExportedFile file = service.render(target, setup, includeSecret, null);
        Path path = Files.createTempFile(dir, target.id(), ".php");
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
        // The file name quoted in the instructions is the default one.
        return path;
    }

}
