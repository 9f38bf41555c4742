// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.consent.AdminConsentFlow;
import org.m365mailwizard.core.auth.consent.ApplicationTokenSource;
import org.m365mailwizard.core.auth.consent.BrowserOpener;
import org.m365mailwizard.core.auth.consent.ConsentFlows;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.auth.consent.MailSendRoleCheck;
import org.m365mailwizard.core.auth.consent.ProtectedTokenStore;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.IdentityProviderStandIn;
import org.m365mailwizard.testsupport.ScriptedBrowser;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.WizardModel;

/** The step's logic without a toolkit: real flows against the HTTPS stand-in, a scripted browser, a fake token service. */
class ConsentStepViewModelTest {

    private static final String SENDER = "web@contoso.com";
    private static final MailSendRoleCheck.Plan QUICK = new MailSendRoleCheck.Plan(List.of(Duration.ZERO, Duration.ofMillis(20)));

    @TempDir
    Path store;
    private IdentityProviderStandIn idp;
    private final ScriptedBrowser browser = new ScriptedBrowser();
    private final WizardModel model = new WizardModel();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private ExecutorService background;

    @BeforeEach
    void start() {
        idp = IdentityProviderStandIn.start();
        model.tenantProperty().set(IdentityProviderStandIn.TENANT);
        model.clientIdProperty().set(IdentityProviderStandIn.CLIENT_ID);
        model.clientSecretProperty().set("abc8Q~not-a-real-secret-0123456789abcdefgh");
        model.senderProperty().set(SENDER);
        model.endpointOverrideProperty().set(idp.endpoints());
        background = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        idp.close();
    }

    private ConsentStepViewModel vm(BrowserOpener opener, FxTasks tasks, Clock clock, ApplicationTokenSource tokens) {
        Texts texts = new Texts(Language.ENGLISH);
        ConsentFlows services = new ConsentFlows(
                new AdminConsentFlow(opener, texts, clock, new SecureRandom(), Duration.ofMinutes(5)),
                new DelegatedSignIn(opener, texts, clock, new SecureRandom(), Duration.ofMinutes(5),
                        new ProtectedTokenStore(store, System.getProperty("os.name"))),
                tokens);
        return new ConsentStepViewModel(model, services, QUICK, tasks, clock);
    }

    private ApplicationTokenSource tokensWithRolesFromCall(int call, String... roles) {
        return config -> {
            int n = tokenCalls.incrementAndGet();
            return new AccessToken("eyJ.app.token", Instant.now().plusSeconds(3600), n >= call ? List.of(roles) : List.of(),
                    List.of(), IdentityProviderStandIn.TENANT, null);
        };
    }

    private Finding finding(String id) {
        return model.consentFindings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void adminConsentThenAProvenMailSendRoleFillsTheModel() {
        idp.adminConsentGranted();
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(),
                tokensWithRolesFromCall(2, "Mail.Send"));

        vm.grantAdminConsent();

        assertThat(vm.admin().phaseProperty().get()).isEqualTo(BrowserTaskState.Phase.DONE);
        assertThat(vm.admin().outcomeProperty().get()).isEqualTo(Status.PASS);
        assertThat(finding("consent-admin").status()).isEqualTo(Status.PASS);
        assertThat(finding("consent-app-role").status()).isEqualTo(Status.PASS);
        assertThat(tokenCalls.get()).as("retried while consent propagated").isEqualTo(2);
        assertThat(model.applicationTokenProperty().get().roles()).containsExactly("Mail.Send");
        assertThat(vm.admin().summaryProperty().get().key()).isEqualTo("consent.step.proof.app");
        assertThat(vm.admin().summaryProperty().get().args()).contains(IdentityProviderStandIn.TENANT, "Mail.Send");
        assertThat(vm.canAdvance().get()).isTrue();
    }

    @Test
    void withoutASecretTheConsentIsRecordedButNotProven() {
        idp.adminConsentGranted();
        model.clientSecretProperty().set("");
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(),
                tokensWithRolesFromCall(1, "Mail.Send"));

