// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.m365mailwizard.core.appsetup.AdminSession;
import org.m365mailwizard.core.appsetup.AppPlan;
import org.m365mailwizard.core.appsetup.AppSetupIds;
import org.m365mailwizard.core.appsetup.AppSetupService;
import org.m365mailwizard.core.appsetup.ApplyListener;
import org.m365mailwizard.core.appsetup.ChangeResult;
import org.m365mailwizard.core.appsetup.DeviceCodePrompt;
import org.m365mailwizard.core.appsetup.DeviceCodeSignIn;
import org.m365mailwizard.core.appsetup.DomainReader;
import org.m365mailwizard.core.appsetup.EntraGraph;
import org.m365mailwizard.core.appsetup.LeastPrivilege;
import org.m365mailwizard.core.appsetup.MailboxScoping;
import org.m365mailwizard.core.appsetup.PlannedChange;
import org.m365mailwizard.core.appsetup.SetupRequest;
import org.m365mailwizard.core.appsetup.SetupRun;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.ConfigFile;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.i18n.Texts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code setup-app --config FILE (--create | --repair) [--secret-months N] [--include-secret] --out FILE
 * [--force] [--yes] [--format text|json] [--remove-tenant-consent]}: the wizard's "Create it for me" /
 * "Check and repair" headless. {@code --remove-tenant-consent} (repair only) ends least privilege once
 * Exchange RBAC for Applications limits the app: the tenant-wide Mail.Send consent is removed as its
 * own plan, confirmed on its own, then verified.
 * The admin signs in with a device code (on standard error), the plan is printed and, without
 * {@code --yes}, confirmed on standard input; then each change is applied with its result. Exit 0 done,
 * 1 Microsoft refused a change (the output says which were applied and undone), 2 bad input or the
 * admin declined, 3 Microsoft unreachable.
 */
