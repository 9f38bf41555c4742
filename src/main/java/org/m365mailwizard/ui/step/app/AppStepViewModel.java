// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.auth.AppInputReport;
import org.m365mailwizard.core.auth.AppRegistrationCheck;
import org.m365mailwizard.core.auth.EntraLinks;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.Permalinks;
import org.m365mailwizard.core.config.PluginTarget;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import javafx.beans.binding.ObjectBinding;
import org.m365mailwizard.core.auth.AadError;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ShownOutcome;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.shell.StepState;
import org.m365mailwizard.ui.shell.CheckedFor;
import org.m365mailwizard.ui.shell.StepInputs;
import org.m365mailwizard.ui.shell.WizardModel;

/**
 * Step 2's state and actions, without any Node: the typed values live in the shared {@link WizardModel};
 * this checks them on every change, runs tenant discovery and the token check on request (one at a
 * time, cancellable), and writes every finding to {@link WizardModel#appFindings()}, the inputs Microsoft
 * judged to {@link WizardModel#checkedForProperty} and the token to
 * {@link WizardModel#applicationTokenProperty()}. A change to a value that Microsoft has judged drops
 * the token; the judgement stays, and the shell shows it as stale ({@code StepState}).
 */
public final class AppStepViewModel {

    private static final String STEP = "app";
    /** The key of Microsoft's last answer in {@link WizardModel#shownOutcomeProperty}: when, and for which client. */
    public static final String MICROSOFT_OUTCOME = "app/microsoft";
    /** Answers from Microsoft, as opposed to the checks of what is typed. */
    private static final Set<String> MICROSOFT_IDS = Set.of(AppCheckIds.TENANT_DISCOVERY, AppCheckIds.TOKEN,
            AppCheckIds.MAIL_SEND);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final WizardModel model;
    private final AppRegistrationCheck check;
    private final FxTasks tasks;

    private final ReadOnlyObjectWrapper<AppInputReport> input = new ReadOnlyObjectWrapper<>();
    private final List<Finding> remoteFindings = new ArrayList<>();
    /** Local findings the last run with Microsoft revised (an expiry date Microsoft contradicted). */
    private List<Finding> localOverrides = List.of();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Message> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper adminConsentUrl = new ReadOnlyStringWrapper("");
    private final StringBinding computedRedirectUri;
    private final BooleanBinding redirectComputed;
    private final BooleanBinding multiTenantRequired;
    private final BooleanBinding canAdvance;
    private final BooleanBinding redirectNeeded;
    private final ObjectBinding<Message> staleReason;
    private final ObjectBinding<Message> blockedReason;
    private final Clock clock;
    private FxTasks.Handle current;

