// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;

class ConfigFileTest {

    private static final String SECRET = "abc8Q~Zx0-secret-value.with~chars_1234567";
    private final ConfigFile configFile = new ConfigFile();

    @TempDir
    Path dir;

    private static MailConfig full() {
        return MailConfig.builder()
                .cloud(Cloud.CHINA)
                .endpointOverride(new Endpoints(URI.create("https://localhost:8443"), URI.create("https://localhost:9443")))
                .tenantId("11111111-2222-3333-4444-555555555555")
                .tenantDomain("contoso.partner.onmschina.cn")
                .clientId("66666666-7777-8888-9999-000000000000")
                .clientSecretExpires(LocalDate.of(2027, 5, 31))
                .redirectUri("https://www.contoso.cn/wp-admin/")
                .domain("contoso.cn")
                .sender("noreply@contoso.cn")
                .senderName("Contoso 网站 \"quoted\"")
                .siteUrl(URI.create("https://www.contoso.cn"))
                .wordpressUrl(URI.create("https://www.contoso.cn/wordpress"))
                .grant(Grant.DELEGATED)
                .target(PluginTarget.FLUENTSMTP)
                .build();
    }

    @Test
    void theWordPressAddressIsOptionalAndDefaultsToTheSiteUrl() throws Exception {
        MailConfig read = configFile.parse("""
                {"schema": "m365-mail-wizard/1", "siteUrl": "https://www.contoso.com"}
                """, "test");
        assertThat(read.wordpressUrl()).isNull();
        assertThat(read.wordpressAddress()).isEqualTo(URI.create("https://www.contoso.com"));
        assertThat(configFile.toJson(read)).doesNotContain("wordpressUrl");

        MailConfig own = configFile.parse("""
                {"schema": "m365-mail-wizard/1", "siteUrl": "https://www.contoso.com",
                 "wordpressUrl": "https://www.contoso.com/wp"}
                """, "test");
        assertThat(own.wordpressAddress()).isEqualTo(URI.create("https://www.contoso.com/wp"));
        assertThat(own.extra()).isEmpty();
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"wordpressUrl\": \"not a url\"}", "config.error.field");
    }

    @Test
    void writesAndReadsBackEveryField() throws Exception {
        Path file = dir.resolve("setup.json");
        configFile.write(file, full(), false);

        assertThat(configFile.read(file)).isEqualTo(full());
        assertThat(Files.readString(file)).contains("\"schema\" : \"m365-mail-wizard/1\"", "\"cloud\" : \"china\"");
    }

    @Test
    void keepsUnknownFieldsOnRewrite() throws Exception {
        String json = """
                {"schema": "m365-mail-wizard/1", "cloud": "global", "domain": "contoso.com",
                 "futureField": {"nested": [1, 2]}, "note": "kept"}
                """;
        MailConfig read = configFile.parse(json, "test");
        String rewritten = configFile.toJson(read.toBuilder().sender("a@contoso.com").build());

        assertThat(configFile.parse(rewritten, "again").extra()).containsOnlyKeys("futureField", "note");
        assertThat(rewritten).contains("\"nested\"", "\"kept\"", "a@contoso.com");
    }

    @Test
    void refusesANewerSchemaWithItsVersion() {
        assertThatThrownBy(() -> configFile.parse("{\"schema\": \"m365-mail-wizard/2\"}", "f.json"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("config.error.schemaNewer");
                    assertThat(e.problem().args()).contains("m365-mail-wizard/2");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                });
    }

    @Test
    void namesTheProblemOfEachBrokenFile() {
        assertProblem("{", "config.error.notJson");
        assertProblem("[1]", "config.error.notObject");
        assertProblem("{\"cloud\": \"global\"}", "config.error.schemaMissing");
        assertProblem("{\"schema\": \"something-else/1\"}", "config.error.schemaUnknown");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"cloud\": \"mars\"}", "config.error.field");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"clientSecretExpires\": \"31/12/2026\"}", "config.error.field");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"siteUrl\": \"not a url\"}", "config.error.field");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"endpoints\": {\"login\": \"https://x\"}}", "config.error.field");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"tenantId\": 42}", "config.error.field");
    }

    @Test
    void theDnsHostEndpointsStandAloneAndRoundTrip() throws Exception {
        MailConfig read = configFile.parse("""
                {"schema": "m365-mail-wizard/1", "cloud": "china",
                 "endpoints": {"cloudflare": "https://localhost:7443/client/v4"}}
                """, "test");
        Endpoints inForce = read.endpoints();
        assertThat(inForce.cloudflareRoot()).isEqualTo("https://localhost:7443/client/v4");
        assertThat(inForce.azureManagementRoot()).isEqualTo("https://management.chinacloudapi.cn");
        assertThat(inForce.loginRoot()).isEqualTo(Cloud.CHINA.login().toString());
        assertThat(configFile.parse(configFile.toJson(read), "again")).isEqualTo(read);

        MailConfig both = configFile.parse("""
                {"schema": "m365-mail-wizard/1", "endpoints": {"login": "https://l", "graph": "https://g",
                 "azureManagement": "https://localhost:6443"}}
                """, "test");
        assertThat(both.endpoints().azureManagementRoot()).isEqualTo("https://localhost:6443");
        assertThat(both.endpoints().cloudflareRoot()).isEqualTo("https://api.cloudflare.com/client/v4");
        assertThat(MailConfig.empty().endpoints().azureManagementRoot()).isEqualTo("https://management.azure.com");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"endpoints\": {}}", "config.error.field");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\", \"endpoints\": {\"cloudflare\": \"nope\"}}",
                "config.error.field");
    }

    @Test
    void acceptsAnIsoDateTimeAsExpiry() throws Exception {
        MailConfig read = configFile.parse(
                "{\"schema\": \"m365-mail-wizard/1\", \"clientSecretExpires\": \"2026-12-31T00:00:00Z\"}", "t");
        assertThat(read.clientSecretExpires()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void environmentSecretWinsOverTheFile() {
        MailConfig withFileSecret = full().withSecret("from-file");
        assertThat(ConfigFile.withSecretFromEnvironment(withFileSecret, Map.of(ConfigFile.SECRET_ENV, " from-env ")).clientSecret())
                .isEqualTo("from-env");
        assertThat(ConfigFile.withSecretFromEnvironment(withFileSecret, Map.of()).clientSecret()).isEqualTo("from-file");
        assertThat(ConfigFile.withSecretFromEnvironment(withFileSecret, Map.of(ConfigFile.SECRET_ENV, "  ")).clientSecret())
                .isEqualTo("from-file");
    }

    @Test
    void fileWithTheSecretIsOwnerOnlyAndWithoutItIsNot() throws Exception {
        Path secretFile = dir.resolve("with-secret.json");
        Path plainFile = dir.resolve("plain.json");
        configFile.write(secretFile, full().withSecret(SECRET), false);
        configFile.write(plainFile, full(), false);

        assertThat(Files.getPosixFilePermissions(secretFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(secretFile)).contains(SECRET);
        assertThat(Files.getPosixFilePermissions(plainFile)).contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.readString(plainFile)).doesNotContain("\"clientSecret\"");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("with-secret.json", "plain.json");
    }

    @Test
    void refusesToReplaceAnExistingFileUnlessAsked() throws Exception {
        Path file = dir.resolve("setup.json");
        Files.writeString(file, "keep me");

        assertThatThrownBy(() -> configFile.write(file, full(), false))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("config.error.exists"));
        assertThat(Files.readString(file)).isEqualTo("keep me");

        configFile.write(file, full(), true);
        assertThat(configFile.read(file)).isEqualTo(full());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsUnwritableNotExisting() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> configFile.write(notAFolder.resolve("setup.json"), full(), false))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().key()).isEqualTo("config.error.unwritable"));
    }

    @Test
    void missingFileIsInvalidInputNamingThePath() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> configFile.read(missing))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("config.error.notFound");
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                });
    }

    @Test
    void neitherToStringNorExceptionsShowTheSecret() throws Exception {
        assertThat(full().withSecret(SECRET).toString()).doesNotContain(SECRET).contains("(set)");
        String json = "{\"schema\": \"m365-mail-wizard/1\", \"clientSecret\": \"" + SECRET + "\", \"cloud\": \"x\"}";
        assertThatThrownBy(() -> configFile.parse(json, "t"))
                .satisfies(e -> assertThat(e.getMessage() + ((ProblemException) e).problem()).doesNotContain(SECRET));
    }

    private static String withEndpoints(String login, String graph) {
        return "{\"schema\": \"m365-mail-wizard/1\", \"endpoints\": {\"login\": \"" + login + "\", \"graph\": \""
                + graph + "\"}}";
    }

    @Test
    void d9EndpointsMustBeHttpsRootsWithoutPathOrCredentials() throws Exception {
        assertProblem(withEndpoints("http://127.0.0.1:18080", "https://graph.example"), "config.error.endpointNotHttps");
        assertProblem(withEndpoints("https://login.example", "ftp://graph.example"), "config.error.endpointNotHttps");
        assertProblem(withEndpoints("https://login.example", "https://localhost:18443/v1.0"), "config.error.endpointPath");
        assertProblem(withEndpoints("https://login.example/?x=1", "https://graph.example"), "config.error.endpointPath");
        assertProblem(withEndpoints("https://login.example/#f", "https://graph.example"), "config.error.endpointPath");
        assertProblem(withEndpoints("https://user:pw@login.example", "https://graph.example"),
                "config.error.endpointCredentials");
        assertThatThrownBy(() -> configFile.parse(withEndpoints("https://user:pw@login.example", "https://g.example"), "f"))
                .satisfies(e -> assertThat(((ProblemException) e).problem().args().toString()).doesNotContain("pw"));

        MailConfig fine = configFile.parse(withEndpoints("https://LOGIN.example:8443/", "HTTPS://graph.example"), "f");
        assertThat(fine.endpointOverride().loginRoot()).isEqualTo("https://LOGIN.example:8443");
    }

    @Test
    void d9AnythingAfterTheJsonObjectIsRefusedWithItsLine() {
        assertProblem("{\"schema\": \"m365-mail-wizard/1\"} garbage", "config.error.trailing");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\"}\n\n{}", "config.error.trailing");
        assertProblem("{\"schema\": \"m365-mail-wizard/1\"}\n]", "config.error.trailing");
        assertThatThrownBy(() -> configFile.parse("{\"schema\": \"m365-mail-wizard/1\"}\n\n x", "f"))
                .satisfies(e -> assertThat(((ProblemException) e).problem().args()).containsExactly("f", "3"));
    }

    @Test
    void d9AUtf8ByteOrderMarkAndTrailingWhiteSpaceAreFine() throws Exception {
        Path file = dir.resolve("notepad.json");
        byte[] json = "{\"schema\": \"m365-mail-wizard/1\", \"domain\": \"contoso.com\"}\r\n \t\r\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(file, withBom);

        assertThat(configFile.read(file).domain()).isEqualTo("contoso.com");
    }

    @Test
    void d4AnEndlessOrHugeFileIsRefusedAfterAMegabyte() throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[ConfigFile.MAX_BYTES + 1]);
        assertReadProblem(big, "config.error.tooBig");
        if (Files.isReadable(Path.of("/dev/zero"))) {
            assertReadProblem(Path.of("/dev/zero"), "config.error.tooBig");
        }
        Path latin1 = Files.write(dir.resolve("latin1.json"),
                new byte[] {'{', '"', 's', 'e', 'n', 'd', 'e', 'r', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertReadProblem(latin1, "config.error.notUtf8");
        assertReadProblem(dir, "config.error.isFolder");
    }

    private void assertReadProblem(Path file, String key) {
        assertThatThrownBy(() -> configFile.read(file))
                .as(file.toString())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo(key);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                });
    }

    private void assertProblem(String json, String key) {
        assertThatThrownBy(() -> configFile.parse(json, "f.json"))
                .as(json)
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo(key);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                });
    }
}