        vm.grantAdminConsent();

        assertThat(finding("consent-app-role").status()).isEqualTo(Status.WARN);
        assertThat(vm.admin().outcomeProperty().get()).isEqualTo(Status.WARN);
        assertThat(tokenCalls.get()).isZero();
        assertThat(model.applicationTokenProperty().get()).isNull();
    }

    @Test
    void aDeclinedConsentFailsWithItsExplanation() {
        idp.adminConsentError("access_denied", "AADSTS65004: User declined to consent to access the app.");
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(),
                tokensWithRolesFromCall(1, "Mail.Send"));

        vm.grantAdminConsent();

        assertThat(vm.admin().outcomeProperty().get()).isEqualTo(Status.FAIL);
        assertThat(vm.admin().messageProperty().get().key()).isEqualTo("app.aadsts.65004.message");
        assertThat(finding("consent-admin").status()).isEqualTo(Status.FAIL);
        assertThat(tokenCalls.get()).isZero();
    }

    @Test
    void withoutABrowserTheUrlIsOfferedWithACountdownAndTheStepWaitsWithoutBlocking() throws Exception {
        idp.adminConsentGranted();
        Instant t0 = Instant.now();
        ConsentStepViewModel vm = vm(browser.noBrowser(), new FxTasks(background, Runnable::run), Clock.systemUTC(),
                tokensWithRolesFromCall(1, "Mail.Send"));

        vm.grantAdminConsent();
        await(() -> !vm.admin().manualUrlProperty().get().isEmpty());

        assertThat(vm.admin().phaseProperty().get()).isEqualTo(BrowserTaskState.Phase.WAITING_FOR_BROWSER);
        assertThat(vm.admin().messageProperty().get().key()).isEqualTo("consent.step.noBrowser");
        assertThat(vm.canAdvance().get()).isFalse();
        vm.tick(t0.plusSeconds(61));
        assertThat(vm.admin().progressProperty().get()).isIn(Message.of("consent.step.timeLeft", "3:59"),
                Message.of("consent.step.timeLeft", "4:00"));
        browser.visit(java.net.URI.create(vm.admin().manualUrlProperty().get()));
        await(() -> vm.admin().phaseProperty().get() == BrowserTaskState.Phase.DONE);
        assertThat(vm.admin().outcomeProperty().get()).isEqualTo(Status.PASS);
        assertThat(vm.admin().manualUrlProperty().get()).isEmpty();
    }

    @Test
    void cancelEndsTheWaitAndAnImmediateRetryWorks() throws Exception {
        idp.adminConsentGranted();
        ConsentStepViewModel vm = vm(browser.noBrowser(), new FxTasks(background, Runnable::run), Clock.systemUTC(),
                tokensWithRolesFromCall(1, "Mail.Send"));
        vm.grantAdminConsent();
        await(() -> vm.admin().phaseProperty().get() == BrowserTaskState.Phase.WAITING_FOR_BROWSER);
        String firstUrl = vm.admin().manualUrlProperty().get();

        vm.cancelAdminConsent();
        await(() -> vm.admin().phaseProperty().get() == BrowserTaskState.Phase.DONE);

        assertThat(vm.admin().messageProperty().get().key()).isEqualTo("consent.admin.cancelled");
        assertThat(model.consentFindings()).isEmpty();
        vm.grantAdminConsent();
        await(() -> !vm.admin().manualUrlProperty().get().isEmpty());
        assertThat(vm.admin().manualUrlProperty().get()).isNotEqualTo(firstUrl);
        browser.visit(java.net.URI.create(vm.admin().manualUrlProperty().get()));
        await(() -> vm.admin().phaseProperty().get() == BrowserTaskState.Phase.DONE);
        assertThat(vm.admin().outcomeProperty().get()).isEqualTo(Status.PASS);
    }

    @Test
    void whileConsentPropagatesTheNextAttemptIsCountedDown() throws Exception {
        idp.adminConsentGranted();
        ConsentStepViewModel vm = new ConsentStepViewModel(model, new ConsentFlows(
                new AdminConsentFlow(browser.opener(), new Texts(Language.ENGLISH), Clock.systemUTC(), new SecureRandom(),
                        Duration.ofMinutes(5)),
                new DelegatedSignIn(browser.opener(), new Texts(Language.ENGLISH), Clock.systemUTC(), new SecureRandom(),
                        Duration.ofMinutes(5), new ProtectedTokenStore(store, "linux")),
                tokensWithRolesFromCall(99)), new MailSendRoleCheck.Plan(List.of(Duration.ZERO, Duration.ofSeconds(30))),
                new FxTasks(background, Runnable::run), Clock.systemUTC());

        vm.grantAdminConsent();
        await(() -> tokenCalls.get() == 1 && vm.admin().phaseProperty().get() == BrowserTaskState.Phase.CHECKING);
        // The countdown shows once the check has planned its next attempt: waited for, not slept for.
        await(() -> {
            vm.tick(Instant.now());
            var progress = vm.admin().progressProperty().get();
            return progress != null && "consent.step.attemptIn".equals(progress.key());
        });

        assertThat(vm.admin().progressProperty().get().args()).endsWith("2", "2");
        vm.cancelAdminConsent();
        await(() -> vm.admin().phaseProperty().get() == BrowserTaskState.Phase.DONE);
        assertThat(finding("consent-app-role").status()).isEqualTo(Status.WARN);
        assertThat(tokenCalls.get()).isEqualTo(1);
    }

    @Test
    void signInAsTheSenderProvesDelegatedMailSendAndStoresTheToken() {
        idp.authorizeIssuesCode("c");
        idp.tokenIssued("https://graph.example.test/Mail.Send https://graph.example.test/User.Read", SENDER);
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(), tokensWithRolesFromCall(1));

        vm.signInAsSender();

        assertThat(vm.signIn().outcomeProperty().get()).isEqualTo(Status.PASS);
        assertThat(model.delegatedTokenProperty().get().userPrincipal()).isEqualTo(SENDER);
        assertThat(model.consentFindings()).extracting(Finding::id)
                .containsExactly("consent-sign-in", "consent-delegated-scope", "consent-sender");
        assertThat(vm.signIn().summaryProperty().get().key()).isEqualTo("consent.step.proof.delegated");
        assertThat(vm.signInLabel().get()).isEqualTo(Message.of("consent.step.signIn.button", SENDER));
    }

    @Test
    void signingInAsSomeoneElseShowsTheSendAsExplanation() {
        idp.authorizeIssuesCode("c");
        idp.tokenIssued("https://graph.example.test/Mail.Send", "admin@contoso.com");
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(), tokensWithRolesFromCall(1));

        vm.signInAsSender();

        assertThat(vm.signIn().outcomeProperty().get()).isEqualTo(Status.FAIL);
        assertThat(vm.signIn().messageProperty().get().key()).isEqualTo("consent.sender.other");
        assertThat(finding("consent-sender").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void missingValuesFromEarlierStepsAreNamed() {
        model.clientIdProperty().set(" ");
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(), tokensWithRolesFromCall(1));

        vm.grantAdminConsent();
        vm.signInAsSender();

        assertThat(vm.admin().messageProperty().get().key()).isEqualTo("consent.input.noClientId");
        assertThat(vm.signIn().messageProperty().get().key()).isEqualTo("consent.input.noClientId");
        assertThat(browser.openedCount()).isZero();
    }

    @Test
    void theHintFollowsThePluginsGrant() {
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(), tokensWithRolesFromCall(1));
        model.targetProperty().set(org.m365mailwizard.core.config.PluginTarget.WPO365);
        assertThat(vm.grantHint().get().key()).isEqualTo("consent.step.hint.application");
        model.targetProperty().set(org.m365mailwizard.core.config.PluginTarget.WP_MAIL_SMTP);
        assertThat(vm.grantHint().get().key()).isEqualTo("consent.step.hint.delegated");
    }

    @Test
    void theLastOutcomeOutlivesThePageAndIsStaleOnceItsInputsChange() {
        idp.adminConsentError("access_denied", "AADSTS65004: User declined to consent to access the app.");
        vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(), tokensWithRolesFromCall(1, "Mail.Send"))
                .grantAdminConsent();

        // Built again, as after a language switch: the same outcome, still current.
        ConsentStepViewModel rebuilt = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(),
                tokensWithRolesFromCall(1, "Mail.Send"));
        assertThat(rebuilt.admin().outcomeProperty().get()).isEqualTo(Status.FAIL);
        assertThat(rebuilt.admin().messageProperty().get().key()).isEqualTo("app.aadsts.65004.message");
        assertThat(rebuilt.admin().fixProperty().get()).isNotNull();
        assertThat(rebuilt.staleReason().get()).isNull();

        model.senderProperty().set("other@contoso.com");

        assertThat(rebuilt.staleReason().get()).isEqualTo(Message.of("result.stale.sender", SENDER));
        assertThat(vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(), tokensWithRolesFromCall(1))
                .staleReason().get()).as("also on a page built after the change").isNotNull();
    }

    @Test
    void theSenderSignInIsOfferedOnlyForTheDelegatedGrant() {
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(), tokensWithRolesFromCall(1));
        model.targetProperty().set(org.m365mailwizard.core.config.PluginTarget.WPO365);
        assertThat(vm.signInNeeded().get()).isFalse();
        model.targetProperty().set(org.m365mailwizard.core.config.PluginTarget.WP_MAIL_SMTP);
        assertThat(vm.signInNeeded().get()).isTrue();
        model.grantProperty().set(org.m365mailwizard.core.config.Grant.APPLICATION);
        assertThat(vm.signInNeeded().get()).isFalse();
    }

    @Test
    void mailSendProvenInStepTwoIsSaidToBeGrantedAndCanBeCheckedAgainWithoutABrowser() {
        model.grantProperty().set(org.m365mailwizard.core.config.Grant.APPLICATION);
        ConsentStepViewModel vm = vm(browser.opener(), FxTasks.sameThread(), Clock.systemUTC(),
                tokensWithRolesFromCall(1, "Mail.Send"));
        assertThat(vm.alreadyGranted().get()).isNull();

        stepTwoProvedMailSend();

        assertThat(vm.alreadyGranted().get())
                .isEqualTo(Message.of("consent.step.admin.already", "16:05", IdentityProviderStandIn.CLIENT_ID));

        vm.recheckMailSend();

        assertThat(browser.openedCount()).isZero();
        assertThat(tokenCalls.get()).isEqualTo(1);
        assertThat(vm.admin().outcomeProperty().get()).isEqualTo(Status.PASS);
        assertThat(finding("consent-app-role").status()).isEqualTo(Status.PASS);

        // Proven for another app than the one entered now: no longer a reason to skip the consent.
        model.clientIdProperty().set("11111111-2222-3333-4444-555555555555");
        assertThat(vm.alreadyGranted().get()).isNull();
    }

    /** What step 2 leaves in the model after Microsoft's token carried Mail.Send. */
    private void stepTwoProvedMailSend() {
        model.checkedForProperty("app").set(org.m365mailwizard.ui.shell.StepInputs.snapshot("app", model));
        model.appFindings().setAll(
                Finding.of(org.m365mailwizard.core.auth.AppCheckIds.TOKEN, Status.PASS, "", List.of(), Message.of("app.token.ok", "t")),
                Finding.of(org.m365mailwizard.core.auth.AppCheckIds.MAIL_SEND, Status.PASS, "", List.of(), Message.of("app.mailSend.ok")));
        Message when = Message.of("app.step.answeredAt", "16:05", IdentityProviderStandIn.CLIENT_ID);
        model.shownOutcomeProperty(org.m365mailwizard.ui.step.app.AppStepViewModel.MICROSOFT_OUTCOME)
                .set(new org.m365mailwizard.ui.common.ShownOutcome(Status.PASS, when, null, when, List.of()));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
