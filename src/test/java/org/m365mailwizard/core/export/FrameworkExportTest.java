// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The symfony and laravel exports read by the frameworks' own parsers, from Debian, run by real PHP:
 * Symfony's Dotenv and Mailer {@code Dsn::fromString()} (whose parse the Microsoft Graph bridge's factory
 * then interprets: host {@code default} = graph.microsoft.com with login.microsoftonline.com, any other host
 * with the option {@code authEndpoint}), and vlucas/phpdotenv, which Laravel loads {@code .env} with.
 */
class FrameworkExportTest {

    private final ExportService service = Setups.service();

    @TempDir
    Path dir;

    @BeforeAll
    static void phpIsInstalled() {
        Php.executable();
    }

    @Test
    void symfonyReadsTheDsnOfTheOfficialBridge() throws Exception {
        Map<String, Object> dsn = symfony(Setups.ordinary(), true);
        assertThat(dsn).containsEntry("scheme", "microsoftgraph+api").containsEntry("host", "default")
                .containsEntry("user", Setups.ordinary().clientId()).containsEntry("password", Setups.SECRET)
                .containsEntry("tenantId", Setups.ordinary().tenantId()).containsEntry("authEndpoint", null)
                .containsEntry("names", Map.of("#0", "MAILER_DSN"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "usgov, graph.microsoft.us, login.microsoftonline.us",
            "usgov-dod, dod-graph.microsoft.us, login.microsoftonline.us",
            "china, microsoftgraph.chinacloudapi.cn, login.chinacloudapi.cn"})
    void symfonyReachesEachNationalCloudThroughItsHostAndAuthEndpoint(String cloud, String graph, String login)
            throws Exception {
        MailConfig setup = Setups.ordinary().toBuilder().cloud(Cloud.fromId(cloud).orElseThrow()).build();
        assertThat(symfony(setup, true)).containsEntry("host", graph).containsEntry("authEndpoint", login);
    }

    @Test
    void withoutTheSecretSymfonyTakesItFromTheEnvironment() throws Exception {
        ExportedFile file = service.render(ExportTarget.SYMFONY, Setups.ordinary(), false, null);
        assertThat(file.content()).doesNotContain(Setups.SECRET).contains("${M365_CLIENT_SECRET}");
        Path path = dir.resolve("symfony.env");
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
        Map<String, Object> dsn = read("symfony", path, Map.of("M365_CLIENT_SECRET", Setups.SECRET));
        assertThat(dsn).containsEntry("password", Setups.SECRET);
    }

    @Test
    void laravelReadsEveryVariableTheTransportNeeds() throws Exception {
        MailConfig setup = Setups.ordinary();
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("MAIL_MAILER", "microsoft-graph");
        expected.put("MICROSOFT_GRAPH_TENANT_ID", setup.tenantId());
        expected.put("MICROSOFT_GRAPH_CLIENT_ID", setup.clientId());
        expected.put("MICROSOFT_GRAPH_CLIENT_SECRET", Setups.SECRET);
        expected.put("MAIL_FROM_ADDRESS", setup.sender());
        expected.put("MAIL_FROM_NAME", setup.senderName());
        assertThat(laravel(setup, true)).containsExactlyEntriesOf(expected);
        assertThat(laravel(setup, false)).doesNotContainKey("MICROSOFT_GRAPH_CLIENT_SECRET");
        assertThat(service.render(ExportTarget.LARAVEL, setup, false, null).content())
                .contains("composer require innoge/laravel-msgraph-mail", "'transport' => 'microsoft-graph',");
    }

    static List<String> payloads() {
        return Setups.HOSTILE;
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileValuesReachSymfonyExactly(String payload) throws Exception {
        MailConfig setup = Setups.hostile(payload);
        Map<String, Object> dsn = symfony(setup, true);
        assertThat(dsn).containsEntry("user", setup.clientId()).containsEntry("password", setup.clientSecret())
                .containsEntry("tenantId", setup.tenantId()).containsEntry("host", "default")
                .containsEntry("names", Map.of("#0", "MAILER_DSN"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileValuesReachLaravelExactlyOrAreRefusedByName(String payload) throws Exception {
        MailConfig setup = Setups.hostile(payload);
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> service.render(ExportTarget.LARAVEL, setup, true, null));
        boolean writable = !payload.contains("\n") && !payload.contains("\r") && !payload.contains("\0")
                && !(payload.contains("'") && payload.chars().anyMatch(c -> "\"$`\\".indexOf(c) >= 0));
        if (!writable) {
            assertThat(refused).isNotNull();
            assertThat(refused.problem().key()).isEqualTo("export.error.dotenvValue");
            assertThat(refused.exitCode()).isEqualTo(2);
            return;
        }
        assertThat(refused).isNull();
        assertThat(laravel(setup, true)).containsEntry("MICROSOFT_GRAPH_TENANT_ID", setup.tenantId())
                .containsEntry("MICROSOFT_GRAPH_CLIENT_ID", setup.clientId())
                .containsEntry("MICROSOFT_GRAPH_CLIENT_SECRET", setup.clientSecret())
                .containsEntry("MAIL_FROM_ADDRESS", setup.sender()).containsEntry("MAIL_FROM_NAME", setup.senderName())
                .hasSize(6);
    }

    private Map<String, Object> symfony(MailConfig setup, boolean secret) throws Exception {
        return read("symfony", write(ExportTarget.SYMFONY, setup, secret), Map.of());
    }

    private Map<String, Object> laravel(MailConfig setup, boolean secret) throws Exception {
        return read("laravel", write(ExportTarget.LARAVEL, setup, secret), Map.of());
    }

    private Path write(ExportTarget target, MailConfig setup, boolean secret) throws Exception {
        Path path = Files.createTempFile(dir, target.id(), ".env");
        Files.writeString(path, service.render(target, setup, secret, null).content(), StandardCharsets.UTF_8);
        return path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String mode, Path file, Map<String, String> environment) throws Exception {
        return (Map<String, Object>) Php.read(mode, file, environment);
    }
}
