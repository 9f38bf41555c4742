// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.m365mailwizard.core.appsetup.AdminSession;
import org.m365mailwizard.core.appsetup.AppPlan;
import org.m365mailwizard.core.appsetup.AppSetupService;
import org.m365mailwizard.core.appsetup.ApplyListener;
import org.m365mailwizard.core.appsetup.AppSetupIds;
import org.m365mailwizard.core.appsetup.ChangeResult;
import org.m365mailwizard.core.appsetup.DomainReader;
import org.m365mailwizard.core.appsetup.EntraGraph;
import org.m365mailwizard.core.appsetup.LeastPrivilege;
import org.m365mailwizard.core.appsetup.MailboxScoping;
import org.m365mailwizard.core.appsetup.PlannedChange;
import org.m365mailwizard.core.appsetup.SetupRequest;
import org.m365mailwizard.core.appsetup.SetupRun;
import org.m365mailwizard.core.auth.AdminConsent;
import org.m365mailwizard.core.auth.consent.DelegatedResult;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.graph.Cancellation;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.WizardModel;

/**
 * "Create it for me" / "Check and repair this app" without nodes: the admin's sign-in in the system
 * browser (the consent step's loopback listener and PKCE; the address to copy and a countdown when no
 * browser opens), the plan to confirm, each change's progress and result, retry and undo, what the
 * setup gains (client ID, tenant, secret, expiry, Microsoft's DNS records), and at last the removal of
 * the tenant-wide Mail.Send consent once Exchange limits the app. Work runs through {@link FxTasks};
 * progress from the worker reaches the properties through {@code fx}, so nothing here blocks the FX thread.
 */
public final class AppSetupViewModel {

    /** Where the dialog is. */
    public enum Phase { READY, SIGNING_IN, PLANNED, APPLYING, DONE, FAILED, UNDONE }

    /** One line of the plan: the change in words and its state in words. */
    public record Row(String text, String state, String styleClass) {
    }

    /** What the sign-in and the planning produced on the worker. */
    private record Prepared(AdminSession admin, EntraGraph graph, AppPlan plan) {
    }