    /** @param clock says when Microsoft answered ("checked at 16:05") */
    public AppStepViewModel(WizardModel model, AppRegistrationCheck check, FxTasks tasks, Clock clock) {
        this.model = model;
        this.check = check;
        this.tasks = tasks;
        this.clock = clock;
        computedRedirectUri = Bindings.createStringBinding(this::pluginRedirectUri, model.siteUrlProperty(),
                model.wordpressUrlProperty(),
                model.targetProperty(), model.plainPermalinksProperty());
        redirectComputed = computedRedirectUri.isNotEmpty();
        multiTenantRequired = Bindings.createBooleanBinding(
                () -> model.targetProperty().get() != null && model.targetProperty().get().signsInThroughCommon(),
                model.targetProperty());
        // The redirect URI follows the site and plugin whenever the plugin decides it; a plugin that
        // decides none (another server) drops the one the earlier plugin would have sent.
        computedRedirectUri.addListener((o, old, now) -> {
            if (!now.isEmpty()) {
                model.redirectUriProperty().set(now);
            } else if (old != null && !old.isEmpty() && old.equals(model.redirectUriProperty().get())) {
                model.redirectUriProperty().set("");
            }
        });
        if (!computedRedirectUri.get().isEmpty()) {
            model.redirectUriProperty().set(computedRedirectUri.get());
        }
        Observable[] identity = {model.tenantProperty(), model.clientIdProperty(), model.clientSecretProperty(),
            model.cloudProperty(), model.endpointOverrideProperty()};
        for (Observable o : identity) {
            o.addListener(x -> {
                forgetMicrosoftsAnswers();
                revalidate();
            });
        }
        for (Observable o : new Observable[] {model.clientSecretExpiresProperty(), model.redirectUriProperty(),
            model.targetProperty(), model.siteUrlProperty(), model.wordpressUrlProperty(), model.grantProperty()}) {
            o.addListener(x -> revalidate());
        }
        redirectNeeded = Bindings.createBooleanBinding(() -> !computedRedirectUri.get().isEmpty()
                        || effectiveGrant() == Grant.DELEGATED || !model.redirectUriProperty().get().isBlank(),
                computedRedirectUri, model.grantProperty(), model.targetProperty(), model.redirectUriProperty());
        List<Observable> watched = new ArrayList<>(model.inputs());
        watched.addAll(model.results());
        Observable[] all = watched.toArray(Observable[]::new);
        staleReason = Bindings.createObjectBinding(() -> {
            StepState state = StepState.of(STEP, model);
            return state.status() == StepStatus.STALE && microsoftFindings().findAny().isPresent()
                    ? state.staleReason() : null;
        }, all);
        blockedReason = Bindings.createObjectBinding(() -> staleReason.get() != null ? null
                : microsoftFindings().filter(f -> f.status() == Status.FAIL)
                .filter(f -> !f.id().equals(AppCheckIds.MAIL_SEND))
                .findFirst().map(f -> Message.of("app.step.blocked")).orElse(null), all);
        canAdvance = Bindings.createBooleanBinding(() -> input.get() != null && !input.get().blocksSending()
                && blockedReason.get() == null, input, blockedReason);
        List<Finding> earlier = List.copyOf(model.appFindings());
        revalidate();
        restore(earlier);
    }

    /**
     * The step is built again after a language switch: Microsoft's answers stay (they are facts about
     * the inputs, not words), so the user does not have to ask again.
     */
    private void restore(List<Finding> earlier) {
        if (model.checkedForProperty(STEP).get() == null) {
            return;
        }
        AppInputReport local = input.get();
        earlier.stream().filter(f -> local.finding(f.id()).isEmpty()).forEach(remoteFindings::add);
        localOverrides = earlier.stream().filter(f -> local.finding(f.id()).filter(l -> !l.equals(f)).isPresent())
                .toList();
        adminConsentUrl.set(consentLink(remoteFindings));
        publish();
    }

    /** The config the checks see: the wizard's values, as typed. */
    MailConfig config() {
        return MailConfig.builder()
                .cloud(model.cloudProperty().get())
                .endpointOverride(model.endpointOverrideProperty().get())
                .tenantId(model.tenantProperty().get())
                .clientId(model.clientIdProperty().get())
                .clientSecret(model.clientSecretProperty().get())
                .clientSecretExpires(model.clientSecretExpiresProperty().get())
                .redirectUri(model.redirectUriProperty().get())
                .siteUrl(siteUri().orElse(null))
                .wordpressUrl(uri(model.wordpressUrlProperty().get()).orElse(null))
                .grant(model.grantProperty().get())
                .target(model.targetProperty().get())
                .build();
    }

    /** Runs tenant discovery only (no secret is sent). */
    public void discoverTenant() {
        AppInputReport report = input.get();
        if (running.get() || !report.tenantUsable()) {
            return;
        }
        start("app.step.progress.discovery");
        MailConfig clean = report.applyTo(config());
        CheckedFor asked = StepInputs.snapshot(STEP, model);
        current = tasks.runAsync(() -> check.discover(clean))
                .onSuccess(discovery -> {
                    model.checkedForProperty(STEP).set(asked);
                    remoteFindings.clear();
                    remoteFindings.add(discovery.finding());
                    if (discovery.info() != null && discovery.finding().status() == Status.PASS) {
                        rememberTenant(clean.tenantId(), discovery.info().tenantId());
                    }
                    publish();
                })
                .onError(this::unexpected)
                .andFinally(this::finish)
                .start();
    }

