// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.graph.Recipients;
import org.m365mailwizard.core.health.HealthMonitor;
import org.m365mailwizard.core.health.HealthReport;
import org.m365mailwizard.core.health.HealthRequest;
import org.m365mailwizard.core.health.SecretExpiry;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code health}: the whole setup checked in one go, for a server's scheduler: secret (token and
 * expiry), consent, mailbox, DNS, and with {@code --state} what got worse since the last run. Exit
 * codes are the project's, except with {@code --format nagios}, which uses the plugin codes
 * (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).
 */
@Command(name = "health", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class HealthCommand implements Callable<Integer> {

    /** Read when {@code --notify} is not given, so a scheduler's environment file can name the address. */
    public static final String NOTIFY_ENV = "M365_HEALTH_NOTIFY";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", descriptionKey = "cli.health.option.config")
    Path config;

    @Option(names = "--send-to", paramLabel = "ADDR", descriptionKey = "cli.health.option.sendTo")
    String sendTo;

    @Option(names = "--state", paramLabel = "FILE", descriptionKey = "cli.health.option.state")
    Path state;

    @Option(names = "--format", paramLabel = "text|json|prometheus|nagios", defaultValue = "text",
            descriptionKey = "cli.health.option.format")
    String format;

    @Option(names = "--notify", paramLabel = "ADDR", descriptionKey = "cli.health.option.notify")
    String notify;

    @Option(names = "--warn-days", paramLabel = "N", defaultValue = "" + SecretExpiry.DEFAULT_WARN_DAYS,
            descriptionKey = "cli.health.option.warnDays")
    int warnDays;

    @Mixin
    DnsOptions dns;

    private final HealthMonitor monitor;
    private final DnsChecker checker;
    private final ConfigFile configFile;
    private final Map<String, String> environment;
    private final Texts texts;
    private final ObjectMapper mapper;
    private final Terminal terminal;

    public HealthCommand(HealthMonitor monitor, DnsChecker checker, ConfigFile configFile,
                         Map<String, String> environment, Texts texts, ObjectMapper mapper, Terminal terminal) {
        this.monitor = monitor;
        this.checker = checker;
        this.configFile = configFile;
        this.environment = Map.copyOf(environment);
        this.texts = texts;
        this.mapper = mapper;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws ProblemException {
        HealthOutput.Format chosen = HealthOutput.Format.fromId(format.trim().toLowerCase(Locale.ROOT)).orElse(null);
        PrintWriter out = spec.commandLine().getOut();
        HealthOutput output = new HealthOutput(texts, new FindingsJson(mapper, texts), new FindingsTable(texts, terminal));
        try {
            if (chosen == null) {
                throw ProblemException.invalidInput("cli.health.badFormat", format);
            }
            HealthReport report = monitor.run(request(), checker.withSettings(dns.applyTo(checker.settings())));
            output.print(chosen, report, out);
            return chosen == HealthOutput.Format.NAGIOS ? HealthOutput.nagiosCode(report) : report.exitCode();
        } catch (ProblemException e) {
            if (chosen != HealthOutput.Format.NAGIOS) {
                throw e;
            }
            // A monitoring system reads one line on standard output and the plugin code, whatever went wrong.
            out.println(output.nagiosProblem(e));
            out.flush();
            return HealthOutput.NAGIOS_UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable(e, "cli.health.interrupted");
        }
    }

    private HealthRequest request() throws ProblemException {
        if (warnDays < 1 || warnDays > 3650) {
            throw ProblemException.invalidInput("cli.health.badWarnDays", warnDays);
        }
        MailConfig setup = ConfigFile.withSecretFromEnvironment(configFile.read(config), environment);
        if (setup.tenantId() == null || setup.clientId() == null) {
            throw ProblemException.invalidInput("cli.health.incomplete");
        }
        if (setup.secret().isEmpty()) {
            throw ProblemException.invalidInput("cli.health.noSecret", ConfigFile.SECRET_ENV);
        }
        if (setup.domain() != null && DomainName.parse(setup.domain()) instanceof DomainName.Invalid invalid) {
            throw new ProblemException(invalid.reason(), ExitCode.INVALID_INPUT);
        }
        String notifyTo = notify != null ? notify : environment.get(NOTIFY_ENV);
        return new HealthRequest(setup, warnDays, address(sendTo), address(notifyTo == null || notifyTo.isBlank() ? null : notifyTo),
                Optional.ofNullable(state));
    }

    private static Optional<String> address(String value) throws ProblemException {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Recipients.parse(List.of(value)).get(0));
    }
}
