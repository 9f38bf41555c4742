// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import org.m365mailwizard.cli.CheckAppCommand;
import org.m365mailwizard.cli.CheckDnsCommand;
import org.m365mailwizard.cli.ExportCommand;
import org.m365mailwizard.cli.SendTestCommand;
import org.m365mailwizard.cli.Terminal;
import picocli.CommandLine;

/** Builds the command-line subcommands with their services from the composition root. */
final class CommandFactory implements CommandLine.IFactory {

    private final AppContext context;

    CommandFactory(AppContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        // Subcommands that need services are constructed here; the rest by picocli's default factory.
        if (type == CheckDnsCommand.class) {
            return type.cast(new CheckDnsCommand(context.dnsChecker(), context::objectMapper, context.texts(),
                    Terminal.detect(context.environment())));
        }
        if (type == CheckAppCommand.class) {
            return type.cast(new CheckAppCommand(context.appRegistrationCheck(), context.configFile(),
                    context.environment(), context.texts(), context.objectMapper()));
        }
        if (type == ExportCommand.class) {
            return type.cast(new ExportCommand(context.exportService(), context.reportWriter(), context.configFile(),
                    context.findingsFile(), context.texts(), context.environment(), context.clock()));
        }
        if (type == SendTestCommand.class) {
            return type.cast(new SendTestCommand(context.texts(), context.configFile(), context.environment(),
                    context.graphMailClient(), context.appTokenService()::acquire, context.clock(), context.objectMapper()));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
