// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import org.m365mailwizard.cli.CheckAppCommand;
import org.m365mailwizard.cli.Cli;
import org.m365mailwizard.cli.CheckDnsCommand;
import org.m365mailwizard.cli.CheckHeadersCommand;
import org.m365mailwizard.cli.ExportCommand;
import org.m365mailwizard.cli.HealthCommand;
import org.m365mailwizard.cli.PublishDnsCommand;
import org.m365mailwizard.cli.SendTestCommand;
import org.m365mailwizard.cli.SetupAppCommand;
import org.m365mailwizard.cli.Terminal;
import org.m365mailwizard.core.dns.DnsLibrary;
import org.m365mailwizard.core.headers.HeaderAnalyzer;
import org.m365mailwizard.core.i18n.Texts;
import picocli.CommandLine;

/** Builds the command-line subcommands with their services from the composition root. */
final class CommandFactory implements CommandLine.IFactory {

    private final AppContext context;
    private final Texts texts;

    CommandFactory(AppContext context) {
        this.context = context;
        this.texts = context.texts().forFace(Cli.FACE);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        // Subcommands that need services are constructed here; the rest by picocli's default factory.
        if (type == CheckDnsCommand.class || type == HealthCommand.class || type == PublishDnsCommand.class) {
            // Beside the parsing of the options that follows: these commands ask DNS first thing.
            context.executors().background().execute(DnsLibrary::prepare);
        }
        if (type == CheckDnsCommand.class) {
            return type.cast(new CheckDnsCommand(context.dnsChecker(), context::objectMapper, texts,
                    Terminal.detect(context.environment()), context::configFile));
        }
        if (type == CheckAppCommand.class) {
            return type.cast(new CheckAppCommand(context.appRegistrationCheck(), context.configFile(),
                    context.environment(), texts, context.objectMapper(), context.siteCheck()));
        }
        if (type == ExportCommand.class) {
            return type.cast(new ExportCommand(context.exportService(), context.reportWriter(), context.configFile(),
                    context.findingsFile(), texts, context.environment(), context.clock()));
        }
        if (type == SendTestCommand.class) {
            return type.cast(new SendTestCommand(texts, context.configFile(), context.environment(),
                    context.graphMailClient(), context.appTokenService()::acquire, context.clock(), context.objectMapper()));
        }
        if (type == CheckHeadersCommand.class) {
            return type.cast(new CheckHeadersCommand(new HeaderAnalyzer(), context.configFile(), () -> System.in,
                    texts, context.objectMapper(), Terminal.detect(context.environment())));
        }
        if (type == HealthCommand.class) {
            return type.cast(new HealthCommand(context.healthMonitor(), context.dnsChecker(), context.configFile(),
                    context.environment(), texts, context.objectMapper(), Terminal.detect(context.environment())));
        }
        if (type == SetupAppCommand.class) {
            return type.cast(new SetupAppCommand(context.appSetupService(), context.configFile(), texts,
                    context.objectMapper(), SetupAppCommand::standardInput, context.environment()));
        }
        if (type == PublishDnsCommand.class) {
            return type.cast(new PublishDnsCommand(context.dnsChecker(), context.executors().background(),
                    context.dnsHosts(), context.configFile(), context.environment(),
                    context.userDirs().state().resolve("dns-journals"), context.clock(), context.objectMapper(),
                    texts, new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                            java.nio.charset.Charset.defaultCharset()))));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
