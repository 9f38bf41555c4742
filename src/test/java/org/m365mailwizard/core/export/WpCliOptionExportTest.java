// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.config.MailConfig;
import org.opentest4j.AssertionFailedError;

/**
 * The option values handed to WP-CLI: FluentSMTP's connection (a command in the PHP header, run here by
 * a real shell against a stand-in {@code wp} that records its arguments) and Mail Integration 365's
 * option file. Both are decoded by PHP's {@code json_decode(…, true)}, as {@code --format=json} does.
 */
class WpCliOptionExportTest {

    private final ExportService service = Setups.service();

    @TempDir
    Path dir;

    @BeforeAll
    static void phpIsInstalled() {
        Php.executable();
    }

    static List<String> payloads() {
        return Setups.HOSTILE;
    }

    @Test
    void ordinaryFluentSmtpConnectionIsExactlyTheReferenceShape() throws Exception {
        MailConfig setup = Setups.ordinary();
        Php.Decoded decoded = runFluentCommand(setup);

        // md5("noreply@contoso.com") as PHP computes it.
        String key = "8a2499862a5db01de6838245bc8a1f8a";
        assertThat(decoded.md5OfMappingKeys()).containsExactly(key);
        assertThat(decoded.value()).isEqualTo(fluentSettings(setup, key));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileValuesSurviveTheShellAndJsonDecodeInTheFluentSmtpCommand(String payload) throws Exception {
        MailConfig setup = Setups.hostile(payload);
        Php.Decoded decoded = runFluentCommand(setup);

        // PHP computes md5(sender) itself: the connection key must be FluentSMTP's own.
        assertThat(decoded.md5OfMappingKeys()).hasSize(1);
        assertThat(decoded.value()).isEqualTo(fluentSettings(setup, decoded.md5OfMappingKeys().get(0)));
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileValuesRoundTripThroughTheMailIntegration365OptionFile(String payload) throws Exception {
        MailConfig setup = Setups.hostile(payload);
        Path file = dir.resolve("mi365.json");
        Files.writeString(file, service.render(ExportTarget.MAIL_INTEGRATION_365, setup, true, null).content());

        Map<String, Object> expected = new LinkedHashMap<>();
        String f = "mail_integration_365_plugin_ops_";
        expected.put(f + "client_id_field", setup.clientId());
        expected.put(f + "tenant_id_field", setup.tenantId());
        expected.put(f + "client_secret_field", setup.clientSecret());
        expected.put(f + "redirect_uri_field",
                "https://www.contoso.com/wp-admin/options-general.php?page=mail-integration-365-settings");
        expected.put(f + "send_as_email_field", setup.sender());
        assertThat(Php.decodeJson(file).value()).isEqualTo(expected);
    }

    @Test
    void mailIntegration365WithoutTheSecretLeavesItsFieldEmpty() throws Exception {
        ExportedFile file = service.render(ExportTarget.MAIL_INTEGRATION_365, Setups.ordinary(), false, null);
        Path path = dir.resolve("mi365.json");
        Files.writeString(path, file.content());

        assertThat(file.content()).doesNotContain(Setups.SECRET);
        assertThat(file.holdsSecret()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = (Map<String, Object>) Php.decodeJson(path).value();
        assertThat(decoded).containsEntry("mail_integration_365_plugin_ops_client_secret_field", "");
        assertThat(file.nextSteps()).extracting(m -> m.key())
                .contains("export.next.mailIntegration365", "export.next.mailIntegration365.secret");
    }

    @Test
    void theFluentSmtpConnectionNeverCarriesTheSecret() throws Exception {
        String content = service.render(ExportTarget.FLUENTSMTP, Setups.ordinary(), true, null).content();
        String command = command(content);
        assertThat(command).doesNotContain(Setups.SECRET).contains("\"key_store\":\"wp_config\"");
        assertThat(content).contains("define( 'FLUENTMAIL_OUTLOOK_CLIENT_SECRET', '" + Setups.SECRET + "' );");
    }

    @Test
    void phpMissingFromThePathFailsTheTestWithInstructions() {
        assertThatThrownBy(() -> Php.executable(dir.toString()))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("php-cli is not installed")
                .hasMessageContaining("apt-get install php-cli");
    }

    /** FluentSMTP's option as the reference gives it, with this setup's values. */
    private static Map<String, Object> fluentSettings(MailConfig c, String key) {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("provider", "outlook");
        provider.put("sender_name", c.senderName());
        provider.put("sender_email", c.sender());
        provider.put("force_from_name", "no");
        provider.put("return_path", "yes");
        provider.put("key_store", "wp_config");
        provider.put("client_id", "");
        provider.put("client_secret", "");
        provider.put("tenant_id", c.tenantId());
        provider.put("auth_token", "");
        provider.put("access_token", "");
        provider.put("refresh_token", "");
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("title", "Outlook or Office 365");
        connection.put("provider_settings", provider);
        Map<String, Object> misc = new LinkedHashMap<>();
        misc.put("default_connection", key);
        misc.put("log_emails", "yes");
        misc.put("log_saved_interval_days", "14");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("connections", Map.of(key, connection));
        root.put("mappings", Map.of(c.sender(), key));
        root.put("misc", misc);
        return root;
    }

    /**
     * Takes the command line from the PHP header, runs it with {@code sh -c} and a stand-in {@code wp}
     * on the PATH that writes its arguments NUL-separated, checks the arguments, and decodes the JSON.
     */
    private Php.Decoded runFluentCommand(MailConfig setup) throws Exception {
        String content = service.render(ExportTarget.FLUENTSMTP, setup, true, null).content();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path wp = bin.resolve("wp");
        Files.writeString(wp, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$WP_ARGS\"\n");
        Files.setPosixFilePermissions(wp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path args = dir.resolve("wp-args");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command(content)).directory(dir.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("WP_ARGS", args.toString());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isZero();

        List<String> argv = new ArrayList<>(List.of(Files.readString(args, StandardCharsets.UTF_8).split("\0", -1)));
        argv.remove(argv.size() - 1);
        assertThat(argv).hasSize(5);
        assertThat(argv.subList(0, 4)).containsExactly("option", "update", "fluentmail-settings", "--format=json");
        assertThat(argv.get(4).chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as("printable ASCII only").isTrue();
        Path json = dir.resolve("fluentmail-settings.json");
        Files.writeString(json, argv.get(4));
        return Php.decodeJson(json);
    }

    private static String command(String phpContent) {
        return phpContent.lines().filter(l -> l.startsWith(FluentSmtpExporter.WP_CLI_PREFIX)).reduce((a, b) -> {
            throw new AssertionError("more than one command line");
        }).orElseThrow();
    }
}
