// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;

/** The {@code .env} is read back by real POSIX shells ({@code set -a; . ./file}) and must give every value unchanged. */
class EnvExportTest {

    private final ExportService service = Setups.service();

    @TempDir
    Path dir;

    static Stream<String> payloadsAShellCanHold() {
        return Setups.HOSTILE.stream().filter(p -> p.indexOf('\0') < 0);
    }

    @Test
    void ordinarySetupReadsBackWithEveryVariable() throws Exception {
        MailConfig setup = Setups.ordinary();
        Map<String, String> expected = expected(setup, true);
        assertThat(readBack("sh", setup, true, expected.keySet())).isEqualTo(expected);
        assertThat(expected).containsEntry("M365_LOGIN_ENDPOINT", "https://login.microsoftonline.com")
                .containsEntry("M365_GRAPH_ENDPOINT", "https://graph.microsoft.com")
                .containsEntry("M365_CLOUD", "global");
    }

    static Stream<Arguments> shellsAndPayloads() {
        return Stream.of("sh", "bash").flatMap(shell -> payloadsAShellCanHold().map(p -> Arguments.of(shell, p)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("shellsAndPayloads")
    void hostileValuesInEveryFieldReadBackUnchanged(String shell, String payload) throws Exception {
        MailConfig setup = Setups.hostile(payload);
        Map<String, String> expected = expected(setup, true);
        assertThat(readBack(shell, setup, true, expected.keySet())).isEqualTo(expected);
        assertThat(dir.resolve("pwned")).as("a value ran a command").doesNotExist();
    }

    @Test
    void withoutTheSecretTheFileSaysWhereItGoesAndSetsNoSecret() throws Exception {
        String content = service.render(ExportTarget.ENV, Setups.ordinary(), false, null).content();
        assertThat(content).doesNotContain(Setups.SECRET)
                .contains("# The client secret is not in this file: set M365_CLIENT_SECRET in the server's environment")
                .doesNotContainPattern("(?m)^M365_CLIENT_SECRET=");
        Map<String, String> expected = expected(Setups.ordinary(), false);
        assertThat(readBack("sh", Setups.ordinary(), false, expected.keySet())).isEqualTo(expected);
    }

    @Test
    void aNulCharacterIsRefusedNamingTheVariable() {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> service.render(ExportTarget.ENV, Setups.hostile("a\0b"), false, null));
        assertThat(e.problem().key()).isEqualTo("export.error.nulInEnv");
        assertThat(e.problem().args()).containsExactly("M365_TENANT_ID");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void endpointOverridesAreWrittenAsConfigured() throws Exception {
        MailConfig setup = Setups.ordinary().toBuilder().endpointOverride(new Endpoints(
                java.net.URI.create("https://login.example.test/"), java.net.URI.create("https://graph.example.test"))).build();
        String content = service.render(ExportTarget.ENV, setup, false, null).content();
        assertThat(content).contains("M365_LOGIN_ENDPOINT='https://login.example.test'\n")
                .contains("M365_GRAPH_ENDPOINT='https://graph.example.test'\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            plain value            | 'plain value'
            O'Brien Ltd            | "O'Brien Ltd"
            it's $5                | 'it'\\''s $5'
            back\\slash            | 'back\\slash'
            """)
    void valuesGetTheMostPortableQuotingThatIsStillExactForSh(String value, String quoted) {
        assertThat(EnvExporter.quote(value)).isEqualTo(quoted);
    }

    private static Map<String, String> expected(MailConfig c, boolean secret) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("M365_CLOUD", c.cloud().id());
        m.put("M365_TENANT_ID", c.tenantId());
        m.put("M365_TENANT_DOMAIN", c.tenantDomain());
        m.put("M365_CLIENT_ID", c.clientId());
        if (secret) {
            m.put("M365_CLIENT_SECRET", c.clientSecret());
        }
        m.put("M365_CLIENT_SECRET_EXPIRES", "2027-01-31");
        m.put("M365_SENDER", c.sender());
        m.put("M365_SENDER_NAME", c.senderName());
        m.put("M365_LOGIN_ENDPOINT", "https://login.microsoftonline.com");
        m.put("M365_GRAPH_ENDPOINT", "https://graph.microsoft.com");
        m.put("M365_REDIRECT_URI", c.redirectUri());
        return m;
    }

    /**
     * Writes the export, then {@code set -a; . ./m365.env} in the given shell and prints each variable
     * NUL-separated. An unset variable prints as "(unset)", so a missing line cannot look like an empty value.
     */
    private Map<String, String> readBack(String shell, MailConfig setup, boolean secret, Iterable<String> names)
            throws Exception {
        Path file = dir.resolve("m365.env");
        Files.writeString(file, service.render(ExportTarget.ENV, setup, secret, null).content(), StandardCharsets.UTF_8);
        StringBuilder script = new StringBuilder("set -a; . ./m365.env; set +a; printf '%s\\0'");
        List<String> order = new ArrayList<>();
        for (String name : names) {
            script.append(" \"${").append(name).append("-(unset)}\"");
            order.add(name);
        }
        Process p = new ProcessBuilder(shell, "-c", script.toString()).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isZero();
        assertThat(err).isEmpty();
        String[] values = out.split("\0", -1);
        assertThat(values).hasSize(order.size() + 1);
        Map<String, String> read = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            read.put(order.get(i), values[i]);
        }
        return read;
    }
}
