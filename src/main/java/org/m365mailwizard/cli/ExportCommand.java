// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.export.ExportService;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.export.ExportedFile;
import org.m365mailwizard.core.export.report.FindingsFile;
import org.m365mailwizard.core.export.report.ReportFormat;
import org.m365mailwizard.core.export.report.ReportSection;
import org.m365mailwizard.core.export.report.ReportWriter;
import org.m365mailwizard.core.export.report.SetupReport;
import org.m365mailwizard.core.i18n.Texts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export --config FILE (--target T | --report md|html) [--include-secret] [--force] --out PATH
 * [--checks [STEP=]FILE]…}: writes the setup in a plugin's or server's format, or the setup report.
 * Exit 0 when written, 2 for anything refused (unknown target, secret asked for but missing, existing
 * file without --force, unwritable path, bad config).
 */
@Command(name = "export", mixinStandardHelpOptions = true, usageHelpAutoWidth = true)
public final class ExportCommand implements Callable<Integer> {

    private final ExportService exports;
    private final ReportWriter reports;
    private final ConfigFile configFile;
    private final FindingsFile findingsFile;
    private final Texts texts;
    private final Map<String, String> environment;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", descriptionKey = "cli.export.option.config")
    Path config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--include-secret", descriptionKey = "cli.export.option.includeSecret")
    boolean includeSecret;

    @Option(names = "--force", descriptionKey = "cli.export.option.force")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "PATH", descriptionKey = "cli.export.option.out")
    Path out;

    @Option(names = "--checks", paramLabel = "[STEP=]FILE", descriptionKey = "cli.export.option.checks")
    List<String> checks = new ArrayList<>();

    /** Either a config file for a target or the report. */
    static final class What {
        @Option(names = "--target", required = true, paramLabel = "TARGET", descriptionKey = "cli.export.option.target")
        String target;

        @Option(names = "--report", required = true, paramLabel = "md|html", descriptionKey = "cli.export.option.report")
        String report;
    }

    public ExportCommand(ExportService exports, ReportWriter reports, ConfigFile configFile, FindingsFile findingsFile,
                         Texts texts, Map<String, String> environment, Clock clock) {
        this.exports = exports;
        this.reports = reports;
        this.configFile = configFile;
        this.findingsFile = findingsFile;
        this.texts = texts;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public Integer call() throws ProblemException {
        return what.report != null ? writeReport() : writeExport();
    }

    private int writeExport() throws ProblemException {
        ExportTarget target = ExportService.target(what.target);
        if (!checks.isEmpty()) {
            throw ProblemException.invalidInput("cli.export.checksOnlyForReport");
        }
        Path main = ExportService.mainFile(target, out);
        ExportService.checkWritable(main, force);
        MailConfig setup = ConfigFile.withSecretFromEnvironment(configFile.read(config), environment);
        ExportedFile file = exports.export(target, setup, includeSecret, out, force);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(texts.get("cli.export.written", main, texts.get(target.nameKey())));
        for (ExportedFile.Companion companion : file.companions()) {
            stdout.println(texts.get("cli.export.written", main.resolveSibling(companion.fileName()),
                    texts.get(target.nameKey())));
        }
        if (file.anyHoldsSecret() || target.canHoldSecret()) {
            stdout.println(texts.get(file.anyHoldsSecret() ? "cli.export.ownerOnly" : "cli.export.secretLeftOut"));
        }
        for (Message notice : exports.notices(target, setup)) {
            stdout.println(texts.format(notice));
        }
        for (Message step : file.nextSteps()) {
            stdout.println(texts.format(step));
        }
        return ExitCode.OK;
    }

    private int writeReport() throws ProblemException {
        ReportFormat format = ReportFormat.fromId(what.report).orElseThrow(() ->
                ProblemException.invalidInput("export.error.unknownReport", what.report));
        if (includeSecret) {
            throw ProblemException.invalidInput("cli.export.reportNoSecret");
        }
        ExportService.checkWritable(out, force);
        MailConfig setup = ConfigFile.withSecretFromEnvironment(configFile.read(config), environment);
        List<ReportSection> sections = new ArrayList<>();
        for (String entry : checks) {
            sections.add(section(entry));
        }
        SetupReport report = new SetupReport(setup, sections, ZonedDateTime.now(clock));
        ExportService.write(out, reports.render(report, format), false, force);
        spec.commandLine().getOut().println(texts.get("cli.export.reportWritten", out));
        return ExitCode.OK;
    }

    /** {@code dns=FILE} puts the checks under that step; a bare FILE goes under "other checks". */
    private ReportSection section(String entry) throws ProblemException {
        int eq = entry.indexOf('=');
        if (eq > 0) {
            String step = entry.substring(0, eq);
            if (ReportSection.IDS.contains(step)) {
                return new ReportSection(step, findingsFile.read(Path.of(entry.substring(eq + 1))));
            }
            // "nope=app.json": a mistyped step, not a file whose name holds "=" (unless that file exists).
            if (step.matches("[A-Za-z-]+") && !java.nio.file.Files.exists(Path.of(entry))) {
                throw ProblemException.invalidInput("cli.export.unknownStep", step, String.join(", ", ReportSection.IDS),
                        entry.substring(eq + 1));
            }
        }
        return new ReportSection(ReportSection.OTHER, findingsFile.read(Path.of(entry)));
    }
}
