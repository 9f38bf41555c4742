// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.appsetup.AppSetupIds;
import org.m365mailwizard.core.appsetup.AppSetupService;
import org.m365mailwizard.core.appsetup.MailboxScoping;
import org.m365mailwizard.core.appsetup.SetupRequest;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.auth.consent.ProtectedTokenStore;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.AppSetupStandIn;
import org.m365mailwizard.testsupport.FakeTime;
import org.m365mailwizard.testsupport.ScriptedBrowser;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.WizardModel;

/** "Create it for me" and "Check and repair" without a window: sign-in, plan, apply, failure with undo, the model filled. */
class AppSetupViewModelTest {

    private static final String MX = "[{\"@odata.type\":\"#microsoft.graph.domainDnsMxRecord\",\"isOptional\":false,"
            + "\"label\":\"contoso.com\",\"recordType\":\"Mx\",\"supportedService\":\"Email\",\"ttl\":3600,"
            + "\"mailExchange\":\"contoso-com01c.mail.protection.outlook.com\",\"preference\":0}]";

    private AppSetupStandIn entra;
    private final WizardModel model = new WizardModel();
    private final Texts texts = new Texts(Language.ENGLISH);
    private final FakeTime time = new FakeTime(Instant.parse("2026-12-07T13:00:00Z"));
    private final ScriptedBrowser browser = new ScriptedBrowser();

    @BeforeEach
    void start() {
        entra = AppSetupStandIn.start();
        model.endpointOverrideProperty().set(entra.endpoints());
        model.domainProperty().set("contoso.com");
        model.senderProperty().set("wp@contoso.com");
        model.siteUrlProperty().set("https://www.contoso.com");
        model.targetProperty().set(PluginTarget.WPO365);
    }

    @AfterEach
    void stop() {
        entra.close();
    }

    private AppSetupViewModel vm(SetupRequest.Mode mode) {
        AppSetupService service = new AppSetupService(HttpClient.newHttpClient(), new ObjectMapper(), time, time,
                Duration.ofSeconds(10));
        // The scripted browser answers on its own thread, so the same-thread tasks may wait for it.
        DelegatedSignIn signIn = new DelegatedSignIn(browser.opener(), texts, Clock.systemUTC(), new SecureRandom(),
                Duration.ofSeconds(30), new ProtectedTokenStore(Path.of("target", "no-store"), "Linux"));
        return new AppSetupViewModel(model, service, signIn, Clock.systemUTC(), texts, FxTasks.sameThread(), Runnable::run,
                mode, () -> AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID);
    }

    @Test
    void createSignsInPlansAppliesAndFillsTheStep() {
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).createSucceeds()
                .domain("contoso.com", true, MX, "[]");
        AppSetupViewModel vm = vm(SetupRequest.Mode.CREATE);

        vm.signInAndPlan();