@Command(name = "setup-app", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class SetupAppCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    /** Exactly one of the two actions. */
    static final class Action {
        @Option(names = "--create", required = true, descriptionKey = "cli.setupApp.option.create")
        boolean create;

        @Option(names = "--repair", required = true, descriptionKey = "cli.setupApp.option.repair")
        boolean repair;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", descriptionKey = "cli.setupApp.option.config")
    Path config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    @Option(names = "--secret-months", paramLabel = "N", defaultValue = "" + SetupRequest.DEFAULT_SECRET_MONTHS,
            descriptionKey = "cli.setupApp.option.secretMonths")
    int secretMonths;

    @Option(names = "--include-secret", descriptionKey = "cli.setupApp.option.includeSecret")
    boolean includeSecret;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "cli.setupApp.option.out")
    Path out;

    @Option(names = "--force", descriptionKey = "cli.setupApp.option.force")
    boolean force;

    @Option(names = "--yes", descriptionKey = "cli.setupApp.option.yes")
    boolean yes;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", descriptionKey = "cli.setupApp.option.format")
    Format format;

    @Option(names = "--sign-in-client-id", paramLabel = "ID", defaultValue = AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID,
            descriptionKey = "cli.setupApp.option.signInClientId")
    String signInClientId;

    @Option(names = "--remove-tenant-consent", descriptionKey = "cli.setupApp.option.removeTenantConsent")
    boolean removeTenantConsent;

    private final AppSetupService service;
    private final ConfigFile configFile;
    /** Whether the tenant-wide consent is gone after {@code --remove-tenant-consent}; null when not asked. */
    private Boolean tenantConsentRemoved;
    private final Texts texts;
    private final ObjectMapper mapper;
    private final Supplier<BufferedReader> stdin;
    private final Map<String, String> environment;

    public SetupAppCommand(AppSetupService service, ConfigFile configFile, Texts texts, ObjectMapper mapper,
                           Supplier<BufferedReader> stdin, Map<String, String> environment) {
        this.service = service;
        this.configFile = configFile;
        this.texts = texts;
        this.mapper = mapper;
        this.stdin = stdin;
        this.environment = Map.copyOf(environment);
    }

    /** Standard input, read as the terminal's encoding; opened when first asked so tests can replace it. */
    public static BufferedReader standardInput() {
        return new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
    }

    @Override
    public Integer call() throws ProblemException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Text progress goes with the plan; in JSON mode standard output holds the one object only.
        PrintWriter progress = format == Format.json ? err : stdout;
        MailConfig loaded = ConfigFile.withSecretFromEnvironment(configFile.read(config), environment);
        SetupRequest request = SetupRequest.of(action.create ? SetupRequest.Mode.CREATE : SetupRequest.Mode.REPAIR,
                loaded, secretMonths);
        if (removeTenantConsent && !action.repair) {
            // The removal needs the app and its Exchange scope to exist: never part of a create.
            throw ProblemException.invalidInput("cli.setupApp.input.removeNeedsRepair");
        }
        MailboxScoping scoping = removeTenantConsent ? MailboxScoping.RBAC_FOR_APPLICATIONS : MailboxScoping.NONE;
        if (Files.exists(out) && !force) {
            // Checked before the sign-in, so the admin does not sign in for nothing.
            throw ProblemException.invalidInput("config.error.exists", out);
        }
        Cancellation cancel = Cancellation.none();
        AdminSession admin = service.deviceCode().signIn(loaded.endpoints(), AppSetupService.signInTenant(loaded),
                signInClientId, request.permissions(), new DeviceCodeSignIn.Listener() {
                    @Override
                    public void prompt(DeviceCodePrompt prompt) {
                        err.println(texts.get("cli.setupApp.deviceCode", prompt.verificationUri(), prompt.userCode(),
                                prompt.expiresIn().toMinutes()));
                        err.flush();
                    }

                    @Override
                    public void slowedDown(Duration interval) {
                        err.println(texts.get("cli.setupApp.slowDown", interval.toSeconds()));
                        err.flush();
                    }
                }, cancel);
        progress.println(texts.get("cli.setupApp.signedIn", admin.user().isEmpty() ? "-" : admin.user(),
                admin.tenantId().isEmpty() ? "-" : admin.tenantId()));
        EntraGraph graph = service.graph(loaded.endpoints(), admin, cancel);
        AppPlan plan = request.mode() == SetupRequest.Mode.CREATE ? service.planner().planCreate(request, admin)
                : service.planner().planRepair(graph, request, admin, scoping);
        printPlan(plan, progress);

        SetupRun run = new SetupRun(graph, plan, request);
        if (!plan.isEmpty()) {
            if (!yes && !ask(progress, texts.get("cli.setupApp.confirm", plan.changes().size()))) {
                progress.println(texts.get("cli.setupApp.declined"));
                report(plan, run, null, stdout);
                return ExitCode.INVALID_INPUT;
            }
            boolean applied = run.apply(printer(progress));
            while (!applied) {
                progress.println(texts.get("cli.setupApp.failed", texts.format(run.failureMessage().orElseThrow())));
                if (!yes && ask(progress, texts.get("cli.setupApp.retry"))) {
                    applied = run.apply(printer(progress));
                    continue;
                }
                int exit = run.failure().map(ProblemException::exitCode).orElse(ExitCode.CHECK_FAILED);
                // Headless with --yes nobody can decide later: leave nothing half-made behind.
                if (run.canUndo() && (yes || ask(progress, texts.get("cli.setupApp.undo")))) {
                    progress.println(texts.get("cli.setupApp.undoing"));
                    run.undo(printer(progress));
                }
                report(plan, run, null, stdout);
                return exit;
            }
        }
        Optional<DomainReader.DomainInfo> domain = readDomain(graph, loaded, progress);
        MailConfig completed = AppSetupService.completed(loaded, request, run, admin, domain);
        configFile.write(out, includeSecret ? completed : completed.withoutSecret(), force);
        progress.println(texts.get(includeSecret && completed.secret().isPresent()
                ? "cli.setupApp.writtenWithSecret" : "cli.setupApp.written", out));
        if (run.secret().isPresent() && !includeSecret) {
            progress.println(texts.get("cli.setupApp.secretNotWritten"));
        }
        offerRotationCleanup(run, graph, plan, progress);
        leastPrivilege(run, loaded, request, progress);
        int exit = removeTenantConsent ? removeConsent(graph, completed, progress) : ExitCode.OK;
        report(plan, run, domain.orElse(null), stdout);
        return exit;
    }

    /** Plan, show, confirm, apply, verify; the undo is a repair without this option (it grants the consent again). */
    private int removeConsent(EntraGraph graph, MailConfig completed, PrintWriter progress) throws InterruptedException {
        SetupRequest request = new SetupRequest(SetupRequest.Mode.REPAIR, completed, secretMonths);
        try {
            AppPlan plan = service.planner().planRemoveConsent(graph, request, MailboxScoping.RBAC_FOR_APPLICATIONS);
            printPlan(plan, progress);
            if (plan.isEmpty()) {
                tenantConsentRemoved = plan.notes().isEmpty();
                return ExitCode.OK;
            }
            if (!yes && !ask(progress, texts.get("cli.setupApp.removeConsentConfirm"))) {
                progress.println(texts.get("cli.setupApp.removeConsentKept"));
                tenantConsentRemoved = false;
                return ExitCode.INVALID_INPUT;
            }
            SetupRun removal = new SetupRun(graph, plan, request);
            if (!removal.apply(printer(progress))) {
                progress.println(texts.get("cli.setupApp.failed", texts.format(removal.failureMessage().orElseThrow())));
                tenantConsentRemoved = false;
                return removal.failure().map(ProblemException::exitCode).orElse(ExitCode.CHECK_FAILED);
            }
            Finding verified = service.planner().verifyConsentRemoved(graph, request.config().clientId());
            progress.println(verified.status().name() + "  " + verified.id() + "  " + texts.format(verified.message()));
            progress.println(texts.get("cli.setupApp.removeConsentUndo"));
            tenantConsentRemoved = verified.status() == org.m365mailwizard.core.check.Status.PASS;
            return ExitCode.OK;
        } catch (ProblemException e) {
            progress.println(texts.get("cli.setupApp.failed", texts.format(e.problem())));
            tenantConsentRemoved = false;
            return e.exitCode();
        }
    }

    private ApplyListener printer(PrintWriter progress) {
        return new ApplyListener() {
            @Override
            public void started(PlannedChange change) {
                progress.println("  … " + texts.format(change.description()));
                progress.flush();
            }

            @Override
            public void waiting(PlannedChange change, int retry, Duration delay) {
                progress.println("    " + texts.get("cli.setupApp.replication", delay.toSeconds(), retry,
                        EntraGraph.REPLICATION_BACKOFF.size()));
                progress.flush();
            }

            @Override
            public void finished(ChangeResult result) {
                String word = texts.get("appsetup.outcome." + result.outcome().name().toLowerCase(Locale.ROOT));
                progress.println("  " + word + " " + texts.format(result.change().description()));
                if (result.detail() != null) {
                    progress.println("      " + texts.format(result.detail()));
                }
                progress.flush();
            }
        };
    }

    private void printPlan(AppPlan plan, PrintWriter progress) {
        for (Finding finding : plan.findings()) {
            progress.println(finding.status().name() + "  " + finding.id() + "  " + texts.format(finding.message()));
        }
        plan.notes().forEach(note -> progress.println("! " + texts.format(note)));
        if (plan.isEmpty()) {
            progress.println(texts.get("cli.setupApp.nothingToDo"));
            return;
        }
        progress.println(texts.get("cli.setupApp.planHeader"));
        int n = 1;
        for (PlannedChange change : plan.changes()) {
            progress.println("  " + n++ + ". " + texts.format(change.description()));
        }
        progress.flush();
    }

    private Optional<DomainReader.DomainInfo> readDomain(EntraGraph graph, MailConfig config, PrintWriter progress)
            throws InterruptedException {
        if (config.domain() == null) {
            return Optional.empty();
        }
        try {
            DomainReader.DomainInfo info = DomainReader.read(graph, config.domain());
            progress.println(texts.get("cli.setupApp.dnsRead", info.records().entries().size(), config.domain()));
            if (!info.verified()) {
                progress.println(texts.get("cli.setupApp.unverified", config.domain(),
                        info.records().verificationText().orElse("-")));
            }
            return Optional.of(info);
        } catch (ProblemException e) {
            // The app is done; DNS records are a bonus the DNS step can do without.
            progress.println(texts.get("cli.setupApp.dnsNotRead", texts.format(e.problem())));
            return Optional.empty();
        }
    }

    private void offerRotationCleanup(SetupRun run, EntraGraph graph, AppPlan plan, PrintWriter progress)
            throws InterruptedException {
        if (run.secret().isEmpty() || plan.existing() == null) {
            return;
        }
        AppPlan cleanup = service.planner().planSecretCleanup(plan.existing(), run.secret().get().keyId());
        if (cleanup.isEmpty()) {
            return;
        }
        printPlan(cleanup, progress);
        // Only the admin knows when the site uses the new secret; --yes never removes a working secret.
        if (yes || !ask(progress, texts.get("cli.setupApp.rotationConfirm"))) {
            progress.println(texts.get("cli.setupApp.rotationKept"));
            return;
        }
        SetupRun removal = new SetupRun(graph, cleanup, new SetupRequest(SetupRequest.Mode.REPAIR,
                MailConfig.builder().clientId(run.appId()).build(), secretMonths));
        if (!removal.apply(printer(progress))) {
            progress.println(texts.get("cli.setupApp.failed", texts.format(removal.failureMessage().orElseThrow())));
        }
    }

    private void leastPrivilege(SetupRun run, MailConfig config, SetupRequest request, PrintWriter progress) {
        if (request.grant() != Grant.APPLICATION || config.sender() == null || run.servicePrincipalId().isEmpty()
                || format == Format.json) {
            return;
        }
        progress.println();
        progress.println(texts.get("appsetup.rbac.intro", config.sender()));
        LeastPrivilege.commands(run.appId(), run.servicePrincipalId(), request.displayName(), config.sender())
                .forEach(c -> progress.println("    " + c));
        progress.println(texts.get("appsetup.rbac.verify"));
        progress.println("    " + LeastPrivilege.verification(run.servicePrincipalId(), config.sender()));
        progress.println(texts.get("appsetup.rbac.caveat"));
    }

    private boolean ask(PrintWriter progress, String question) {
        progress.print(question + " ");
        progress.flush();
        try {
            String answer = stdin.get().readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是|j");
        } catch (IOException e) {
            return false;
        }
    }

    private void report(AppPlan plan, SetupRun run, DomainReader.DomainInfo domain, PrintWriter stdout) {
        if (format != Format.json) {
            stdout.flush();
            return;
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("mode", plan.mode().name().toLowerCase(Locale.ROOT));
        node.put("appId", run.appId());
        ArrayNode findings = node.putArray("findings");
        for (Finding f : plan.findings()) {
            ObjectNode o = findings.addObject();
            o.put("id", f.id());
            o.put("status", f.status().name().toLowerCase(Locale.ROOT));
            o.put("message", texts.format(f.message()));
            o.put("messageKey", f.message().key());
        }
        ArrayNode changes = node.putArray("changes");
        for (ChangeResult r : run.results()) {
            ObjectNode o = changes.addObject();
            o.put("kind", r.change().kind().name().toLowerCase(Locale.ROOT));
            o.put("description", texts.format(r.change().description()));
            o.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            if (r.detail() != null) {
                o.put("detail", texts.format(r.detail()));
                o.put("detailKey", r.detail().key());
            }
        }
        run.secret().ifPresent(s -> node.put("secretExpires", s.expires().toString()));
        if (tenantConsentRemoved != null) {
            node.put("tenantConsentRemoved", tenantConsentRemoved);
        }
        if (domain != null) {
            node.put("domainVerified", domain.verified());
            node.put("dnsRecords", domain.records().entries().size());
        }
        stdout.println(node.toString());
        stdout.flush();
    }
}
