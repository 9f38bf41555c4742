// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.aad.msal4j.MsalProcessState;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.auth.AppInputValidator;
import org.m365mailwizard.core.auth.AppRegistrationCheck;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.auth.TenantDiscovery;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.testsupport.BackgroundWork;
import org.m365mailwizard.testsupport.EntraStandIn;
import org.m365mailwizard.testsupport.TrackedPool;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.shell.StepState;
import org.m365mailwizard.ui.shell.WizardModel;

/** The step's logic without a toolkit: same-thread delivery, the identity platform on loopback https. */
class AppStepViewModelTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final String tenant = UUID.randomUUID().toString();
    private final String clientId = UUID.randomUUID().toString();
    private final String secret = "Q1w8Q~" + UUID.randomUUID().toString().replace("-", "") + "Ab";
    private EntraStandIn entra;
    private TrackedPool executor;
    private WizardModel model;
    private AppStepViewModel vm;
    private AppRegistrationCheck check;

    @BeforeEach
    void start() {
        MsalProcessState.reset();
        entra = EntraStandIn.start();
        executor = new TrackedPool(2, "app-step-test");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        check = new AppRegistrationCheck(new AppInputValidator(CLOCK),
                new TenantDiscovery(http, new com.fasterxml.jackson.databind.ObjectMapper(), Duration.ofSeconds(5)),
                new AppTokenService(executor, Duration.ofSeconds(5)));
        model = new WizardModel();
        model.endpointOverrideProperty().set(entra.endpoints());
        model.targetProperty().set(PluginTarget.OTHER);
        model.grantProperty().set(Grant.APPLICATION);
        vm = new AppStepViewModel(model, check, FxTasks.sameThread(), CLOCK);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        entra.close();
    }

    private void fill() {
        model.tenantProperty().set("contoso.onmicrosoft.com");
        model.clientIdProperty().set(clientId);
        model.clientSecretProperty().set(secret);
        model.clientSecretExpiresProperty().set(TODAY.plusMonths(6));
    }

    private Finding finding(String id) {
        return model.appFindings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + model.appFindings()));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void typingChecksEachValueAtOnce() {
        assertThat(vm.canAdvance().get()).isFalse();
        model.clientSecretProperty().set(UUID.randomUUID().toString());

        assertThat(finding(AppCheckIds.SECRET).message().key()).isEqualTo("app.secret.isSecretId");

        fill();
        assertThat(finding(AppCheckIds.SECRET).status()).isEqualTo(Status.PASS);
        assertThat(vm.canAdvance().get()).isTrue();
    }

    @Test
    void typedValuesAreKeptEvenWhenWrong() {
        model.clientIdProperty().set("  not a guid ");
        assertThat(model.clientIdProperty().get()).isEqualTo("  not a guid ");
        assertThat(vm.canAdvance().get()).isFalse();
    }

    @Test
    void redirectUriFollowsSiteAndPlugin() {
        model.siteUrlProperty().set("https://www.contoso.com");
        model.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
        assertThat(model.redirectUriProperty().get()).isEqualTo("https://www.contoso.com/wp-admin/");
        assertThat(vm.multiTenantRequired().get()).isTrue();

        model.targetProperty().set(PluginTarget.FLUENTSMTP);
        model.plainPermalinksProperty().set(true);
        assertThat(model.redirectUriProperty().get())
                .isEqualTo("https://www.contoso.com/index.php?rest_route=/fluent-smtp/outlook_callback");
        assertThat(vm.redirectComputed().get()).isTrue();
        assertThat(vm.multiTenantRequired().get()).isFalse();
    }

    @Test
    void checkWithMicrosoftStoresTheTokenAndTheTenantGuid() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        fill();

        vm.checkWithMicrosoft();
        await(() -> !vm.runningProperty().get());

        assertThat(finding(AppCheckIds.TOKEN).status()).isEqualTo(Status.PASS);
        assertThat(finding(AppCheckIds.MAIL_SEND).status()).isEqualTo(Status.PASS);
        assertThat(model.applicationTokenProperty().get().roles()).contains("Mail.Send");
        assertThat(model.tenantIdProperty().get()).isEqualTo(tenant);
        assertThat(model.tenantDomainProperty().get()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(vm.adminConsentUrlProperty().get()).isEmpty();
    }

    @Test
    void missingMailSendOffersTheAdminConsentLink() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.token(tenant, clientId, tenant, List.of());
        fill();

        vm.checkWithMicrosoft();
        await(() -> !vm.runningProperty().get());

        assertThat(finding(AppCheckIds.MAIL_SEND).status()).isEqualTo(Status.FAIL);
        assertThat(vm.adminConsentUrlProperty().get()).startsWith(entra.baseUri() + "/" + tenant + "/v2.0/adminconsent?");
    }

    @Test
    void changingTheSecretDropsTheTokenAndMarksMicrosoftsAnswerStale() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        fill();
        vm.checkWithMicrosoft();
        await(() -> !vm.runningProperty().get());
        assertThat(model.applicationTokenProperty().get()).isNotNull();
        assertThat(StepState.of("app", model).status()).isEqualTo(StepStatus.PASSED);

        model.clientSecretProperty().set(secret + "x");

        assertThat(model.applicationTokenProperty().get()).isNull();
        StepState state = StepState.of("app", model);
        assertThat(state.status()).isEqualTo(StepStatus.STALE);
        assertThat(state.staleReason().key()).isEqualTo("result.stale.secret");
    }

    @Test
    void aStepBuiltAgainForAnotherLanguageKeepsMicrosoftsAnswer() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        fill();
        vm.checkWithMicrosoft();
        await(() -> !vm.runningProperty().get());
        List<Finding> checked = List.copyOf(model.appFindings());
        assertThat(checked).extracting(Finding::id).contains(AppCheckIds.TOKEN, AppCheckIds.MAIL_SEND);

        AppStepViewModel rebuilt = new AppStepViewModel(model, check, FxTasks.sameThread(), CLOCK);

        assertThat(model.appFindings()).containsExactlyElementsOf(checked);
        assertThat(StepState.of("app", model).status()).isEqualTo(StepStatus.PASSED);
        assertThat(rebuilt.canAdvance().get()).isTrue();
    }

    @Test
    void aRefusedSecretMarksTheSecretAndKeepsNextOffUntilTheSecretChanges() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.tokenError(tenant, clientId, 401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided.");
        fill();
        assertThat(vm.canAdvance().get()).isTrue();

        vm.checkWithMicrosoft();
        await(() -> !vm.runningProperty().get());

        assertThat(vm.fieldFinding(AppCheckIds.SECRET)).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.message().key()).isEqualTo("app.aadsts.7000215.message");
        });
        assertThat(vm.fieldFinding(AppCheckIds.CLIENT_ID)).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(Status.PASS));
        assertThat(vm.blockedReason().get()).isEqualTo(Message.of("app.step.blocked"));
        assertThat(vm.canAdvance().get()).as("Next after a refusal").isFalse();
        assertThat(vm.answeredAt()).isEqualTo(Message.of("app.step.answeredAt", "00:00", clientId));

        model.clientSecretProperty().set(secret + "x");

        // Microsoft's answer stays, said to be about the earlier secret; it no longer blocks or marks.
        assertThat(model.appFindings()).extracting(Finding::id).contains(AppCheckIds.TOKEN);
        assertThat(vm.staleReason().get()).isEqualTo(Message.of("result.stale.secret"));
        assertThat(vm.blockedReason().get()).isNull();
        assertThat(vm.canAdvance().get()).isTrue();
        assertThat(vm.fieldFinding(AppCheckIds.SECRET)).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }

    @Test
    void aMissingConsentDoesNotKeepNextOffTheConsentStepIsWhereItIsGiven() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.token(tenant, clientId, tenant, List.of());
        fill();

        vm.checkWithMicrosoft();
        await(() -> !vm.runningProperty().get());

        assertThat(finding(AppCheckIds.MAIL_SEND).status()).isEqualTo(Status.FAIL);
        assertThat(vm.blockedReason().get()).isNull();
        assertThat(vm.canAdvance().get()).isTrue();
    }

    @Test
    void anotherServerNeedsNoRedirectUriWhetherChosenHereOrLoadedFromAFile() {
        model.siteUrlProperty().set("https://www.contoso.com");
        model.grantProperty().set(null);
        model.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
        assertThat(model.redirectUriProperty().get()).startsWith("https://www.contoso.com/");
        assertThat(vm.redirectNeeded().get()).isTrue();

        model.targetProperty().set(PluginTarget.OTHER);

        assertThat(model.redirectUriProperty().get()).as("the earlier plugin's URI is dropped").isEmpty();
        assertThat(vm.redirectNeeded().get()).isFalse();
        Finding chosenHere = finding(AppCheckIds.REDIRECT_URI);
        assertThat(chosenHere.message().key()).isEqualTo("app.redirect.notNeeded");

        WizardModel loaded = new WizardModel();
        loaded.siteUrlProperty().set("https://www.contoso.com");
        loaded.targetProperty().set(PluginTarget.OTHER);
        AppStepViewModel fromFile = new AppStepViewModel(loaded, check, FxTasks.sameThread(), CLOCK);
        assertThat(fromFile.redirectNeeded().get()).isFalse();
        assertThat(loaded.appFindings().stream().filter(f -> f.id().equals(AppCheckIds.REDIRECT_URI)).findFirst())
                .contains(chosenHere);
    }

    @Test
    void aTypedRedirectUriForAnotherServerIsNotSaidToMatchAPlugin() {
        model.siteUrlProperty().set("https://www.contoso.com");
        model.grantProperty().set(Grant.DELEGATED);
        model.redirectUriProperty().set("https://app.contoso.com/callback");

        assertThat(vm.redirectNeeded().get()).isTrue();
        assertThat(finding(AppCheckIds.REDIRECT_URI).message())
                .isEqualTo(Message.of("app.redirect.okRules", "https://app.contoso.com/callback"));
    }

    @Test
    void discoveryAloneSendsNoSecret() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        fill();

        vm.discoverTenant();
        await(() -> !vm.runningProperty().get());

        assertThat(finding(AppCheckIds.TENANT_DISCOVERY).status()).isEqualTo(Status.PASS);
        assertThat(model.tenantIdProperty().get()).isEqualTo(tenant);
        assertThat(entra.tokenRequestBodies()).isEmpty();
    }

    @Test
    void wrongInputSendsNothing() {
        fill();
        model.clientSecretProperty().set(UUID.randomUUID().toString());

        vm.checkWithMicrosoft();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(entra.requests()).isEmpty();
    }

    @Test
    void cancelDropsTheLateAnswer() throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.slowToken(tenant, clientId, tenant, List.of("Mail.Send"), 1500);
        fill();

        vm.checkWithMicrosoft();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.progressProperty().get().key()).isEqualTo("app.step.progress.token");
        vm.cancel();
        assertThat(vm.runningProperty().get()).isFalse();
        // The answer comes after the cancel: once the token request has been made and the pool is idle,
        // the run is over and whatever it delivered has been delivered.
        BackgroundWork.await("the token request", () -> !entra.tokenRequestBodies().isEmpty());
        executor.awaitIdle();

        assertThat(model.applicationTokenProperty().get()).isNull();
        assertThat(model.appFindings()).extracting(Finding::id).doesNotContain(AppCheckIds.TOKEN);
    }
}
