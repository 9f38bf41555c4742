// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/** {@code export} of the scheduling targets through the command line: a folder of files, named in the output. */
class ScheduleExportCommandTest {

    private static final String SECRET = "Env8~fromTheEnvironment.0123456789abcdef";
    private static final String SETUP = """
            {"schema":"m365-mail-wizard/1","cloud":"global","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47",
             "clientId":"0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b","clientSecretExpires":"2027-01-31",
             "domain":"contoso.com","sender":"noreply@contoso.com"}
            """;

    @TempDir
    Path dir;

    private String out = "";
    private String err = "";

    @Test
    void systemdWritesTheUnitsAndTheOwnerOnlyEnvFileIntoTheFolderAndNamesEach() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("units")); // the export never creates folders

        int code = run("export", "--config", config().toString(), "--target", "systemd", "--include-secret",
                "--out", folder.toString());

        assertThat(code).as(err).isZero();
        assertThat(out).contains("Wrote " + folder.resolve("m365-mail-health.service"),
                "Wrote " + folder.resolve("m365-mail-health.timer"), "Wrote " + folder.resolve("m365-mail-health.env"),
                "It holds the client secret and was created readable by you only.",
                "systemctl daemon-reload && systemctl enable --now m365-mail-health.timer").doesNotContain(SECRET);
        assertThat(Files.readString(folder.resolve("m365-mail-health.env"))).contains(SECRET);
    }

    @Test
    void anExistingFileOfTheSameNameIsKeptWithoutForce() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("units"));
        Files.writeString(folder.resolve("m365-mail-health.timer"), "mine");

        int code = run("export", "--config", config().toString(), "--target", "systemd", "--out", folder.toString());

        assertThat(code).isEqualTo(2);
        assertThat(Files.readString(folder.resolve("m365-mail-health.timer"))).isEqualTo("mine");
        assertThat(folder.resolve("m365-mail-health.service")).doesNotExist();
    }

    @Test
    void theCalendarIsWrittenWithoutAdviceToIncludeTheSecret() throws Exception {
        Path ics = dir.resolve("reminder.ics");

        int code = run("export", "--config", config().toString(), "--target", "ics", "--out", ics.toString());

        assertThat(code).as(err).isZero();
        assertThat(out).contains("Wrote " + ics, "reminders 30 and 7 days before the secret expires on 2027-01-31")
                .doesNotContain("--include-secret");
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("setup.json"), SETUP);
    }

    private int run(String... args) {
        Texts texts = new Texts(Language.ENGLISH);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:15:00Z"), ZoneOffset.UTC);
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), dir),
                Map.of("M365_CLIENT_SECRET", SECRET), clock)) {
            int code = new Cli(new CommandFactory(context), texts, new PrintWriter(o), new PrintWriter(e)).execute(args);
            out = o.toString();
            err = e.toString();
            return code;
        }
    }
}
