// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.m365mailwizard.core.appsetup.AppSetupIds;
import org.m365mailwizard.core.appsetup.AppSetupService;
import org.m365mailwizard.core.auth.AppInputValidator;
import org.m365mailwizard.core.auth.AppRegistrationCheck;
import org.m365mailwizard.core.auth.AppTokenService;
import org.m365mailwizard.core.auth.TenantDiscovery;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.AppSetupStandIn;
import org.m365mailwizard.testsupport.FakeTime;
import org.m365mailwizard.testsupport.LogCapture;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Create it for me" and "Check and repair this app" walked in a real window (Xvfb in CI), in both
 * languages, against the identity and Graph stand-ins on loopback https.
 */
@ExtendWith(ApplicationExtension.class)
class AppSetupUiTest {

    private static final String MX = "[{\"@odata.type\":\"#microsoft.graph.domainDnsMxRecord\",\"isOptional\":false,"
            + "\"label\":\"contoso.com\",\"recordType\":\"Mx\",\"supportedService\":\"Email\",\"ttl\":3600,"
            + "\"mailExchange\":\"contoso-com01c.mail.protection.outlook.com\",\"preference\":0}]";

    private final AppSetupStandIn entra = AppSetupStandIn.start();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final LogCapture logs = LogCapture.everything("org.m365mailwizard");
    private final FakeTime time = new FakeTime(Instant.parse("2026-12-07T13:00:00Z"));
    private Stage stage;
    private WizardModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        String everything = logs.text();
        logs.close();
        executor.shutdownNow();
        entra.close();
        assertThat(everything).doesNotContain(AppSetupStandIn.SECRET_TEXT);
    }

    private void show(Language language, String clientId) {
        Texts texts = new Texts(language);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        model = new WizardModel();
        model.endpointOverrideProperty().set(entra.endpoints());
        model.domainProperty().set("contoso.com");
        model.senderProperty().set("wp@contoso.com");
        model.siteUrlProperty().set("https://www.contoso.com");
        model.targetProperty().set(PluginTarget.WPO365);
        model.clientIdProperty().set(clientId);
        FxTasks tasks = FxTasks.onFxThread(executor);
        AppRegistrationCheck check = new AppRegistrationCheck(new AppInputValidator(time),
                new TenantDiscovery(http, new ObjectMapper(), Duration.ofSeconds(5)),
                new AppTokenService(executor, Duration.ofSeconds(5)));
        // Generous: the first TLS exchange of a cold JVM on a busy machine can take many seconds.
        AppSetupService service = new AppSetupService(http, new ObjectMapper(), time, time, Duration.ofSeconds(60));
        AppStepViewModel vm = new AppStepViewModel(model, check, tasks);
        ViewLoader loader = new ViewLoader(texts, type -> new AppStepController(vm, texts, opened::add,
                (mode, owner) -> new AppSetupDialog(new AppSetupViewModel(model, service, texts, tasks, Platform::runLater,
                        mode, () -> AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID), texts, opened::add, owner).show()));
        stage.setScene(new Scene(loader.load(AppStepController.class, "AppStep.fxml").root(), 900, 860));
        AppStyles.apply(stage.getScene());
        stage.show();
    }

    /** A click lands only once the new window is placed and focused (slow on a busy Xvfb). */
    private void awaitDialogFocused(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.listTargetWindows().stream()
                .anyMatch(w -> w != stage && w.isShowing() && w.isFocused()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Node node = robot.lookup(query).tryQuery().orElse(null);
            return node != null && node.isVisible();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Like {@link #await}, but a failure shows what the dialog said instead of a bare timeout. */
    private static void awaitOrSayWhy(FxRobot robot, String query) throws Exception {
        try {
            await(robot, query);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no " + query + "; the dialog says: "
                    + robot.lookup("#setupProblem").queryAs(Label.class).getText() + " / "
                    + robot.lookup("#setupStatus").queryAs(Label.class).getText(), e);
        }
    }

    private static List<String> plan(FxRobot robot) {
        return robot.lookup(".setup-change").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private Window dialog(FxRobot robot) {
        return robot.listTargetWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
    }

    private void createWalk(FxRobot robot, Language language, String createText, String applyText, String done)
            throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "authorization_pending", "ok").createSucceeds()
                .domain("contoso.com", true, MX, "[]");
        robot.interact(() -> show(language, ""));
        assertThat(robot.lookup("#repairAppButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#createAppButton").queryButton().getText()).isEqualTo(createText);

        robot.clickOn("#createAppButton");
        await(robot, "#signInButton");
        awaitDialogFocused(robot);
        robot.clickOn("#signInButton");
        awaitOrSayWhy(robot, "#applyButton");

        assertThat(opened).contains(URI.create("https://microsoft.com/devicelogin"));
        assertThat(plan(robot)).hasSize(6);
        assertThat(robot.lookup("#applyButton").queryButton().getText()).isEqualTo(applyText);
        assertThat(entra.graphRequests()).isEmpty();

        robot.clickOn("#applyButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#setupStatus").queryAs(Label.class)
                .getText().startsWith(done));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.clientIdProperty().get()).isEqualTo(AppSetupStandIn.APP_ID);
        assertThat(model.clientSecretProperty().get()).isEqualTo(AppSetupStandIn.SECRET_TEXT);
        assertThat(robot.lookup("#secretShown").queryAs(TextField.class).isVisible()).isFalse();
        robot.clickOn("#showSecret");
        assertThat(robot.lookup("#secretShown").queryAs(TextField.class).isVisible()).isTrue();
        assertThat(robot.lookup("#rbacCommands").queryAs(TextArea.class).getText())
                .contains("New-ManagementRoleAssignment", "Test-ServicePrincipalAuthorization");
        robot.interact(() -> ((Stage) dialog(robot)).close());
    }

    @Test
    void createItForMeInEnglish(FxRobot robot) throws Exception {
        createWalk(robot, Language.ENGLISH, "Create it for me", "Apply these changes", "Done.");
        assertThat(plan(robot)).isEmpty(); // the dialog is closed
    }

    @Test
    void createItForMeInChinese(FxRobot robot) throws Exception {
        createWalk(robot, Language.SIMPLIFIED_CHINESE, "帮我创建", "执行这些更改", "完成。");
    }

    @Test
    void checkAndRepairFixesTheRedirectUriAndAFailureOffersUndo(FxRobot robot) throws Exception {
        entra.deviceCode(List.of(AppSetupStandIn.GLOBAL_ADMIN), "ok").existingApp("AzureADMyOrg",
                "[\"https://old.contoso.com/\"]", "[{\"resourceAppId\":\"00000003-0000-0000-c000-000000000000\","
                        + "\"resourceAccess\":[{\"id\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\",\"type\":\"Role\"}]}]",
                "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}]", true, true)
                .refuse("PATCH", "/v1.0/applications/" + AppSetupStandIn.APP_OBJECT_ID, 403, "Authorization_RequestDenied",
                        "Insufficient privileges to complete the operation.")
                .domain("contoso.com", true, MX, "[]");
        robot.interact(() -> show(Language.ENGLISH, AppSetupStandIn.APP_ID));

        robot.clickOn("#repairAppButton");
        await(robot, "#signInButton");
        awaitDialogFocused(robot);
        robot.clickOn("#signInButton");
        await(robot, "#applyButton");
        assertThat(robot.lookup("#setupFindings .finding").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("https://www.contoso.com/ is not registered"));
        assertThat(plan(robot)).singleElement().asString().contains("Add redirect URI https://www.contoso.com/ (Web)");

        robot.clickOn("#applyButton");
        await(robot, "#retryButton");
        assertThat(robot.lookup("#setupProblem").queryAs(Label.class).getText()).contains("Authorization_RequestDenied");
        assertThat(plan(robot)).singleElement().asString().startsWith("FAILED");
        Button undo = robot.lookup("#undoButton").queryButton();
        assertThat(undo.isVisible()).isTrue();
        robot.interact(() -> ((Stage) dialog(robot)).close());
    }
}
