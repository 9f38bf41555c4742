// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** {@code export} end to end through the command-line runner: files written, exit codes, messages. */
class ExportCommandTest {

    private static final String SECRET = "Qx8~abcDEF.ghi_JKL-mno0123456789pqrsTUV";
    private static final String ENV_SECRET = "Env8~fromTheEnvironment.0123456789abcdef";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:00Z"), ZoneOffset.UTC);
    private static final String SETUP = """
            {"schema":"m365-mail-wizard/1","cloud":"global","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47",
             "clientId":"0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b","clientSecretExpires":"2027-01-31",
             "redirectUri":"https://www.contoso.com/wp-admin/","domain":"contoso.com","sender":"noreply@contoso.com",
             "senderName":"Contoso Web","siteUrl":"https://www.contoso.com","target":"wp-mail-smtp",
             "futureField":{"kept":true}}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"json", "wp-mail-smtp", "easy-wp-smtp", "fluentsmtp", "wpo365", "mail-integration-365", "env"})
    void everyTargetIsWrittenWithExitZeroAndWithoutTheSecret(String target) throws Exception {
        Path config = config(SETUP.replace("\"clientSecretExpires\"", "\"clientSecret\":\"" + SECRET + "\",\"clientSecretExpires\""));
        Path outFile = dir.resolve("out." + target);

        assertThat(run(Map.of(), "export", "--config", config.toString(), "--target", target, "--out", outFile.toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readString(outFile)).doesNotContain(SECRET).contains("0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b");
        assertThat(out.toString()).contains("Wrote " + outFile).contains("add --include-secret to include it");
    }

    @Test
    void includeSecretTakesTheEnvironmentsSecretAndMakesTheFileOwnerOnly() throws Exception {
        Path config = config(SETUP.replace("\"clientSecretExpires\"", "\"clientSecret\":\"" + SECRET + "\",\"clientSecretExpires\""));
        Path outFile = dir.resolve("wp.php");

        int code = run(Map.of(ConfigFile.SECRET_ENV, ENV_SECRET), "export", "--config", config.toString(),
                "--target", "wp-mail-smtp", "--include-secret", "--out", outFile.toString());

        assertThat(code).isZero();
        assertThat(Files.readString(outFile)).contains("'" + ENV_SECRET + "'").doesNotContain(SECRET)
                .contains("expires on 2027-01-31");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outFile))).isEqualTo("rw-------");
        assertThat(out.toString()).contains("created readable by you only").doesNotContain(ENV_SECRET);
    }

    @Test
    void includeSecretWithoutAnySecretIsInvalidInput() throws Exception {
        Path outFile = dir.resolve("wp.php");
        int code = run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "wp-mail-smtp",
                "--include-secret", "--out", outFile.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("The client secret was asked for, but there is none")
                .contains("M365_CLIENT_SECRET");
        assertThat(outFile).doesNotExist();
    }

    @Test
    void aFileThatNeverCarriesTheSecretDoesNotSuggestIncludingIt() throws Exception {
        int records = run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "bind",
                "--out", dir.resolve("m365.zone").toString());
        assertThat(records).isZero();
        assertThat(out.toString()).contains("Wrote").doesNotContain("--include-secret");

        int plugin = run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "wp-mail-smtp",
                "--out", dir.resolve("wp.php").toString());
        assertThat(plugin).isZero();
        assertThat(out.toString()).contains("add --include-secret to include it");
    }

    @Test
    void anUnknownTargetIsInvalidInputListingTheTargets() throws Exception {
        int code = run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "sendmail",
                "--out", dir.resolve("x").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown export target \"sendmail\"").contains("wp-mail-smtp, easy-wp-smtp");
    }

    @Test
    void anExistingFileIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path outFile = Files.writeString(dir.resolve("m365.env"), "keep");
        String[] args = {"export", "--config", config(SETUP).toString(), "--target", "env", "--out", outFile.toString()};

        assertThat(run(Map.of(), args)).isEqualTo(2);
        assertThat(err.toString()).contains("already exists").contains("--force");
        assertThat(Files.readString(outFile)).isEqualTo("keep");

        List<String> forced = new ArrayList<>(List.of(args));
        forced.add("--force");
        assertThat(run(Map.of(), forced.toArray(String[]::new))).isZero();
        assertThat(Files.readString(outFile)).startsWith("# Microsoft 365 mail settings");
    }

    @Test
    void anUnwritablePathIsInvalidInput() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        int code = run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "env",
                "--out", notAFolder.resolve("m365.env").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot be written");
    }

    @Test
    void d10AnOutputFolderThatDoesNotExistIsNamedAndNotCreated() throws Exception {
        Path out = dir.resolve("inj").resolve("a*").resolve("x.php");
        int code = run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "wp-mail-smtp",
                "--out", out.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("The folder " + out.getParent() + " does not exist");
        assertThat(dir.resolve("inj")).doesNotExist();
    }

    @Test
    void d2AFifoAtOutIsRefusedEvenWithForce() throws Exception {
        Path fifo = dir.resolve("fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        int code = run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "env",
                "--out", fifo.toString(), "--force");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is not a regular file");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void usageMistakesAreInvalidInput() throws Exception {
        String config = config(SETUP).toString();
        assertThat(run(Map.of(), "export", "--config", config, "--target", "env")).isEqualTo(2);
        assertThat(run(Map.of(), "export", "--config", config, "--target", "env", "--report", "md", "--out", "x"))
                .isEqualTo(2);
        assertThat(run(Map.of(), "export", "--config", config, "--out", dir.resolve("y").toString())).isEqualTo(2);
        assertThat(run(Map.of(), "export", "--config", dir.resolve("missing.json").toString(), "--target", "env",
                "--out", dir.resolve("z").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void theJsonExportIsReadAgainByTheCommandsAndKeepsUnknownFields() throws Exception {
        Path first = dir.resolve("first.json");
        assertThat(run(Map.of(), "export", "--config", config(SETUP).toString(), "--target", "json",
                "--out", first.toString())).isZero();
        MailConfig original = new ConfigFile().parse(SETUP, "setup");
        assertThat(new ConfigFile().read(first)).isEqualTo(original);

        // The exported file is a config in its own right: export from it again.
        Path second = dir.resolve("second.json");
        assertThat(run(Map.of(), "export", "--config", first.toString(), "--target", "json", "--out", second.toString()))
                .isZero();
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first)).contains("\"futureField\"");
    }

    @Test
    void theReportIsWrittenFromTheConfigAndTheChecksFiles() throws Exception {
        Path dns = Files.writeString(dir.resolve("dns.json"), """
                {"domain":"contoso.com","checks":[{"id":"spf","status":"fail","expected":"v=spf1 include:spf.protection.outlook.com -all",
                 "found":["v=spf1 ~all"],"message":"SPF lacks Microsoft 365.","messageKey":"dns.unknown.key","messageArgs":[],
                 "fix":{"host":"contoso.com.","type":"TXT","value":"\\"v=spf1 include:spf.protection.outlook.com -all\\"","ttl":3600}}]}
                """);
        Path mail = Files.writeString(dir.resolve("mail.json"),
                "{\"checks\":[{\"id\":\"test-mail\",\"status\":\"pass\",\"message\":\"Accepted (202).\"}]}");
        Path report = dir.resolve("report.html");
        Path config = config(SETUP.replace("\"clientSecretExpires\"", "\"clientSecret\":\"" + SECRET + "\",\"clientSecretExpires\""));

        int code = run(Map.of(), "export", "--config", config.toString(), "--report", "html",
                "--checks", "dns=" + dns, "--checks", "mail=" + mail, "--out", report.toString());

        assertThat(code).as(err.toString()).isZero();
        String html = Files.readString(report);
        assertThat(html).contains("<h2>DNS records</h2>").contains("SPF lacks Microsoft 365.")
                .contains("contoso.com. 3600 IN TXT &quot;v=spf1 include:spf.protection.outlook.com -all&quot;")
                .contains("sent: Accepted (202).").doesNotContain(SECRET);
        assertThat(out.toString()).contains("Wrote the setup report " + report);
    }

    @Test
    void reportMistakesAreInvalidInput() throws Exception {
        String config = config(SETUP).toString();
        assertThat(run(Map.of(), "export", "--config", config, "--report", "pdf", "--out", dir.resolve("r").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Unknown report format \"pdf\"");
        assertThat(run(Map.of(), "export", "--config", config, "--report", "md", "--include-secret",
                "--out", dir.resolve("r.md").toString())).isEqualTo(2);
        assertThat(run(Map.of(), "export", "--config", config, "--report", "md", "--checks",
                dir.resolve("none.json").toString(), "--out", dir.resolve("r.md").toString())).isEqualTo(2);
        assertThat(run(Map.of(), "export", "--config", config, "--target", "env", "--checks",
                dir.resolve("none.json").toString(), "--out", dir.resolve("e.env").toString())).isEqualTo(2);
        assertThat(dir.resolve("r.md")).doesNotExist();

        Path checks = Files.writeString(dir.resolve("app.json"), "{\"checks\":[]}");
        assertThat(run(Map.of(), "export", "--config", config, "--report", "md", "--checks", "nope=" + checks,
                "--out", dir.resolve("r.md").toString())).isEqualTo(2);
        String last = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).contains("Unknown step \"nope\"").contains("app, consent, dns, mail, other")
                .doesNotContain("does not exist");
    }

    @Test
    void messagesFollowTheChosenLanguage() throws Exception {
        int code = runIn(Language.of(Locale.SIMPLIFIED_CHINESE), Map.of(), "export", "--config", config(SETUP).toString(),
                "--target", "nope", "--out", dir.resolve("x").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("未知的导出目标“nope”");
    }

    @Test
    void helpDescribesEveryOption() throws Exception {
        assertThat(run(Map.of(), "export", "--help")).isZero();
        assertThat(out.toString()).contains("--include-secret").contains("readable by you only")
                .contains("--report=md|html").contains("Write the setup as a config file");
    }

    private Path config(String json) throws Exception {
        return Files.writeString(dir.resolve("setup-" + System.nanoTime() + ".json"), json);
    }

    private int run(Map<String, String> env, String... args) {
        return runIn(Language.of(Locale.ENGLISH), env, args);
    }

    private int runIn(Language language, Map<String, String> env, String... args) {
        Texts texts = new Texts(language);
        // Through the real composition root, so every subcommand is built as in production.
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), dir), env, CLOCK)) {
            return new Cli(new CommandFactory(context), texts, new PrintWriter(out), new PrintWriter(err)).execute(args);
        }
    }
}
