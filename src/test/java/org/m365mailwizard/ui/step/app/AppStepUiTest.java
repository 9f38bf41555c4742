// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.MsalProcessState;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import atlantafx.base.theme.Styles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.core.auth.AppInputValidator;
import org.m365mailwizard.core.auth.AppRegistrationCheck;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.auth.EntraLinks;
import org.m365mailwizard.core.auth.TenantDiscovery;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.BackgroundWork;
import org.m365mailwizard.testsupport.EntraStandIn;
import org.m365mailwizard.testsupport.TrackedPool;
import org.m365mailwizard.testsupport.LogCapture;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step 2 in a real window (Xvfb in CI), against the identity platform on loopback https. */
@ExtendWith(ApplicationExtension.class)
class AppStepUiTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    // Fields, not @BeforeEach: TestFX calls @Start before the test's own set-up methods.
    private final String tenant = UUID.randomUUID().toString();
    private final String clientId = UUID.randomUUID().toString();
    private final String secret = "Q1w8Q~" + UUID.randomUUID().toString().replace("-", "") + "Ab";
    private final EntraStandIn entra = EntraStandIn.start();
    private final TrackedPool executor = new TrackedPool(2, "app-step-ui-test");
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final LogCapture logs = LogCapture.everything("com.microsoft.aad.msal4j", "org.m365mailwizard");
    private WizardModel model;
    private AppStepController controller;

    @Start
    void start(Stage stage) {
        MsalProcessState.reset();
        Texts texts = new Texts(Language.ENGLISH);
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AppRegistrationCheck check = new AppRegistrationCheck(new AppInputValidator(clock),
                new TenantDiscovery(http, new ObjectMapper(), Duration.ofSeconds(5)),
                new AppTokenService(executor, Duration.ofSeconds(5)));
        model = new WizardModel();
        model.endpointOverrideProperty().set(entra.endpoints());
        model.siteUrlProperty().set("https://www.contoso.com");
        model.targetProperty().set(PluginTarget.WPO365);
        model.grantProperty().set(Grant.APPLICATION);
        AppStepViewModel vm = new AppStepViewModel(model, check, FxTasks.onFxThread(executor), clock);
        ViewLoader loader = new ViewLoader(texts, type -> new AppStepController(vm, texts, opened::add));
        ViewLoader.Loaded<AppStepController> loaded = loader.load(AppStepController.class, "AppStep.fxml");
        controller = loaded.controller();
        stage.setScene(new Scene(loaded.root(), 900, 860));
        AppStyles.apply(stage.getScene());
        stage.show();
    }

    @AfterEach
    void stop() {
        String everything = logs.text();
        logs.close();
        executor.shutdownNow();
        entra.close();
        assertThat(everything).doesNotContain(secret);
    }

    /** Types key by key, as a person does (slow: used where typing itself is under test). */
    private void type(FxRobot robot, String field, String text) {
        robot.clickOn(field).write(text);
    }

    /** Pastes into the field, as a person does with Ctrl+V (one text change, fast). */
    private void paste(FxRobot robot, String field, String text) {
        TextField control = robot.lookup(field).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> control.replaceSelection(text));
    }

    private void fillGood(FxRobot robot) {
        paste(robot, "#tenantField", "contoso.onmicrosoft.com");
        paste(robot, "#clientIdField", clientId);
        paste(robot, "#secretField", secret);
        robot.interact(() -> model.clientSecretExpiresProperty().set(TODAY.plusMonths(6)));
    }

    private Label finding(FxRobot robot, String id) {
        return robot.lookup("#finding-" + id).queryAs(Label.class);
    }

    private void awaitFinding(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#finding-" + id).queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theExpiryDateReadsAsEverywhereElse(FxRobot robot) {
        robot.interact(() -> model.clientSecretExpiresProperty().set(java.time.LocalDate.of(2027, 5, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DatePicker picker = robot.lookup("#expiryPicker").queryAs(javafx.scene.control.DatePicker.class);
        assertThat(picker.getEditor().getText()).isEqualTo("2027-05-01");
    }

    @Test
    void theExpiryDateIsIsoInChineseToo(FxRobot robot) {
        Texts chinese = new Texts(Language.SIMPLIFIED_CHINESE);
        javafx.scene.Parent[] view = new javafx.scene.Parent[1];
        robot.interact(() -> {
            Clock today = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            AppStepViewModel zhVm = new AppStepViewModel(model, new AppRegistrationCheck(new AppInputValidator(today), null, null),
                    FxTasks.onFxThread(executor), today);
            view[0] = new ViewLoader(chinese, type -> new AppStepController(zhVm, chinese, opened::add))
                    .load(AppStepController.class, "AppStep.fxml").root();
            controller.view().getScene().setRoot(view[0]);
            model.clientSecretExpiresProperty().set(LocalDate.of(2027, 5, 1));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.from(view[0]).lookup("#expiryPicker").queryAs(javafx.scene.control.DatePicker.class)
                .getEditor().getText()).isEqualTo("2027-05-01");
        assertThat(robot.from(view[0]).lookup("#finding-app-secret-expiry").queryAs(Label.class).getText())
                .contains("2027-05-01");
    }

    @Test
    void secretIdIsCalledOutAndBlocksTheCheck(FxRobot robot) {
        type(robot, "#tenantField", tenant);
        paste(robot, "#clientIdField", clientId);
        paste(robot, "#secretField", UUID.randomUUID().toString());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(finding(robot, "app-secret").getText()).contains("Secret ID");
        assertThat(robot.lookup("#secretField").queryAs(PasswordField.class).getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(robot.lookup("#secretFeedback").queryAs(Label.class).getStyleClass()).contains("feedback", "error");
        assertThat(robot.lookup("#checkButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(entra.requests()).isEmpty();
    }

    @Test
    void secretIsMaskedUntilShown(FxRobot robot) {
        paste(robot, "#secretField", secret);
        assertThat(robot.lookup("#secretField").queryAs(PasswordField.class).isVisible()).isTrue();
        assertThat(robot.lookup("#secretShownField").queryAs(TextField.class).isVisible()).isFalse();
        // Nothing of the secret beyond Entra's public 3-character hint is shown in the findings.
        assertThat(finding(robot, "app-secret").getText()).doesNotContain(secret);

        robot.clickOn("#showSecretButton");

        TextField shown = robot.lookup("#secretShownField").queryAs(TextField.class);
        assertThat(shown.isVisible()).isTrue();
        assertThat(shown.getText()).isEqualTo(secret);
    }

    @Test
    void pastedSpacesAreTrimmedWithANotice(FxRobot robot) {
        robot.interact(() -> model.clientIdProperty().set(" " + clientId + " "));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(finding(robot, "app-client-id").getText()).contains("removed");
        assertThat(robot.lookup("#clientIdField").queryAs(TextField.class).getPseudoClassStates()).contains(Styles.STATE_WARNING);
        assertThat(robot.lookup("#clientIdFeedback").queryAs(Label.class).getStyleClass()).contains("feedback", "warning");
    }

    @Test
    void checkWithMicrosoftShowsTheTokenResult(FxRobot robot) throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.token(tenant, clientId, tenant, List.of("Mail.Send"));
        fillGood(robot);

        robot.clickOn("#checkButton");
        awaitFinding(robot, "app-mail-send");

        assertThat(finding(robot, "app-token").getText()).contains("issued a token");
        assertThat(finding(robot, "app-mail-send").getStyleClass()).contains("pass");
        assertThat(model.applicationTokenProperty().get()).isNotNull();
        assertThat(model.tenantIdProperty().get()).isEqualTo(tenant);
    }

    @Test
    void wrongSecretValueIsExplained(FxRobot robot) throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.tokenError(tenant, clientId, 401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret "
                + "provided. Ensure the secret being sent in the request is the client secret value, not the client "
                + "secret ID, for a secret added to app '" + clientId + "'.");
        fillGood(robot);

        robot.clickOn("#checkButton");
        awaitFinding(robot, "app-token");

        assertThat(finding(robot, "app-token").getText()).contains("AADSTS7000215").contains("Secret ID");
        assertThat(finding(robot, "app-token").getStyleClass()).contains("fail");
        assertThat(model.applicationTokenProperty().get()).isNull();
        // Where the user is looking: the answer right under the buttons, no list scrolling of its own.
        javafx.scene.layout.VBox root = (javafx.scene.layout.VBox) controller.view();
        int buttons = root.getChildren().indexOf(robot.lookup("#checkButton").queryAs(Button.class).getParent());
        assertThat(root.getChildren().indexOf(robot.lookup("#microsoftBox").query())).isEqualTo(buttons + 1);
        assertThat(robot.from(root).lookup(".scroll-pane").queryAll()).isEmpty();
        assertThat(robot.from(robot.lookup("#microsoftList").<javafx.scene.Node>query()).lookup(".status-badge.status-fail")
                .queryAs(Label.class).getText()).isEqualTo("Failed");
        // The field concerned is marked, and Next is off with the reason.
        assertThat(robot.lookup("#secretField").queryAs(PasswordField.class).getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(robot.lookup("#secretFeedback").queryAs(Label.class).getText()).contains("AADSTS7000215");
        assertThat(robot.lookup("#blockedLine").queryAs(Label.class).isVisible()).isTrue();
        assertThat(controller.canAdvance().get()).isFalse();

        paste(robot, "#secretField", "x");
        WaitForAsyncUtils.waitForFxEvents();

        // Not wiped: the answer is still there, in words about the earlier secret.
        assertThat(finding(robot, "app-token").getStyleClass()).contains("stale").doesNotContain("fail");
        assertThat(robot.lookup("#staleLine").queryAs(Label.class).getText()).contains("earlier client secret");
        assertThat(robot.lookup("#blockedLine").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#secretField").queryAs(PasswordField.class).getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(controller.canAdvance().get()).isTrue();
    }

    @Test
    void missingConsentOpensTheAdminConsentPage(FxRobot robot) throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.token(tenant, clientId, tenant, List.of());
        fillGood(robot);

        robot.clickOn("#checkButton");
        awaitFinding(robot, "app-mail-send");
        robot.clickOn("#adminConsentLink");

        assertThat(opened).singleElement().satisfies(uri -> {
            assertThat(uri.toString()).startsWith(entra.baseUri() + "/" + tenant + "/v2.0/adminconsent?client_id="
                    + clientId);
            assertThat(uri.getQuery()).contains("redirect_uri=https://www.contoso.com/");
        });
    }

    @Test
    void unknownTenantSuggestsOtherClouds(FxRobot robot) throws Exception {
        entra.unknownTenant("contoso.onmicrosoft.com");
        paste(robot, "#tenantField", "contoso.onmicrosoft.com");

        robot.clickOn("#discoverButton");
        awaitFinding(robot, "app-tenant-discovery");

        assertThat(finding(robot, "app-tenant-discovery").getText()).contains("AADSTS90002");
        assertThat(robot.lookup(".finding-note").queryAllAs(Label.class))
                .anySatisfy(l -> assertThat(l.getText()).contains("china, usgov, usgov-dod"));
    }

    @Test
    void unreachablePlatformIsNotChecked(FxRobot robot) throws Exception {
        entra.resetConnections("contoso.onmicrosoft.com");
        fillGood(robot);

        robot.clickOn("#checkButton");
        awaitFinding(robot, "app-tenant-discovery");

        assertThat(finding(robot, "app-tenant-discovery").getStyleClass()).contains("error");
        // The state as an icon and a word beside the answer, as on the DNS step.
        assertThat(robot.lookup(".status-badge.status-error").queryAs(Label.class).getText()).isEqualTo("Could not check");
        assertThat(finding(robot, "app-tenant-discovery").getText()).contains("could not be reached");
        assertThat(robot.lookup("#checkButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void cancelStopsWaiting(FxRobot robot) throws Exception {
        entra.tenant(tenant, "contoso.onmicrosoft.com");
        entra.slowToken(tenant, clientId, tenant, List.of("Mail.Send"), 3000);
        fillGood(robot);

        robot.clickOn("#checkButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#cancelButton").queryAs(Button.class).isVisible());
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText()).contains("token");
        robot.clickOn("#cancelButton");
        // The answer comes after the cancel: once the token request has been made and the pool is idle,
        // the run is over and anything it handed to the FX thread is queued there.
        BackgroundWork.await("the token request", () -> !entra.tokenRequestBodies().isEmpty());
        executor.awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#cancelButton").queryAs(Button.class).isVisible()).isFalse();
        assertThat(robot.lookup("#finding-app-token").queryAll()).isEmpty();
        assertThat(model.applicationTokenProperty().get()).isNull();
    }

    @Test
    void redirectUriIsComputedAndCopied(FxRobot robot) {
        TextField redirect = robot.lookup("#redirectField").queryAs(TextField.class);
        assertThat(redirect.getText()).isEqualTo("https://www.contoso.com/");
        assertThat(redirect.isEditable()).isFalse();

        robot.clickOn("#copyRedirectButton");

        String copied = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()));
        assertThat(copied).isEqualTo("https://www.contoso.com/");
    }

    @Test
    void otherTargetTakesATypedRedirectUriAndChecksItsRules(FxRobot robot) {
        // Another server signing users in (delegated) registers a redirect URI of its own.
        robot.interact(() -> {
            model.grantProperty().set(Grant.DELEGATED);
            model.targetProperty().set(PluginTarget.OTHER);
        });
        TextField redirect = robot.lookup("#redirectField").queryAs(TextField.class);
        assertThat(redirect.getText()).as("the earlier plugin's URI is dropped").isEmpty();
        paste(robot, "#redirectField", "http://www.contoso.com/callback");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(redirect.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(finding(robot, "app-redirect-uri").getText()).contains("https");
    }

    @Test
    void anotherServerWithTheAppsOwnPermissionShowsNoRedirectUri(FxRobot robot) {
        javafx.scene.Parent row = robot.lookup("#redirectField").queryAs(TextField.class).getParent();
        assertThat(row.isVisible()).isTrue();

        robot.interact(() -> model.targetProperty().set(PluginTarget.OTHER));

        assertThat(row.isVisible()).isFalse();
        assertThat(row.isManaged()).as("takes no room").isFalse();
        assertThat(robot.lookup("#redirectHint").queryAs(Label.class).isVisible()).isFalse();
        assertThat(finding(robot, "app-redirect-uri").getText()).isEqualTo("No redirect URI is needed for sending with the app's own permission.");
    }

    @Test
    void helpLinksOpenTheAdminPortalOfTheChosenCloud(FxRobot robot) {
        robot.clickOn("#tenantHelp");
        robot.interact(() -> model.cloudProperty().set(Cloud.CHINA));
        robot.clickOn("#secretHelp");

        assertThat(opened).containsExactly(EntraLinks.tenantOverview(Cloud.GLOBAL),
                EntraLinks.appRegistrations(Cloud.CHINA));
        assertThat(opened.get(1).getHost()).isEqualTo("portal.azure.cn");
        assertThat(robot.lookup("#tenantHelp").queryAs(Hyperlink.class).getText()).isEqualTo("Open");
    }
}