    /** Runs everything against Microsoft: discovery, the token, the Mail.Send role. */
    public void checkWithMicrosoft() {
        AppInputReport report = input.get();
        if (running.get() || report.blocksSending()) {
            return;
        }
        start("app.step.progress.token");
        MailConfig typed = config();
        CheckedFor asked = StepInputs.snapshot(STEP, model);
        current = tasks.runAsync(() -> check.run(typed))
                .onSuccess(result -> {
                    model.checkedForProperty(STEP).set(asked);
                    remoteFindings.clear();
                    result.findings().stream().filter(f -> report.finding(f.id()).isEmpty()).forEach(remoteFindings::add);
                    localOverrides = result.findings().stream().filter(f -> report.finding(f.id()).isPresent()).toList();
                    if (result.tokenIfIssued().isPresent()) {
                        rememberTenant(report.tenant(), result.tenantId());
                        model.applicationTokenProperty().set(result.token());
                    }
                    adminConsentUrl.set(consentLink(result.findings()));
                    publish();
                    String at = TIME.format(clock.instant().atZone(clock.getZone()));
                    Message when = Message.of("app.step.answeredAt", at, typed.clientId() == null ? "-" : typed.clientId().strip());
                    model.shownOutcomeProperty(MICROSOFT_OUTCOME).set(new ShownOutcome(
                            Status.worst(result.findings().stream().map(Finding::status).toList()), when, null, when, List.of()));
                })
                .onError(this::unexpected)
                .andFinally(this::finish)
                .start();
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
        finish();
    }

    private void start(String progressKey) {
        running.set(true);
        progress.set(Message.of(progressKey));
    }

    private void finish() {
        running.set(false);
        progress.set(null);
    }

    private void unexpected(Throwable error) {
        // AppRegistrationCheck answers every outcome with a finding; this is a programming error.
        remoteFindings.clear();
        remoteFindings.add(Finding.of(AppCheckIds.TOKEN, Status.ERROR, "", List.of(),
                Message.of("app.check.unexpected", error.getClass().getSimpleName())));
        publish();
    }

    private void rememberTenant(String typed, String guid) {
        model.tenantIdProperty().set(guid);
        if (typed != null && typed.endsWith("." + model.cloudProperty().get().initialDomainSuffix())) {
            model.tenantDomainProperty().set(typed);
        }
    }

    /**
     * Microsoft's answers stay, marked stale by the shell (they belong to the inputs they were given
     * for); the token and the tenant it named are dropped, since later steps would use them.
     */
    private void forgetMicrosoftsAnswers() {
        if (current != null) {
            current.cancel();
            current = null;
            finish();
        }
        localOverrides = List.of();
        adminConsentUrl.set("");
        model.applicationTokenProperty().set(null);
        model.tenantIdProperty().set("");
    }

    private void revalidate() {
        input.set(check.validate(config()));
        localOverrides = List.of();
        publish();
    }

    private void publish() {
        List<Finding> all = new ArrayList<>();
        for (Finding f : input.get().findings()) {
            all.add(localOverrides.stream().filter(o -> o.id().equals(f.id())).findFirst().orElse(f));
        }
        all.addAll(remoteFindings);
        model.appFindings().setAll(all);
    }

    private static String consentLink(List<Finding> findings) {
        return findings.stream().filter(f -> f.id().equals(AppCheckIds.MAIL_SEND) && f.status() == Status.FAIL)
                .flatMap(f -> f.notes().stream()).filter(n -> n.key().equals("app.mailSend.missing.fix"))
                .map(n -> n.args().get(0)).findFirst().orElse("");
    }

