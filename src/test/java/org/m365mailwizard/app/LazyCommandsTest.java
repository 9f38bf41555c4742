// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.m365mailwizard.cli.CheckDnsCommand;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import picocli.CommandLine;

/**
 * The command line builds only the subcommand it runs (and that command only the services it uses),
 * and every subcommand still answers {@code --help} and runs, in both languages.
 */
class LazyCommandsTest {

    private static final List<String> COMMANDS = List.of("check-dns", "check-app", "send-test", "export",
            "check-headers", "health", "setup-app", "publish-dns");

    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err, List<Class<?>> built, boolean mapperBuilt) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"check-dns", "check-app", "send-test", "export", "check-headers", "health", "setup-app",
            "publish-dns"})
    void everySubcommandAnswersHelpInBothLanguages(String command) {
        Run english = run(Language.ENGLISH, command, "--help");
        assertThat(english.exitCode()).isZero();
        assertThat(english.out()).contains("m365-mail-wizard " + command).contains("--help");
        assertThat(english.err()).isEmpty();
        assertThat(english.built()).as("only the command asked for is built").hasSize(1);

        Run chinese = run(Language.SIMPLIFIED_CHINESE, "--lang", "zh-CN", command, "--help");
        assertThat(chinese.exitCode()).isZero();
        assertThat(chinese.out()).contains("m365-mail-wizard " + command)
                .contains(new Texts(Language.SIMPLIFIED_CHINESE).get("mixinStandardHelpOptions.help"));
    }

    @Test
    void theTopLevelHelpStillListsEverySubcommand() {
        Run run = run(Language.ENGLISH, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(COMMANDS);
        assertThat(run.built()).hasSize(COMMANDS.size());
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        Run run = run(Language.ENGLISH, "check-dsn", "--domain", "contoso.com");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("check-dsn");
    }

    @Test
    void aTextCheckBuildsItsCommandButNeitherTheOthersNorTheJsonMapper() {
        Run run = run(Language.ENGLISH, "check-dns", "--domain", "contoso.com", "--initial-domain",
                "contoso.onmicrosoft.com", "--resolver", dns.server().address(), "--timeout-ms", "2000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("contoso.com");
        assertThat(run.built()).containsExactly(CheckDnsCommand.class);
        assertThat(run.mapperBuilt()).isFalse();

        Run json = run(Language.ENGLISH, "check-dns", "--domain", "contoso.com", "--initial-domain",
                "contoso.onmicrosoft.com", "--resolver", dns.server().address(), "--timeout-ms", "2000",
                "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).startsWith("{");
        assertThat(json.mapperBuilt()).as("the JSON output asks for it").isTrue();
    }

    private Run run(Language language, String... args) {
        Texts texts = new Texts(language);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<Class<?>> built = new ArrayList<>();
        try (AppContext context = new AppContext(texts, UserDirs.of("Linux", Map.of(), home), Map.of(),
                Clock.systemUTC())) {
            CommandFactory commands = new CommandFactory(context);
            CommandLine.IFactory recording = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    if (type.getPackageName().equals(CheckDnsCommand.class.getPackageName())
                            && type.isAnnotationPresent(CommandLine.Command.class)) {
                        built.add(type);
                    }
                    return commands.create(type);
                }
            };
            int code = new Cli(recording, texts, new PrintWriter(out), new PrintWriter(err)).execute(args);
            return new Run(code, out.toString(), err.toString(), built, context.objectMapperBuilt());
        }
    }
}
