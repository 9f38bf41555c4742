// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.consent.AdminConsentFlow;
import org.m365mailwizard.core.auth.consent.AdminConsentResult;
import org.m365mailwizard.core.auth.consent.BrowserSession;
import org.m365mailwizard.core.auth.consent.Cancellation;
import org.m365mailwizard.core.auth.consent.ConsentFindings;
import org.m365mailwizard.core.auth.consent.ConsentFlows;
import org.m365mailwizard.core.auth.consent.DelegatedResult;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.auth.consent.MailSendRoleCheck;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.MailConfig;
import java.util.ArrayList;
import javafx.beans.Observable;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ShownOutcome;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.shell.StepState;
import org.m365mailwizard.ui.step.app.AppStepViewModel;
import org.m365mailwizard.ui.shell.CheckedFor;
import org.m365mailwizard.ui.shell.StepInputs;
import org.m365mailwizard.ui.shell.WizardModel;

/**
 * The consent step without nodes: "Grant admin consent" (then proving Mail.Send in an app-only token,
 * retrying while consent propagates) and "Sign in as the sender" (then checking scp and the user).
 * Results go to the shared model's consent findings and token properties. Work runs through
 * {@link FxTasks}; {@link #tick(Instant)} refreshes the countdowns.
 */
public final class ConsentStepViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String STEP = "consent";
    private static final String ADMIN = "consent/admin";
    private static final String SIGN_IN = "consent/signIn";

    private final WizardModel model;
    private final ConsentFlows services;
    private final MailSendRoleCheck.Plan plan;
    private final FxTasks tasks;
    private final Clock clock;
    private final BrowserTaskState admin = new BrowserTaskState();
    private final BrowserTaskState signIn = new BrowserTaskState();
    private final BooleanProperty rememberMe = new SimpleBooleanProperty(false);
    private final ObjectProperty<DelegatedSignIn.RedirectPlatform> platform =
            new SimpleObjectProperty<>(DelegatedSignIn.RedirectPlatform.MOBILE_AND_DESKTOP);

    private AdminConsentFlow.Session adminSession;
    /** The inputs of the attempt started last. */
    private CheckedFor asked;
    private Cancellation roleCancellation;
    private DelegatedSignIn.Session signInSession;

    /**
     * @param flows the browser flows and the token check (from the composition root)
     * @param plan how long to keep checking for Mail.Send while consent propagates
     */
    public ConsentStepViewModel(WizardModel model, ConsentFlows flows, MailSendRoleCheck.Plan plan, FxTasks tasks,
                                Clock clock) {
        this.model = Objects.requireNonNull(model);
        this.services = Objects.requireNonNull(flows);
        this.plan = Objects.requireNonNull(plan);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        // The page is built again after a language switch: the last outcomes are facts, shown anew.
        restore(admin, ADMIN);
        restore(signIn, SIGN_IN);
        List<Observable> watched = new ArrayList<>(model.inputs());
        watched.addAll(model.results());
        watched.add(model.shownOutcomeProperty(ADMIN));
        watched.add(model.shownOutcomeProperty(SIGN_IN));
        watched.add(model.grantProperty());
        watched.add(model.targetProperty());
        watched.add(model.shownOutcomeProperty(AppStepViewModel.MICROSOFT_OUTCOME));
        Observable[] all = watched.toArray(Observable[]::new);
        staleReason = Bindings.createObjectBinding(() -> {
            boolean shown = model.shownOutcomeProperty(ADMIN).get() != null || model.shownOutcomeProperty(SIGN_IN).get() != null;
            StepState state = StepState.of(STEP, model);
            return shown && state.status() == StepStatus.STALE ? state.staleReason() : null;
        }, all);
        signInNeeded = Bindings.createBooleanBinding(() -> effectiveGrant() == Grant.DELEGATED, all);
        alreadyGranted = Bindings.createObjectBinding(this::grantedInStepTwo, all);
    }

    private final ObjectBinding<Message> staleReason;
    private final BooleanBinding signInNeeded;
    private final ObjectBinding<Message> alreadyGranted;

    private void restore(BrowserTaskState task, String key) {
        ShownOutcome last = model.shownOutcomeProperty(key).get();
        if (last != null) {
            task.done(last.status(), last.message(), last.fix(), last.proof());
        }
    }

    /** Shows an attempt's end and keeps it, as facts, for a page built again. */
    private void finish(BrowserTaskState task, String key, Status status, Message message, Message fix, Message proof) {
        task.done(status, message, fix, proof);
        model.shownOutcomeProperty(key).set(new ShownOutcome(status, message, fix, proof, List.of()));
    }

    /**
     * Step 2's token already carried Mail.Send for the app as entered now: consent is given, and
     * asking an administrator again would only repeat it. Null when not so proven.
     */
    private Message grantedInStepTwo() {
        if (effectiveGrant() != Grant.APPLICATION || !StepState.of("app", model).current()) {
            return null;
        }
        boolean proven = model.appFindings().stream()
                .anyMatch(f -> f.id().equals(AppCheckIds.MAIL_SEND) && f.status() == Status.PASS);
        ShownOutcome checked = model.shownOutcomeProperty(AppStepViewModel.MICROSOFT_OUTCOME).get();
        if (!proven || checked == null || checked.proof() == null) {
            return null;
        }
        return Message.of("consent.step.admin.already", checked.proof().args().toArray());
    }

    /** Why the outcomes shown no longer hold for what is entered now, or null. */
    public ObjectBinding<Message> staleReason() {
        return staleReason;
    }

    /** True when the plugin sends as a signed-in user: only then is "Sign in as the sender" needed. */
    public BooleanBinding signInNeeded() {
        return signInNeeded;
    }

    /** "Already granted, checked at ... for ..." when step 2 proved Mail.Send for the inputs as they are; else null. */
    public ObjectBinding<Message> alreadyGranted() {
        return alreadyGranted;
    }

    /** Asks for a new app-only token and looks for Mail.Send again, without a browser (consent already given). */
    public void recheckMailSend() {
        if (admin.busyProperty().get()) {
            return;
        }
        asked = StepInputs.snapshot(STEP, model);
        admin.starting(Message.of("consent.step.admin.rechecking"));
        proveMailSend(config());
    }

    public BrowserTaskState admin() {
        return admin;
    }

    public BrowserTaskState signIn() {
        return signIn;
    }

    public BooleanProperty rememberMeProperty() {
        return rememberMe;
    }

    public ObjectProperty<DelegatedSignIn.RedirectPlatform> platformProperty() {
        return platform;
    }

    /** The step holds no input: it may be left whenever nothing is running (its findings say what was proven). */
    public BooleanBinding canAdvance() {
        return admin.idleOrDone().and(signIn.idleOrDone());
    }

    /** Which of the two the chosen plugin needs. */
    public ObjectBinding<Message> grantHint() {
        return Bindings.createObjectBinding(() -> effectiveGrant() == Grant.DELEGATED
                ? Message.of("consent.step.hint.delegated") : Message.of("consent.step.hint.application"),
                model.grantProperty(), model.targetProperty());
    }

    /** The sign-in button's words, naming the sender. */
    public ObjectBinding<Message> signInLabel() {
        return Bindings.createObjectBinding(() -> Message.of("consent.step.signIn.button",
                model.senderProperty().get().isBlank() ? "?" : model.senderProperty().get().strip()),
                model.senderProperty());
    }

    /** Refreshes the countdowns; the view calls it about once a second. */
    public void tick(Instant now) {
        admin.tick(now);
        signIn.tick(now);
    }

    // ---- admin consent ------------------------------------------------------------------------

    public void grantAdminConsent() {
        if (admin.busyProperty().get()) {
            return;
        }
        MailConfig config = config();
        asked = StepInputs.snapshot(STEP, model);
        admin.starting(Message.of("consent.step.opening"));
        tasks.run(() -> services.adminConsent().begin(config))
                .onSuccess(session -> {
                    adminSession = session;
                    admin.waitingForBrowser(session.browserOpened() ? Message.of("consent.step.admin.waiting")
                                    : Message.of("consent.step.noBrowser"),
                            session.browserOpened() ? "" : session.authorizationUrl().toString(),
                            now -> Message.of("consent.step.timeLeft",
                                    BrowserTaskState.minutesSeconds(session.remaining(now))), clock.instant());
                    tasks.run(session::await).onSuccess(result -> adminAnswered(config, result))
                            .onError(this::adminFailed).start();
                })
                .onError(this::adminFailed)
                .start();
    }

    public void cancelAdminConsent() {
        admin.cancelling();
        AdminConsentFlow.Session session = adminSession;
        Cancellation cancellation = roleCancellation;
        if (cancellation != null) {
            cancellation.cancel();
        }
        closeInBackground(session);
    }

    private void adminAnswered(MailConfig config, AdminConsentResult result) {
        adminSession = null;
        ConsentFindings.admin(result).ifPresent(this::putFinding);
        if (result.status() == AdminConsentResult.Status.CANCELLED) {
            finish(admin, ADMIN, null, result.message(), null, null);
            return;
        }
        if (result.status() != AdminConsentResult.Status.GRANTED) {
            finish(admin, ADMIN, result.status() == AdminConsentResult.Status.REFUSED ? Status.FAIL : Status.ERROR,
                    result.message(), result.fix(), null);
            return;
        }
        if (config.secret().isEmpty()) {
            Finding notChecked = ConsentFindings.appRoleNotChecked();
            putFinding(notChecked);
            finish(admin, ADMIN, Status.WARN, notChecked.message(), null, null);
            return;
        }
        proveMailSend(config);
    }

    private void proveMailSend(MailConfig config) {
        MailSendRoleCheck.Progress progress = new MailSendRoleCheck.Progress();
        Cancellation cancellation = new Cancellation();
        roleCancellation = cancellation;
        admin.checking(Message.of("consent.step.admin.checking"), now -> {
            Instant next = progress.nextAttemptAt();
            return next == null
                    ? Message.of("consent.step.attemptNow", Math.max(1, progress.attempt()), progress.attempts())
                    : Message.of("consent.step.attemptIn", BrowserTaskState.minutesSeconds(BrowserTaskState.until(now, next)),
                            progress.attempt() + 1, progress.attempts());
        }, clock.instant());
        tasks.run(() -> new MailSendRoleCheck(services.appTokens(), clock)
                        .run(config, plan, progress, cancellation))
                .onSuccess(result -> {
                    roleCancellation = null;
                    Finding finding = ConsentFindings.appRole(result);
                    putFinding(finding);
                    if (result.status() == MailSendRoleCheck.Result.Status.PROVEN) {
                        model.applicationTokenProperty().set(result.token());
                    }
                    finish(admin, ADMIN, finding.status(), result.message(), result.fix(), appProof(result.token()));
                })
                .onError(this::adminFailed)
                .start();
    }

    private void adminFailed(Throwable error) {
        adminSession = null;
        roleCancellation = null;
        finish(admin, ADMIN, error instanceof ProblemException p && p.exitCode() == 2 ? Status.FAIL : Status.ERROR,
                problemOf(error), null, null);
    }

    // ---- sign-in as the sender ----------------------------------------------------------------

    public void signInAsSender() {
        if (signIn.busyProperty().get()) {
            return;
        }
        MailConfig config = config();
        asked = StepInputs.snapshot(STEP, model);
        DelegatedSignIn.Options options = new DelegatedSignIn.Options(rememberMe.get(), platform.get());
        signIn.starting(Message.of("consent.step.opening"));
        tasks.run(() -> services.signIn().begin(config, options))
                .onSuccess(session -> {
                    signInSession = session;
                    signIn.waitingForBrowser(session.browserOpened()
                                    ? Message.of("consent.step.signIn.waiting", session.sender())
                                    : Message.of("consent.step.noBrowser"),
                            session.browserOpened() ? "" : session.authorizationUrl().toString(),
                            now -> Message.of("consent.step.timeLeft",
                                    BrowserTaskState.minutesSeconds(session.remaining(now))), clock.instant());
                    tasks.run(session::await).onSuccess(result -> signedIn(session.sender(), result))
                            .onError(this::signInFailed).start();
                })
                .onError(this::signInFailed)
                .start();
    }

    public void cancelSignIn() {
        signIn.cancelling();
        closeInBackground(signInSession);
    }

    /** Closing the listener waits until its port is released: never on the FX thread. */
    private void closeInBackground(BrowserSession session) {
        if (session != null) {
            tasks.run(() -> {
                session.cancel();
                return null;
            }).start();
        }
    }

    private void signedIn(String sender, DelegatedResult result) {
        signInSession = null;
        List<Finding> findings = ConsentFindings.delegated(result, sender);
        if (result.status() != DelegatedResult.Status.CANCELLED) {
            recordInputs();
            model.consentFindings().removeIf(f -> Set.of(ConsentFindings.SIGN_IN, ConsentFindings.SCOPE,
                    ConsentFindings.SENDER, ConsentFindings.STORE).contains(f.id()));
            model.consentFindings().addAll(findings);
        }
        if (result.token() != null) {
            model.delegatedTokenProperty().set(result.token());
        }
        Status worst = findings.isEmpty() ? null : Status.worst(findings.stream().map(Finding::status).toList());
        Message shown = findings.stream().filter(f -> f.status() == worst && worst != Status.PASS)
                .map(Finding::message).findFirst().orElse(result.message());
        finish(signIn, SIGN_IN, worst, shown, result.fix(), result.token() == null ? null : delegatedProof(result.token()));
    }

    private void signInFailed(Throwable error) {
        signInSession = null;
        finish(signIn, SIGN_IN, error instanceof ProblemException p && p.exitCode() == 2 ? Status.FAIL : Status.ERROR,
                problemOf(error), null, null);
    }

    // ---- shared -------------------------------------------------------------------------------

    /** Stops whatever is running (the user left the step or closed the window). */
    public void cancelAll() {
        if (admin.busyProperty().get()) {
            cancelAdminConsent();
        }
        if (signIn.busyProperty().get()) {
            cancelSignIn();
        }
    }

    /**
     * The step's findings all belong to one set of inputs: an answer for other inputs than the kept
     * findings' replaces them all, not only the finding with its id.
     */
    private void recordInputs() {
        if (asked == null) {
            return;
        }
        if (!asked.equals(model.checkedForProperty(STEP).get())) {
            model.consentFindings().clear();
        }
        model.checkedForProperty(STEP).set(asked);
    }

    private Grant effectiveGrant() {
        if (model.grantProperty().get() != null) {
            return model.grantProperty().get();
        }
        return model.targetProperty().get() == null ? Grant.APPLICATION : model.targetProperty().get().defaultGrant();
    }

    private void putFinding(Finding finding) {
        recordInputs();
        model.consentFindings().removeIf(f -> f.id().equals(finding.id()));
        model.consentFindings().add(finding);
    }

    private Message appProof(AccessToken token) {
        if (token == null) {
            return null;
        }
        return Message.of("consent.step.proof.app", orDash(token.tenantId()),
                token.roles().isEmpty() ? "-" : String.join(", ", token.roles()), until(token));
    }

    private Message delegatedProof(AccessToken token) {
        return Message.of("consent.step.proof.delegated", orDash(token.userPrincipal()), orDash(token.tenantId()),
                token.scopes().isEmpty() ? "-" : String.join(" ", token.scopes()), until(token));
    }

    private String until(AccessToken token) {
        return token.expiresOn() == null ? "-" : TIME.format(token.expiresOn().atZone(ZoneId.systemDefault()));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    private static Message problemOf(Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem.problem();
        }
        return Message.of("consent.step.failed", error.getClass().getSimpleName());
    }

    /** The setup as the flows need it, straight from what the earlier steps hold. */
    private MailConfig config() {
        String tenantId = model.tenantIdProperty().get().strip();
        return MailConfig.builder()
                .cloud(model.cloudProperty().get())
                .endpointOverride(model.endpointOverrideProperty().get())
                .tenantId(tenantId.isEmpty() ? blankToNull(model.tenantProperty().get()) : tenantId)
                .tenantDomain(blankToNull(model.tenantDomainProperty().get()))
                .clientId(blankToNull(model.clientIdProperty().get()))
                .clientSecret(blankToNull(model.clientSecretProperty().get()))
                .sender(blankToNull(model.senderProperty().get()))
                .target(model.targetProperty().get())
                .grant(model.grantProperty().get())
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