    private final WizardModel model;
    private final AppSetupService service;
    private final Texts texts;
    private final FxTasks tasks;
    private final Executor fx;
    private final SetupRequest.Mode mode;
    private final java.util.function.Supplier<String> signInClientId;
    private final DelegatedSignIn browserSignIn;
    private final Clock clock;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.READY);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final IntegerProperty secretMonths = new SimpleIntegerProperty(SetupRequest.DEFAULT_SECRET_MONTHS);
    private final StringProperty manualUrl = new SimpleStringProperty("");
    private final StringProperty countdown = new SimpleStringProperty("");
    private final ObjectProperty<MailboxScoping> scoping = new SimpleObjectProperty<>(MailboxScoping.NONE);
    private final BooleanProperty scopeChecked = new SimpleBooleanProperty();
    private final BooleanProperty removal = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty rbacCommands = new SimpleStringProperty("");
    private final StringProperty consentLink = new SimpleStringProperty("");
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    private Cancellation cancel = Cancellation.none();
    private SetupRun run;
    private SetupRequest request;
    private AdminSession admin;
    private EntraGraph graph;
    private DelegatedSignIn.Session browser;

    /**
     * @param browserSignIn the consent step's browser sign-in (its listener rules and PKCE)
     * @param signInClientId the public client the admin signs in with (a setting)
     */
    public AppSetupViewModel(WizardModel model, AppSetupService service, DelegatedSignIn browserSignIn, Clock clock,
                             Texts texts, FxTasks tasks, Executor fx, SetupRequest.Mode mode,
                             java.util.function.Supplier<String> signInClientId) {
        this.model = Objects.requireNonNull(model);
        this.service = Objects.requireNonNull(service);
        this.texts = Objects.requireNonNull(texts);
        this.tasks = Objects.requireNonNull(tasks);
        this.fx = Objects.requireNonNull(fx);
        this.mode = Objects.requireNonNull(mode);
        this.signInClientId = Objects.requireNonNull(signInClientId);
        this.browserSignIn = Objects.requireNonNull(browserSignIn);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Signs the admin in, in the system browser, asking only what this action needs; then makes the plan. */
    public void signInAndPlan() {
        MailConfig config = config();
        try {
            request = SetupRequest.of(mode, config, secretMonths.get());
        } catch (ProblemException e) {
            problem.set(texts.format(e.problem()));
            return;
        }
        cancel = Cancellation.none();
        problem.set("");
        phase.set(Phase.SIGNING_IN);
        running.set(true);
        status.set(texts.get("appsetupui.status.signingIn"));
        // The client ID comes from the preferences file: read on the worker, never on the FX thread.
        tasks.run(() -> browserSignIn.beginAdmin(config.endpoints(), AppSetupService.signInTenant(config),
                signInClientId.get(), new LinkedHashSet<>(AppSetupIds.scopeUris(config.endpoints(), request.permissions()))))
                .onSuccess(session -> {
                    browser = session;
                    if (cancel.isCancelled()) {
                        // Cancel came while the listener was opening: close it now, the wait then ends as cancelled.
                        cancel();
                    }
                    status.set(texts.get("appsetupui.status.browser"));
                    manualUrl.set(session.browserOpened() ? "" : session.authorizationUrl().toString());
                    tick();
                    tasks.run(session::await).onSuccess(this::signedIn).onError(this::signInEnded).start();
                })
                .onError(this::signInEnded).start();
    }

    private void signedIn(DelegatedResult result) {
        endBrowserWait();
        if (result.status() != DelegatedResult.Status.SIGNED_IN) {
            // The consent step's words for these two speak of the site's app; here nothing was changed yet.
            Message why = switch (result.status()) {
                case TIMED_OUT -> Message.of("appsetupui.signIn.timedOut");
                case CANCELLED -> Message.of("appsetupui.signIn.cancelled");
                default -> result.message();
            };
            problem.set(texts.format(why) + (result.fix() == null ? "" : "\n" + texts.format(result.fix())));
            status.set("");
            phase.set(Phase.READY);
            running.set(false);
            return;
        }
        AdminSession session = service.admin(result.token().value());
        Cancellation mine = cancel;
        MailConfig config = request.config();
        tasks.run(() -> {
            EntraGraph session2 = service.graph(config.endpoints(), session, mine);
            AppPlan plan = mode == SetupRequest.Mode.CREATE ? service.planner().planCreate(request, session)
                    : service.planner().planRepair(session2, request, session);
            return new Prepared(session, session2, plan);
        }).onSuccess(prepared -> {
            admin = prepared.admin();
            graph = prepared.graph();
            showPlan(prepared.plan());
        }).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    private void signInEnded(Throwable error) {
        endBrowserWait();
        running.set(false);
        failed(error);
    }

    private void endBrowserWait() {
        browser = null;
        manualUrl.set("");
        countdown.set("");
    }

    /** Refreshes the countdown of the browser wait; the view calls it about once a second. */
    public void tick() {
        DelegatedSignIn.Session session = browser;
        countdown.set(session == null ? "" : texts.get("appsetupui.timeLeft", minutesSeconds(session.remaining(clock.instant()))));
    }

    /** {@code 4:05} for 245 seconds. */
    static String minutesSeconds(Duration left) {
        long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    private void showPlan(AppPlan plan) {
        removal.set(false);
        run = new SetupRun(graph, plan, request);
        findings.setAll(plan.findings().stream().map(this::findingText).toList());
        notes.setAll(plan.notes().stream().map(texts::format).toList());
        refreshRows();
        status.set(texts.get(plan.isEmpty() ? "appsetupui.status.nothing" : "appsetupui.status.planned",
                admin.user().isEmpty() ? "-" : admin.user()));
        phase.set(plan.isEmpty() ? Phase.DONE : Phase.PLANNED);
        if (plan.isEmpty()) {
            finish();
        }
    }

    private String findingText(Finding f) {
        return texts.get("app.step.finding", texts.get("app.step.status." + f.status().jsonName()), texts.format(f.message()));
    }

    /** Applies the confirmed plan; a second call after a failure is the retry. */
    public void apply() {
        if (run == null || running.get()) {
            return;
        }
        phase.set(Phase.APPLYING);
        running.set(true);
        problem.set("");
        tasks.run(() -> run.apply(listener())).onSuccess(done -> {
            refreshRows();
            if (done && removal.get()) {
                verifyRemoval();
            } else if (done) {
                finish();
            } else {
                phase.set(Phase.FAILED);
                problem.set(run.failureMessage().map(texts::format).orElse(""));
            }
        }).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    /** Reverts what this run created or changed. */
    public void undo() {
        if (run == null || running.get() || !run.canUndo()) {
            return;
        }
        running.set(true);
        tasks.run(() -> run.undo(listener())).onSuccess(done -> {
            refreshRows();
            if (done && removal.get()) {
                findings.clear();
                status.set(texts.get("appsetupui.status.regranted"));
            }
            phase.set(done ? Phase.UNDONE : Phase.FAILED);
            if (!done) {
                problem.set(run.failureMessage().map(texts::format).orElse(""));
            }
        }).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    /** Stops the wait for the browser (its port is freed off the FX thread) and any Graph work. */
    public void cancel() {
        cancel.cancel();
        DelegatedSignIn.Session session = browser;
        if (session != null) {
            tasks.run(() -> {
                session.cancel();
                return null;
            }).start();
        }
    }

    public boolean canUndo() {
        return run != null && run.canUndo();
    }

    /**
     * Plans removing the tenant-wide Mail.Send consent, on its own, after the admin said how the app is
     * limited; the core plans nothing under an Application Access Policy (the consent must stay there).
     */
    public void planConsentRemoval() {
        if (graph == null || admin == null || running.get() || !canRemoveConsent().get()) {
            return;
        }
        SetupRequest removalRequest = new SetupRequest(SetupRequest.Mode.REPAIR, config(), secretMonths.get());
        MailboxScoping how = scoping.get();
        running.set(true);
        problem.set("");
        tasks.run(() -> service.planner().planRemoveConsent(graph, removalRequest, how)).onSuccess(plan -> {
            request = removalRequest;
            run = new SetupRun(graph, plan, removalRequest);
            removal.set(true);
            findings.setAll(plan.findings().stream().map(this::findingText).toList());
            notes.setAll(plan.notes().stream().map(texts::format).toList());
            refreshRows();
            status.set(texts.get("appsetupui.status.planned", admin.user().isEmpty() ? "-" : admin.user()));
            phase.set(plan.isEmpty() ? Phase.DONE : Phase.PLANNED);
        }).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    /** Verify after apply: Graph must no longer list the assignment. */
    private void verifyRemoval() {
        running.set(true);
        String appId = request.config().clientId();
        tasks.run(() -> service.planner().verifyConsentRemoved(graph, appId)).onSuccess(finding -> {
            findings.setAll(List.of(findingText(finding)));
            status.set(texts.format(finding.message()));
            phase.set(Phase.DONE);
        }).onError(this::failed).andFinally(() -> running.set(false)).start();
    }

    /** The removal may be planned: application grant, signed in, RBAC for Applications chosen and checked. */
    public javafx.beans.binding.BooleanBinding canRemoveConsent() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> scoping.get() == MailboxScoping.RBAC_FOR_APPLICATIONS
                && scopeChecked.get() && !running.get() && rbacCommands.get() != null && !rbacCommands.get().isEmpty(),
                scoping, scopeChecked, running, rbacCommands);
    }

    private ApplyListener listener() {
        return new ApplyListener() {
            @Override
            public void started(PlannedChange change) {
                fx.execute(() -> {
                    refreshRows();
                    status.set(texts.format(change.description()));
                });
            }

            @Override
            public void waiting(PlannedChange change, int retry, java.time.Duration delay) {
                fx.execute(() -> status.set(texts.get("cli.setupApp.replication", delay.toSeconds(), retry,
                        EntraGraph.REPLICATION_BACKOFF.size())));
            }

            @Override
            public void finished(ChangeResult result) {
                fx.execute(AppSetupViewModel.this::refreshRows);
            }
        };
    }

    private void refreshRows() {
        rows.setAll(run.results().stream().map(r -> new Row(texts.format(r.change().description()),
                texts.get("appsetup.outcome." + r.outcome().name().toLowerCase(Locale.ROOT)),
                r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))).toList());
    }

    /** The setup gains what the run produced; Microsoft's DNS records are read with the same sign-in. */
    private void finish() {
        running.set(true);
        String domain = model.domainProperty().get() == null ? "" : model.domainProperty().get().strip();
        tasks.run(() -> domain.isEmpty() ? Optional.<DomainReader.DomainInfo>empty()
                : Optional.of(DomainReader.read(graph, domain))).onSuccess(info -> complete(info))
                .onError(error -> {
                    complete(Optional.empty());
                    if (error instanceof ProblemException p) {
                        notes.add(texts.get("cli.setupApp.dnsNotRead", texts.format(p.problem())));
                    }
                }).andFinally(() -> running.set(false)).start();
    }

    private void complete(Optional<DomainReader.DomainInfo> info) {
        MailConfig done = AppSetupService.completed(config(), request, run, admin, info);
        model.clientIdProperty().set(done.clientId() == null ? "" : done.clientId());
        if (done.tenantId() != null) {
            model.tenantIdProperty().set(done.tenantId());
            model.tenantProperty().set(done.tenantId());
        }
        run.secret().ifPresent(s -> {
            model.clientSecretProperty().set(s.text());
            model.clientSecretExpiresProperty().set(s.expires());
            secret.set(s.text());
        });
        if (done.redirectUri() != null && model.redirectUriProperty().get().isBlank()) {
            model.redirectUriProperty().set(done.redirectUri());
        }
        info.ifPresent(d -> {
            model.dnsRecordsProperty().set(d.records());
            if (!d.verified()) {
                notes.add(texts.get("cli.setupApp.unverified", d.domain(), d.records().verificationText().orElse("-")));
            }
        });
        if (request.grant() == Grant.APPLICATION && !run.servicePrincipalId().isEmpty() && done.sender() != null) {
            rbacCommands.set(String.join("\n", LeastPrivilege.commands(run.appId(), run.servicePrincipalId(),
                    request.displayName(), done.sender())) + "\n" + LeastPrivilege.verification(run.servicePrincipalId(),
                    done.sender()));
        }
        if (run.plan().consentNeedsOtherAdmin() && !run.appId().isEmpty()) {
            consentLink.set(AdminConsent.url(done.endpoints(), done.tenantId(), run.appId(), done.redirectUri()).toString());
        }
        status.set(texts.get("appsetupui.status.done"));
        phase.set(Phase.DONE);
    }

    private void failed(Throwable error) {
        Message why = error instanceof ProblemException p ? p.problem() : Message.of("appsetupui.error.unexpected");
        problem.set(texts.format(why));
        phase.set(run != null && run.canUndo() ? Phase.FAILED : Phase.READY);
        if (run != null) {
            refreshRows();
        }
    }

    /** The setup as the model holds it now. */
    MailConfig config() {
        MailConfig.Builder b = MailConfig.builder().cloud(model.cloudProperty().get())
                .endpointOverride(model.endpointOverrideProperty().get()).target(model.targetProperty().get())
                .grant(model.grantProperty().get()).domain(blankToNull(model.domainProperty().get()))
                .sender(blankToNull(model.senderProperty().get())).clientId(blankToNull(model.clientIdProperty().get()))
                .tenantId(blankToNull(model.tenantIdProperty().get()))
                .tenantDomain(blankToNull(model.tenantDomainProperty().get()))
                .redirectUri(blankToNull(model.redirectUriProperty().get()));
        String site = blankToNull(model.siteUrlProperty().get());
        if (site != null) {
            try {
                b.siteUrl(URI.create(site));
            } catch (IllegalArgumentException e) {
                // An unusable address only means the redirect URI cannot be computed here.
            }
        }
        return b.build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public SetupRequest.Mode mode() { return mode; }
    public ObjectProperty<Phase> phaseProperty() { return phase; }
    public BooleanProperty runningProperty() { return running; }
    public IntegerProperty secretMonthsProperty() { return secretMonths; }
    /** The sign-in page to open by hand when no browser could be started; empty otherwise. */
    public StringProperty manualUrlProperty() { return manualUrl; }
    /** "4:05 left" while waiting for the browser; empty otherwise. */
    public StringProperty countdownProperty() { return countdown; }
    /** How the admin limited the app to the sender's mailbox. */
    public ObjectProperty<MailboxScoping> scopingProperty() { return scoping; }
    /** The admin confirms that Test-ServicePrincipalAuthorization shows InScope: True. */
    public BooleanProperty scopeCheckedProperty() { return scopeChecked; }
    /** True while the plan shown is the consent removal (its undo grants the consent again). */
    public BooleanProperty removalProperty() { return removal; }
    public StringProperty statusProperty() { return status; }
    public StringProperty problemProperty() { return problem; }
    /** The new secret's text: the view shows it masked unless Show is pressed. */
    public StringProperty secretProperty() { return secret; }
    public StringProperty rbacCommandsProperty() { return rbacCommands; }
    public StringProperty consentLinkProperty() { return consentLink; }
    public ObservableList<String> findings() { return findings; }
    public ObservableList<String> notes() { return notes; }
    public ObservableList<Row> rows() { return rows; }

    /** Why each delegated permission this action asks for is needed, in the admin's words. */
    public List<String> permissionReasons() {
        SetupRequest what = new SetupRequest(mode, config(), secretMonths.get());
        return what.permissions().stream().map(p -> texts.get(switch (p) {
            case AppSetupIds.APP_ROLE_ASSIGNMENTS -> "appsetupui.why.appRoleAssignments";
            case AppSetupIds.DOMAINS -> "appsetupui.why.domains";
            default -> "appsetupui.why.applications";
        })).toList();
    }
}