    private String pluginRedirectUri() {
        PluginTarget target = model.targetProperty().get();
        Optional<URI> site = siteUri();
        if (target == null || site.isEmpty()) {
            return "";
        }
        Permalinks permalinks = model.plainPermalinksProperty().get() ? Permalinks.PLAIN : Permalinks.PRETTY;
        return target.redirectUri(site.get(), uri(model.wordpressUrlProperty().get()).orElse(null), permalinks)
                .orElse("");
    }

    private Optional<URI> siteUri() {
        return uri(model.siteUrlProperty().get());
    }

    private static Optional<URI> uri(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        try {
            URI uri = new URI(s);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The finding about one field (an id of {@link AppCheckIds}) as of the values right now: the check
     * of what is typed, or, when that has nothing against it, Microsoft's refusal that names this
     * field (a refused secret marks the secret) while it still belongs to the values typed.
     */
    public Optional<Finding> fieldFinding(String id) {
        Optional<Finding> local = check.validate(config()).finding(id);
        if (local.isPresent() && local.get().status() != Status.PASS) {
            return local;
        }
        if (staleReason.get() == null) {
            Optional<Finding> refusal = microsoftFindings().filter(f -> f.status() == Status.FAIL)
                    .filter(f -> id.equals(fieldOf(f))).findFirst();
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return local;
    }

    /** The field a refusal from Microsoft points at (AADSTS table), or null. */
    static String fieldOf(Finding finding) {
        if (finding.id().equals(AppCheckIds.TENANT_DISCOVERY)) {
            return AppCheckIds.TENANT;
        }
        return AadError.fromMessageKey(finding.message().key()).map(AadError::findingId).orElse(null);
    }

    /** True for an answer from Microsoft, false for a check of what is typed. */
    public static boolean fromMicrosoft(Finding finding) {
        return MICROSOFT_IDS.contains(finding.id());
    }

    private java.util.stream.Stream<Finding> microsoftFindings() {
        return model.appFindings().stream().filter(AppStepViewModel::fromMicrosoft);
    }

    private Grant effectiveGrant() {
        if (model.grantProperty().get() != null) {
            return model.grantProperty().get();
        }
        return model.targetProperty().get() == null ? Grant.APPLICATION : model.targetProperty().get().defaultGrant();
    }

    /** False when nothing needs a redirect URI (another server, app's own permission): the field is then hidden. */
    public BooleanBinding redirectNeeded() {
        return redirectNeeded;
    }

    /** Why Microsoft's answers shown no longer hold for what is typed ("the secret has changed since"), or null. */
    public ObjectBinding<Message> staleReason() {
        return staleReason;
    }

    /** Why Next is off although the values look right: Microsoft refused them; null otherwise. */
    public ObjectBinding<Message> blockedReason() {
        return blockedReason;
    }

    /** When Microsoft answered last and for which client ID, or null before any answer. */
    public Message answeredAt() {
        ShownOutcome last = model.shownOutcomeProperty(MICROSOFT_OUTCOME).get();
        return last == null ? null : last.message();
    }

    public WizardModel model() {
        return model;
    }

    public ReadOnlyObjectProperty<AppInputReport> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What is being asked of Microsoft right now, or null. */
    public ReadOnlyObjectProperty<Message> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The admin-consent link when the token lacks Mail.Send; empty otherwise. */
    public ReadOnlyStringProperty adminConsentUrlProperty() {
        return adminConsentUrl.getReadOnlyProperty();
    }

    /** The redirect URI the chosen plugin sends for the site, or empty when the plugin does not decide it. */
    public StringBinding computedRedirectUri() {
        return computedRedirectUri;
    }

    public BooleanBinding redirectComputed() {
        return redirectComputed;
    }

    public BooleanBinding multiTenantRequired() {
        return multiTenantRequired;
    }

    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    public URI tenantHelpLink() {
        return EntraLinks.tenantOverview(cloud());
    }

    public URI appHelpLink() {
        return EntraLinks.appRegistrations(cloud());
    }

    private Cloud cloud() {
        return model.cloudProperty().get() == null ? Cloud.GLOBAL : model.cloudProperty().get();
    }
}
