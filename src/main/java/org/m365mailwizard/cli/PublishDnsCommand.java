// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.publish.DnsHostProvider;
import org.m365mailwizard.core.publish.DnsHosts;
import org.m365mailwizard.core.publish.Journal;
import org.m365mailwizard.core.publish.Planner;
import org.m365mailwizard.core.publish.PublishPlan;
import org.m365mailwizard.core.publish.Publisher;
import org.m365mailwizard.core.publish.RecordChange;
import org.m365mailwizard.core.publish.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code publish-dns}: the DNS step's fixes written at the DNS host through its API. Plan (dry run),
 * show, confirm, apply with a journal, verify at the domain's own name servers; {@code --undo JOURNAL}
 * puts back what a journal's apply replaced. Exit 0 published and verified (or nothing to do), 1 the
 * host refused a change or verification timed out, 2 bad input, declined or an unsafe merge, 3 the
 * host unreachable.
 */
@Command(name = "publish-dns", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class PublishDnsCommand implements Callable<Integer> {

    private static final Duration VERIFY_INTERVAL = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Option(names = "--domain", paramLabel = "DOMAIN", descriptionKey = "cli.publish.option.domain")
    String domain;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "cli.publish.option.config")
    Path config;

    @Option(names = "--provider", paramLabel = DnsHosts.IDS, descriptionKey = "cli.publish.option.provider")
    String provider;

    @Option(names = "--zone", paramLabel = "ZONE", descriptionKey = "cli.publish.option.zone")
    String zone;

    @Option(names = "--dry-run", descriptionKey = "cli.publish.option.dryRun")
    boolean dryRun;

    @Option(names = "--yes", descriptionKey = "cli.publish.option.yes")
    boolean yes;

    @Option(names = "--move-mail", descriptionKey = "cli.publish.option.moveMail")
    boolean moveMail;

    @Option(names = "--replace-dmarc", descriptionKey = "cli.publish.option.replaceDmarc")
    boolean replaceDmarc;

    @Option(names = "--no-verify", descriptionKey = "cli.publish.option.noVerify")
    boolean noVerify;

    @Option(names = "--verify-timeout", paramLabel = "SECONDS", defaultValue = "300",
            descriptionKey = "cli.publish.option.verifyTimeout")
    long verifySeconds;

    @Option(names = "--journal", paramLabel = "FILE", descriptionKey = "cli.publish.option.journal")
    Path journal;

    @Option(names = "--undo", paramLabel = "JOURNAL", descriptionKey = "cli.publish.option.undo")
    Path undo;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "cli.publish.option.format")
    String format;

    @Option(names = "--initial-domain", paramLabel = "TENANT.onmicrosoft.com", descriptionKey = "cli.checkDns.option.initialDomain")
    String initialDomain;

    @Option(names = "--cloud", paramLabel = "global|china|usgov|usgov-dod", descriptionKey = "cli.checkDns.option.cloud")
    String cloud;

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]", descriptionKey = "cli.checkDns.option.resolver")
    List<String> resolvers = new ArrayList<>();

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "5000", descriptionKey = "cli.checkDns.option.timeout")
    long timeoutMs;

    @Option(names = "--name-server-port", paramLabel = "PORT", defaultValue = "53",
            descriptionKey = "cli.checkDns.option.nameServerPort")
    int nameServerPort;

    private final DnsChecker checker;
    private final Executor executor;
    private final DnsHosts hosts;
    private final ConfigFile configFile;
    private final Map<String, String> environment;
    private final Path journalDir;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Texts texts;
    private final BufferedReader answers;

    public PublishDnsCommand(DnsChecker checker, Executor executor, DnsHosts hosts, ConfigFile configFile,
                             Map<String, String> environment, Path journalDir, Clock clock, ObjectMapper mapper,
                             Texts texts, BufferedReader answers) {
        this.checker = checker;
        this.executor = executor;
        this.hosts = hosts;
        this.configFile = configFile;
        this.environment = environment;
        this.journalDir = journalDir;
        this.clock = clock;
        this.mapper = mapper;
        this.texts = texts;
        this.answers = answers;
    }

    @Override
    public Integer call() throws ProblemException, InterruptedException {
        boolean json = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw ProblemException.invalidInput("cli.checkDns.badFormat", format);
        };
        MailConfig setup = config == null ? MailConfig.empty() : configFile.read(config);
        if (undo != null) {
            return undo(setup, json);
        }
        if (provider == null) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.publish.providerNeeded", DnsHosts.IDS));
        }
        String name = domain != null ? domain : setup.domain();
        if (name == null) {
            throw new ParameterException(spec.commandLine(), texts.get("cli.publish.domainNeeded"));
        }
        Cloud chosenCloud = cloud == null ? setup.cloud()
                : Cloud.fromId(cloud).orElseThrow(() -> ProblemException.invalidInput("cli.checkDns.badCloud", cloud));
        DnsCheckRequest request = new DnsCheckRequest(CheckDnsCommand.domain(DomainName.parseTenantDomain(name)), chosenCloud, initial(setup, chosenCloud));
        DnsSettings dns = settings();
        DnsHostProvider host = hosts.open(provider, setup, endpoints(setup, chosenCloud), environment, this::showSignIn);

        PublishPlan plan = new Planner(dns, executor).plan(host, request, Optional.ofNullable(zone), replaceDmarc);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PublishOutput output = new PublishOutput(texts, mapper);
        if (json && (dryRun || plan.nothingToDo())) {
            out.println(output.planJson(plan));
        } else if (!json) {
            output.printPlan(plan, out);
        }
        out.flush();
        if (dryRun || plan.nothingToDo()) {
            return ExitCode.OK;
        }
        confirm(plan, out);
        Path journalFile = journal != null ? journal : Journal.inStateFolder(journalDir, plan.domain(), clock.instant());
        Publisher publisher = new Publisher(mapper, clock);
        Publisher.Outcome outcome = publisher.apply(host, plan, journalFile, r -> {
            if (!json) {
                output.printResult(r, out);
            }
        });
        ObjectNode report = json ? output.planJson(plan) : null;
        if (json) {
            report.setAll(output.resultsJson(outcome.results()));
            report.put("journal", journalFile.toString());
        }
        if (outcome.failure().isPresent()) {
            return failedMidway(host, publisher, outcome, journalFile, json, report, out);
        }
        if (!json) {
            out.println(texts.get("publish.applied", outcome.appliedCount(), journalFile));
        }
        int code = noVerify ? ExitCode.OK : verify(dns, request, plan, json, report, err, out);
        if (json) {
            out.println(report);
        }
        out.flush();
        return code;
    }

    private int verify(DnsSettings dns, DnsCheckRequest request, PublishPlan plan, boolean json, ObjectNode report,
                       PrintWriter err, PrintWriter out) throws InterruptedException {
        Set<String> ids = new LinkedHashSet<>(plan.verifiable());
        if (ids.isEmpty()) {
            return ExitCode.OK;
        }
        Verifier verifier = new Verifier(checker.withSettings(dns.withAuthoritative(true)));
        Verifier.Result result = verifier.verify(request, ids, Duration.ofSeconds(Math.max(1, verifySeconds)),
                VERIFY_INTERVAL, p -> {
                    err.println(texts.get("publish.verify.progress", p.round(), p.passing(), p.total(), p.elapsed().toSeconds()));
                    err.flush();
                }, () -> false);
        if (json) {
            report.put("verified", result.visible());
        } else {
            out.println(result.visible() ? texts.get("publish.verify.ok")
                    : texts.get("publish.verify.timeout", verifySeconds));
        }
        return result.visible() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private int failedMidway(DnsHostProvider host, Publisher publisher, Publisher.Outcome outcome, Path journalFile,
                             boolean json, ObjectNode report, PrintWriter out) throws ProblemException {
        ProblemException failure = outcome.failure().get();
        if (json) {
            out.println(report);
        } else {
            out.println(texts.get("publish.failedMidway", outcome.appliedCount(), journalFile));
        }
        out.flush();
        if (outcome.appliedCount() > 0 && !yes && !json && ask(texts.get("publish.askUndo", outcome.appliedCount()), out)) {
            Publisher.Outcome undone = publisher.undo(host, outcome.journal(), r -> new PublishOutput(texts, mapper).printResult(r, out));
            out.println(undone.failure().isPresent() ? texts.get("publish.undo.failed") : texts.get("publish.undo.done"));
        }
        return failure.exitCode() == ExitCode.UNAVAILABLE ? ExitCode.UNAVAILABLE : ExitCode.CHECK_FAILED;
    }

    private int undo(MailConfig setup, boolean json) throws ProblemException {
        Journal recorded = Journal.read(undo, mapper);
        DnsHostProvider host = hosts.open(recorded.provider(), setup, endpoints(setup, setup.cloud()), environment,
                this::showSignIn);
        PrintWriter out = spec.commandLine().getOut();
        PublishOutput output = new PublishOutput(texts, mapper);
        if (recorded.toUndo().isEmpty()) {
            out.println(json ? mapper.createObjectNode().putArray("results").toString() : texts.get("publish.undo.nothing"));
            return ExitCode.OK;
        }
        if (!json) {
            out.println(texts.get("publish.undo.header", recorded.domain(), recorded.provider(), recorded.toUndo().size()));
        }
        if (!yes && !ask(texts.get("publish.askUndo", recorded.toUndo().size()), out)) {
            throw ProblemException.invalidInput("publish.declined");
        }
        Publisher.Outcome outcome = new Publisher(mapper, clock).undo(host, recorded, r -> {
            if (!json) {
                output.printResult(r, out);
            }
        });
        if (json) {
            out.println(output.resultsJson(outcome.results()));
        } else {
            out.println(outcome.failure().isPresent() ? texts.get("publish.undo.failed") : texts.get("publish.undo.done"));
        }
        out.flush();
        return outcome.failure().map(ProblemException::exitCode).orElse(ExitCode.OK);
    }

    /** Azure's device-code instruction: on standard error, so that JSON output stays clean. */
    private void showSignIn(org.m365mailwizard.core.check.Message instruction) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(texts.format(instruction));
        err.flush();
    }

    private void confirm(PublishPlan plan, PrintWriter out) throws ProblemException {
        if (plan.movesMail() && !moveMail && (yes || !ask(texts.get("publish.askMoveMail"), out))) {
            throw ProblemException.invalidInput("publish.movesMailUnconfirmed");
        }
        if (!yes && !ask(texts.get("publish.askApply", plan.writes().size()), out)) {
            throw ProblemException.invalidInput("publish.declined");
        }
    }

    /** A yes/no question on the terminal; anything but yes (or the end of input) is no. */
    private boolean ask(String question, PrintWriter out) {
        out.print(question + " ");
        out.flush();
        try {
            String line = answers.readLine();
            return line != null && List.of("y", "yes", "是", "是的").contains(line.trim().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return false;
        }
    }

    private Endpoints endpoints(MailConfig setup, Cloud chosenCloud) {
        return setup.endpointOverride() != null ? setup.endpointOverride().withDefaults(chosenCloud) : Endpoints.of(chosenCloud);
    }

    private Optional<DomainName> initial(MailConfig setup, Cloud chosenCloud) throws ProblemException {
        String given = initialDomain != null ? initialDomain : setup.tenantDomain();
        if (given == null) {
            return Optional.empty();
        }
        DomainName parsed = CheckDnsCommand.domain(DomainName.parse(given));
        if (DnsCheckRequest.tenantOf(parsed, chosenCloud).isPresent()) {
            if (initialDomain != null) {
                throw new ProblemException(DnsCheckRequest.tenantOf(parsed, chosenCloud).get(), ExitCode.INVALID_INPUT);
            }
            return Optional.empty(); // the config's tenant domain may be a custom one: then DKIM needs --initial-domain
        }
        return Optional.of(parsed);
    }

    private DnsSettings settings() throws ProblemException {
        DnsSettings base = checker.settings();
        return DnsOptions.settings(base, resolvers, base.authoritative(), timeoutMs, nameServerPort);
    }
}
