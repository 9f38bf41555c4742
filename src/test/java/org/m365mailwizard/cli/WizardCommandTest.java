// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Which subcommands the command line builds for a start: the one named, or all when none is. */
class WizardCommandTest {

    @Test
    void everySubcommandIsListedUnderItsOwnCommandName() {
        for (Map.Entry<String, Class<?>> entry : WizardCommand.SUBCOMMANDS.entrySet()) {
            assertThat(entry.getValue().getAnnotation(Command.class).name()).isEqualTo(entry.getKey());
        }
        assertThat(WizardCommand.SUBCOMMANDS).hasSize(8);
    }

    @Test
    void theNamedSubcommandAloneIsBuiltAlsoAfterLang() {
        assertThat(WizardCommand.subcommandsFor(List.of("check-dns", "--domain", "contoso.com")))
                .containsExactly(CheckDnsCommand.class);
        assertThat(WizardCommand.subcommandsFor(List.of("--lang", "zh-CN", "health", "--help")))
                .containsExactly(HealthCommand.class);
        assertThat(WizardCommand.subcommandsFor(List.of("--lang=en", "export")))
                .containsExactly(ExportCommand.class);
    }

    @Test
    void withoutASubcommandNameAllAreBuiltInTheHelpsOrder() {
        List<Class<?>> all = List.copyOf(WizardCommand.SUBCOMMANDS.values());
        assertThat(WizardCommand.subcommandsFor(List.of())).isEqualTo(all);
        assertThat(WizardCommand.subcommandsFor(List.of("--help"))).isEqualTo(all);
        // A typo gets picocli's error with every name to compare against.
        assertThat(WizardCommand.subcommandsFor(List.of("check-dsn"))).isEqualTo(all);
        // An option value that happens to be a command's name, after the command, changes nothing.
        assertThat(WizardCommand.subcommandsFor(List.of("check-headers", "--file", "export")))
                .containsExactly(CheckHeadersCommand.class);
        assertThat(WizardCommand.subcommandsFor(List.of("--lang"))).isEqualTo(all);
    }
}
