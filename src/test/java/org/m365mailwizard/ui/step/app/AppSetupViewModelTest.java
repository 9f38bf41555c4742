// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.appsetup.AppSetupIds;
import org.m365mailwizard.core.appsetup.AppSetupService;
import org.m365mailwizard.core.appsetup.SetupRequest;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.AppSetupStandIn;
import org.m365mailwizard.testsupport.FakeTime;
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
        return new AppSetupViewModel(model, service, texts, FxTasks.sameThread(), Runnable::run, mode,
                () -> AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID);
    }

    @Test
    void createSignsInPlansAppliesAndFillsTheStep() {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "authorization_pending", "ok").createSucceeds()
                .domain("contoso.com", true, MX, "[]");
        AppSetupViewModel vm = vm(SetupRequest.Mode.CREATE);

        vm.signInAndPlan();

        assertThat(vm.userCodeProperty().get()).isEqualTo("GTHK-7QXP");
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
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").createSucceeds()
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
        entra.deviceCode(List.of(AppSetupStandIn.APPLICATION_ADMIN), "ok").createSucceeds()
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
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").existingApp("AzureADMyOrg",
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
}
