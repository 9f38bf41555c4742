// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;

/**
 * The command line as a user runs it: {@link Main} in a child JVM without a display, exit codes and
 * output checked, and the JVM's class-load log proving that no JavaFX (nor any UI) class was loaded.
 */
class CommandLineFoundationTest {

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err, List<String> loadedClasses) {
        List<String> loadedUiClasses() {
            return loadedClasses.stream().filter(c -> c.startsWith("javafx.") || c.startsWith("com.sun.javafx.")
                    || c.startsWith("org.controlsfx.") || c.startsWith("atlantafx.")
                    || c.startsWith("org.m365mailwizard.ui.")).toList();
        }
    }

    @Test
    void versionAnswersWithExitZeroAndNoUi() throws Exception {
        Run run = runMain("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("M365 Mail Wizard \\d+\\.\\d+");
        assertThat(run.err()).isEmpty();
        assertThat(run.loadedUiClasses()).isEmpty();
        assertThat(run.loadedClasses()).contains("org.m365mailwizard.app.Main", "picocli.CommandLine");
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() throws Exception {
        Run run = runMain("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage:").contains("check-dns").contains("--lang")
                .contains(new Texts(Language.ENGLISH).get("mixinStandardHelpOptions.help"));
        assertThat(run.loadedUiClasses()).isEmpty();
    }

    @Test
    void anUnknownFlagExitsTwoWithOneLineAndWhereTheHelpIsButNoStackTrace() throws Exception {
        Run run = runMain("--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.err().lines().toList();
        assertThat(lines.get(0)).startsWith("Invalid command line:").contains("--frobnicate");
        assertThat(lines.get(1)).isEqualTo("See 'm365-mail-wizard --help' for the options.");
        assertThat(lines).hasSize(2);
        assertThat(run.err()).doesNotContain("Usage:");
        assertThat(run.err() + run.out()).doesNotContain("Exception").doesNotContainPattern("\\n\\s+at [a-z]");
        assertThat(run.loadedUiClasses()).isEmpty();
    }

    @Test
    void anUnknownLanguageIsRefusedNotSilentlyEnglish() throws Exception {
        Run run = runMain("--lang", "fr", "check-dns", "--domain", "contoso.com");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\"fr\"").contains("--lang en").contains("--lang zh-CN");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void langZhCnPrintsChineseHelp() throws Exception {
        Texts chinese = new Texts(Language.SIMPLIFIED_CHINESE);
        Run run = runMain("--lang", "zh-CN", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(chinese.get("mixinStandardHelpOptions.help"))
                .contains(chinese.get("cli.option.lang")).contains("M365 邮件配置向导");
        // picocli's own headings too: not one English word of the frame around the Chinese text.
        assertThat(run.out()).contains("用法：m365-mail-wizard", "命令：").doesNotContain("Usage:", "Commands:");
        assertThat(run.loadedUiClasses()).isEmpty();

        Run sub = runMain("--lang", "zh-CN", "check-dns", "--help");
        assertThat(sub.out()).contains("用法：m365-mail-wizard check-dns", "选项：").doesNotContain("Usage:", "Options:");
    }

    @Test
    void aSubcommandRunsHeadless() throws Exception {
        Run run = runMain("check-dns", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.loadedUiClasses()).isEmpty();
    }

    /** The class-load check is real: a program that touches JavaFX shows up in the same log. */
    @Test
    void theClassLoadCheckSeesJavaFxWhenItIsLoaded() throws Exception {
        Run run = run(TouchesJavaFx.class.getName());
        assertThat(run.exitCode()).isZero();
        assertThat(run.loadedUiClasses()).anyMatch(c -> c.startsWith("javafx."));
    }

    /** Loads a JavaFX class without starting the toolkit (works without a display). */
    public static final class TouchesJavaFx {
        public static void main(String[] args) {
            new javafx.beans.property.SimpleStringProperty("x").get();
        }
    }

    private Run runMain(String... args) throws Exception {
        List<String> all = new ArrayList<>();
        all.add(Main.class.getName());
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    private Run run(String... mainAndArgs) throws IOException, InterruptedException {
        Path classLog = home.resolve("classes-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog,
                "-Dm365wizard.logFile=" + home.resolve("state/test.log"),
                "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command line did not finish within 60 s");
        }
        List<String> classes = Files.readAllLines(classLog).stream()
                .map(line -> line.replaceFirst("^.*\\[class,load\\s*\\]\\s*", "").split(" ")[0])
                .toList();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), classes);
    }
}
