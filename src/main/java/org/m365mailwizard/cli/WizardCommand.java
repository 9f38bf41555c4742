// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command. Without a subcommand the launcher opens the wizard instead. */
@Command(name = "m365-mail-wizard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        subcommands = {CheckDnsCommand.class, CheckAppCommand.class, SendTestCommand.class, ExportCommand.class,
                CheckHeadersCommand.class, HealthCommand.class, SetupAppCommand.class, PublishDnsCommand.class})
public final class WizardCommand implements Runnable {

    /** Read by the launcher before parsing (it chooses the bundle); declared here for help and validation. */
    @Option(names = "--lang", paramLabel = "en|zh-CN", descriptionKey = "cli.option.lang", scope = picocli.CommandLine.ScopeType.INHERIT)
    String language;

    @Override
    public void run() {
        // Reached only with options and no subcommand; the launcher opens the GUI in that case.
    }
}