        String authorize = entra.authorizeRequests().get(0).getUrl();
        assertThat(authorize).contains("client_id=" + AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID, "code_challenge_method=S256",
                "response_mode=form_post", "redirect_uri=http%3A%2F%2Flocalhost%3A", "Application.ReadWrite.All",
                "AppRoleAssignment.ReadWrite.All", "Domain.Read.All").doesNotContain("login_hint");
        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.PLANNED);
        assertThat(vm.rows()).hasSize(6).allMatch(r -> r.state().equals("NOT RUN"));
        assertThat(vm.rows().get(0).text()).isEqualTo(
                "Create application \"Website mail - contoso.com\" (single tenant: only accounts of your organisation)");
        assertThat(entra.graphRequests()).isEmpty();

        vm.apply();

        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.DONE);
        assertThat(vm.rows()).allMatch(r -> r.state().equals("DONE"));
        assertThat(model.clientIdProperty().get()).isEqualTo(AppSetupStandIn.APP_ID);
        assertThat(model.tenantIdProperty().get()).isEqualTo(AppSetupStandIn.TENANT);
        assertThat(model.clientSecretProperty().get()).isEqualTo(AppSetupStandIn.SECRET_TEXT);
        assertThat(model.clientSecretExpiresProperty().get()).isEqualTo(LocalDate.of(2027, 12, 7));
        assertThat(model.redirectUriProperty().get()).isEqualTo("https://www.contoso.com/");
        assertThat(model.dnsRecordsProperty().get().mxHost()).contains("contoso-com01c.mail.protection.outlook.com");
        assertThat(vm.rbacCommandsProperty().get()).contains("New-ManagementRoleAssignment -App " + AppSetupStandIn.SP_ID)
                .contains("Test-ServicePrincipalAuthorization");
        assertThat(vm.permissionReasons()).hasSize(3);
    }

    @Test
    void aFailureOffersUndoAndUndoMarksTheChanges() {
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).createSucceeds()
                .refuse("POST", "/v1.0/applications/" + AppSetupStandIn.APP_OBJECT_ID + "/addPassword", 400,
                        "Request_BadRequest", "Invalid value specified for property 'endDateTime'.");
        AppSetupViewModel vm = vm(SetupRequest.Mode.CREATE);
        vm.signInAndPlan();
        vm.apply();

        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.FAILED);
        assertThat(vm.problemProperty().get()).contains("add client secret", "Request_BadRequest");
        assertThat(vm.rows().get(5).state()).isEqualTo("FAILED");
        assertThat(vm.canUndo()).isTrue();

        vm.undo();

        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.UNDONE);
        assertThat(vm.rows().get(0).state()).isEqualTo("UNDONE");
        assertThat(model.clientIdProperty().get()).isEmpty();
    }

    @Test
    void aMissingRoleIsSaidAndTheConsentLinkOffered() {
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.APPLICATION_ADMIN)).createSucceeds()
                .domain("contoso.com", true, MX, "[]");
        AppSetupViewModel vm = vm(SetupRequest.Mode.CREATE);
        vm.signInAndPlan();
        assertThat(vm.notes()).singleElement().asString().contains("Privileged Role Administrator",
                "you hold: Application Administrator");
        vm.apply();
        assertThat(vm.consentLinkProperty().get()).contains("/adminconsent?client_id=" + AppSetupStandIn.APP_ID);
    }

    @Test
    void repairOfAHealthyAppIsDoneAtOnce() {
        model.clientIdProperty().set(AppSetupStandIn.APP_ID);
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).existingApp("AzureADMyOrg",
                "[\"https://www.contoso.com/\"]", "[{\"resourceAppId\":\"00000003-0000-0000-c000-000000000000\","
                        + "\"resourceAccess\":[{\"id\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\",\"type\":\"Role\"}]}]",
                "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}]", true, true)
                .domain("contoso.com", true, MX, "[]");
        AppSetupViewModel vm = vm(SetupRequest.Mode.REPAIR);
        vm.signInAndPlan();
        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.DONE);
        assertThat(vm.findings()).singleElement().asString().contains("nothing to repair");
        assertThat(model.dnsRecordsProperty().get().isEmpty()).isFalse();
    }

    @Test
    void aDelegatedSetupWithoutDomainAsksOnlyForTheApplicationPermission() {
        model.grantProperty().set(org.m365mailwizard.core.config.Grant.DELEGATED);
        model.domainProperty().set("");
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).createSucceeds();
        AppSetupViewModel vm = vm(SetupRequest.Mode.CREATE);
        assertThat(vm.permissionReasons()).singleElement().asString().startsWith("Application.ReadWrite.All");

        vm.signInAndPlan();

        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.PLANNED);
        assertThat(entra.authorizeRequests().get(0).getUrl()).contains("Application.ReadWrite.All")
                .doesNotContain("AppRoleAssignment").doesNotContain("Domain.Read.All");
    }

    @Test
    void aDeclinedSignInSaysSoChangesNothingAndCanBeStartedAgain() {
        entra.browserSignInDeclined("organizations").createSucceeds();
        AppSetupViewModel vm = vm(SetupRequest.Mode.CREATE);

        vm.signInAndPlan();

        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.READY);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).isNotEmpty();
        assertThat(vm.rows()).isEmpty();
        assertThat(entra.graphRequests()).isEmpty();
    }

    @Test
    void afterRbacForApplicationsTheTenantWideConsentIsRemovedVerifiedAndGrantedAgainOnUndo() {
        model.clientIdProperty().set(AppSetupStandIn.APP_ID);
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).consentRemovable("AzureADMyOrg",
                "[\"https://www.contoso.com/\"]", "[{\"resourceAppId\":\"00000003-0000-0000-c000-000000000000\","
                        + "\"resourceAccess\":[{\"id\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\",\"type\":\"Role\"}]}]",
                "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}]")
                .domain("contoso.com", true, MX, "[]");
        AppSetupViewModel vm = vm(SetupRequest.Mode.REPAIR);
        vm.signInAndPlan();
        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.DONE);
        assertThat(vm.rbacCommandsProperty().get()).contains("New-ManagementRoleAssignment");

        vm.scopingProperty().set(MailboxScoping.APPLICATION_ACCESS_POLICY);
        vm.scopeCheckedProperty().set(true);
        assertThat(vm.canRemoveConsent().get()).isFalse();
        vm.scopingProperty().set(MailboxScoping.RBAC_FOR_APPLICATIONS);
        vm.scopeCheckedProperty().set(false);
        assertThat(vm.canRemoveConsent().get()).isFalse();
        vm.scopeCheckedProperty().set(true);
        assertThat(vm.canRemoveConsent().get()).isTrue();

        vm.planConsentRemoval();
        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.PLANNED);
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.text()).startsWith("Remove the tenant-wide"));
        assertThat(entra.graphRequests()).noneMatch(r -> r.getMethod().getName().equals("DELETE"));

        vm.apply();
        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.DONE);
        assertThat(vm.statusProperty().get()).startsWith("Checked: the app no longer holds");
        assertThat(entra.graphRequests()).anyMatch(r -> r.getMethod().getName().equals("DELETE"));

        vm.undo();
        assertThat(vm.phaseProperty().get()).isEqualTo(AppSetupViewModel.Phase.UNDONE);
        assertThat(vm.statusProperty().get()).isEqualTo("The tenant-wide Mail.Send consent was granted again.");
        assertThat(entra.graphRequests().get(entra.graphRequests().size() - 1).getUrl())
                .endsWith("/appRoleAssignedTo");
    }
}
