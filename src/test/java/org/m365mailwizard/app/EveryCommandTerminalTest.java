// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.app.TerminalOutputs.Run;

/**
 * Every C0 and C1 control and every bidi character, fed through the values each command echoes
 * (file names, targets, options), reaches the terminal only as a visible escape (security review D1).
 * check-dns with hostile zones is in {@link HostileDnsTest}; send-test's summary in SendTestCommandTest.
 */
class EveryCommandTerminalTest {

    /** What a file name can hold: everything but NUL and the separator. */
    private static final String IN_A_NAME = TerminalOutputs.EVERY_UNSAFE_CHARACTER.replace("\0", "");

    @TempDir
    Path dir;

    @Test
    void aHostileConfigPathIsShownVisiblyByEveryCommand() {
        String config = dir.resolve("cfg" + IN_A_NAME + ".json").toString();
        for (List<String> args : List.of(
                List.of("check-app", "--config", config),
                List.of("send-test", "--config", config, "--to", "a@example.org"),
                List.of("export", "--config", config, "--target", "env", "--out", dir.resolve("x.env").toString()),
                List.of("export", "--config", config, "--report", "md", "--out", dir.resolve("x.md").toString()))) {
            Run run = TerminalOutputs.run(dir, Map.of(), args.toArray(String[]::new));

            assertThat(run.exitCode()).as(args.get(0)).isEqualTo(2);
            TerminalOutputs.assertNothingActsOnTheTerminal(run);
            assertThat(run.err()).as(args.get(0)).contains("\\x1b", "\\x9b", "\\u202e", "does not exist");
        }
    }

    @Test
    void hostileOptionValuesAreShownVisibly() {
        for (List<String> args : List.of(
                List.of("export", "--config", "c.json", "--target", "env" + IN_A_NAME, "--out", "x"),
                List.of("check-dns", "--domain", "contoso.com", "--format", "text" + IN_A_NAME),
                List.of("check-dns", "--domain", "contoso.com", "--cloud", IN_A_NAME),
                List.of("check-dns", "--domain", "contoso.com", "--resolver", "1.2.3.4" + IN_A_NAME),
                List.of("check-app", "--config", "x\0y"),
                List.of("check-dns", "--no-such-option" + IN_A_NAME))) {
            Run run = TerminalOutputs.run(dir, Map.of(), args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            TerminalOutputs.assertNothingActsOnTheTerminal(run);
        }
    }

    @Test
    void aWrittenExportNamesItsHostilePathVisibly() throws Exception {
        Path config = Files.writeString(dir.resolve("c.json"), """
                {"schema":"m365-mail-wizard/1","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47",
                 "clientId":"0f3b9a8e-5c1d-4e2f-9a7b-6c5d4e3f2a1b","domain":"contoso.com","sender":"noreply@contoso.com"}
                """);
        Path out = dir.resolve("out" + IN_A_NAME + ".env");

        Run run = TerminalOutputs.run(dir, Map.of(), "export", "--config", config.toString(), "--target", "env",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out).exists();
        TerminalOutputs.assertNothingActsOnTheTerminal(run);
        assertThat(run.out()).contains("out\\x01");
    }
}
