// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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
import org.m365mailwizard.core.auth.consent.BrowserOpener;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.auth.consent.ProtectedTokenStore;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.AppSetupStandIn;
import org.m365mailwizard.testsupport.FakeTime;
import org.m365mailwizard.testsupport.LogCapture;
import org.m365mailwizard.testsupport.Screenshots;
import org.m365mailwizard.testsupport.ScriptedBrowser;
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
 * languages, against the identity and Graph stand-ins on loopback https. The admin signs in through
 * the "browser" (a scripted one that follows Microsoft's form_post back to the loopback listener over
 * HTTP), or, when no browser opens, through the address the dialog offers to copy. The sign-in's bad
 * paths: declined, a foreign state, the listener's timeout, cancel.
 */
@ExtendWith(ApplicationExtension.class)
class AppSetupUiTest {

    private static final String MX = "[{\"@odata.type\":\"#microsoft.graph.domainDnsMxRecord\",\"isOptional\":false,"
            + "\"label\":\"contoso.com\",\"recordType\":\"Mx\",\"supportedService\":\"Email\",\"ttl\":3600,"
            + "\"mailExchange\":\"contoso-com01c.mail.protection.outlook.com\",\"preference\":0}]";

    private final AppSetupStandIn entra = AppSetupStandIn.start();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final ScriptedBrowser browser = new ScriptedBrowser();
    private volatile boolean browserWorks = true;
    private Duration listenerTimeout = Duration.ofMinutes(5);
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
        AppStepViewModel vm = new AppStepViewModel(model, check, tasks, time);
        BrowserOpener opener = uri -> browserWorks ? browser.opener().open(uri) : browser.noBrowser().open(uri);
        DelegatedSignIn signIn = new DelegatedSignIn(opener, texts, Clock.systemUTC(), new SecureRandom(), listenerTimeout,
                new ProtectedTokenStore(Path.of("target", "no-store"), "Linux"));
        ViewLoader loader = new ViewLoader(texts, type -> new AppStepController(vm, texts, opened::add,
                (mode, owner) -> new AppSetupDialog(new AppSetupViewModel(model, service, signIn, Clock.systemUTC(), texts,
                        tasks, Platform::runLater, mode, () -> AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID), texts, owner).show()));
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

    private void createWalk(FxRobot robot, Language language, String createText, String applyText, String done,
                            String screenshot) throws Exception {
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).createSucceeds()
                .domain("contoso.com", true, MX, "[]");
        robot.interact(() -> show(language, ""));
        assertThat(robot.lookup("#repairAppButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#createAppButton").queryButton().getText()).isEqualTo(createText);

        robot.clickOn("#createAppButton");
        await(robot, "#signInButton");
        awaitDialogFocused(robot);
        robot.clickOn("#signInButton");
        awaitOrSayWhy(robot, "#applyButton");

        assertThat(browser.lastOpened()).get().asString().contains("/organizations/oauth2/v2.0/authorize",
                "client_id=" + AppSetupIds.DEFAULT_SIGN_IN_CLIENT_ID, "code_challenge_method=S256");
        assertThat(browser.lastVisit().get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(plan(robot)).hasSize(6);
        assertThat(robot.lookup("#applyButton").queryButton().getText()).isEqualTo(applyText);
        assertThat(entra.graphRequests()).isEmpty();
        Screenshots.save(robot, dialog(robot).getScene(), screenshot);

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
        createWalk(robot, Language.ENGLISH, "Create it for me", "Apply these changes", "Done.", "app-setup-plan-en.png");
        assertThat(plan(robot)).isEmpty(); // the dialog is closed
    }

    @Test
    void createItForMeInChinese(FxRobot robot) throws Exception {
        createWalk(robot, Language.SIMPLIFIED_CHINESE, "帮我创建", "执行这些更改", "完成。", "app-setup-plan-zh-CN.png");
    }

    /** Opens the dialog for a create and presses "Sign in as administrator". */
    private void startSignIn(FxRobot robot) throws Exception {
        robot.interact(() -> show(Language.ENGLISH, ""));
        robot.clickOn("#createAppButton");
        await(robot, "#signInButton");
        awaitDialogFocused(robot);
        robot.clickOn("#signInButton");
    }

    private static String problem(FxRobot robot) {
        return robot.lookup("#setupProblem").queryAs(Label.class).getText();
    }

    /** After a sign-in that ended without an admin: nothing changed, the button is back. */
    private void assertNothingChangedAndSignInOfferedAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#signInButton").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plan(robot)).isEmpty();
        assertThat(entra.graphRequests()).isEmpty();
        assertThat(robot.lookup("#signInUrlBox").query().isVisible()).isFalse();
        robot.interact(() -> ((Stage) dialog(robot)).close());
    }

    @Test
    void withoutABrowserTheAddressIsOfferedToCopyWithACountdownAndAForeignStateDoesNotEndTheWait(FxRobot robot)
            throws Exception {
        browserWorks = false;
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).createSucceeds()
                .domain("contoso.com", true, MX, "[]");
        startSignIn(robot);
        await(robot, "#signInUrlBox");
        String url = robot.lookup("#signInUrl").queryAs(TextField.class).getText();
        assertThat(url).contains("/organizations/oauth2/v2.0/authorize").doesNotContain("login_hint");
        assertThat(robot.lookup("#copySignInUrl").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#signInCountdown").queryAs(Label.class).getText()).matches("[45]:\\d\\d left");

        URI redirect = URI.create(query(URI.create(url), "redirect_uri"));
        ScriptedBrowser.Page foreign = browser.postForm(redirect, Map.of("code", "stolen", "state",
                "0123456789abcdef0123456789abcdef"), Map.of("Origin", entra.baseUri().toString()));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(robot.lookup("#signInUrlBox").query().isVisible()).isTrue();

        browser.visit(URI.create(url));
        awaitOrSayWhy(robot, "#applyButton");
        assertThat(plan(robot)).hasSize(6);
        assertThat(ScriptedBrowser.accepts(InetAddress.getLoopbackAddress(), redirect.getPort())).isFalse();
        robot.interact(() -> ((Stage) dialog(robot)).close());
    }

    @Test
    void aDeclinedSignInChangesNothing(FxRobot robot) throws Exception {
        entra.browserSignInDeclined("organizations").createSucceeds();
        startSignIn(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !problem(robot).isEmpty());
        assertNothingChangedAndSignInOfferedAgain(robot);
    }

    @Test
    void cancelEndsTheWaitAndFreesThePort(FxRobot robot) throws Exception {
        browserWorks = false;
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).createSucceeds();
        startSignIn(robot);
        await(robot, "#signInUrlBox");
        URI redirect = URI.create(query(URI.create(robot.lookup("#signInUrl").queryAs(TextField.class).getText()),
                "redirect_uri"));
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> problem(robot).equals("The sign-in was cancelled. Nothing was changed."));
        assertThat(ScriptedBrowser.accepts(InetAddress.getLoopbackAddress(), redirect.getPort())).isFalse();
        assertNothingChangedAndSignInOfferedAgain(robot);
    }

    @Test
    void theListenersTimeoutEndsTheSignIn(FxRobot robot) throws Exception {
        browserWorks = false;
        listenerTimeout = Duration.ofSeconds(2);
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).createSucceeds();
        startSignIn(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problem(robot).startsWith("No answer came back from the browser in time"));
        assertNothingChangedAndSignInOfferedAgain(robot);
    }

    @Test
    void checkAndRepairInChineseThenRemovesTheTenantWideConsentAndGrantsItAgain(FxRobot robot) throws Exception {
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).consentRemovable("AzureADMyOrg",
                "[\"https://www.contoso.com/\"]", "[{\"resourceAppId\":\"00000003-0000-0000-c000-000000000000\","
                        + "\"resourceAccess\":[{\"id\":\"b633e1c5-b582-4048-a93e-9f11b44c7e96\",\"type\":\"Role\"}]}]",
                "[{\"keyId\":\"0a1b2c3d-0000-4000-8000-000000000001\",\"endDateTime\":\"2099-01-01T00:00:00Z\"}]")
                .domain("contoso.com", true, MX, "[]");
        robot.interact(() -> show(Language.SIMPLIFIED_CHINESE, AppSetupStandIn.APP_ID));
        assertThat(robot.lookup("#repairAppButton").queryButton().getText()).isEqualTo("检查并修复此应用");
        robot.clickOn("#repairAppButton");
        await(robot, "#signInButton");
        awaitDialogFocused(robot);
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#setupStatus").queryAs(Label.class)
                .getText().startsWith("完成。"));
        await(robot, "#scopingRbac");

        scrollToAndClick(robot, "#scopingAccessPolicy");
        assertThat(robot.lookup("#removeConsentButton").query().isVisible()).isFalse();
        scrollToAndClick(robot, "#scopingRbac");
        assertThat(robot.lookup("#removeConsentButton").queryButton().isDisabled()).isTrue();
        scrollToAndClick(robot, "#scopeChecked");
        assertThat(robot.lookup("#scopeChecked").queryAs(CheckBox.class).isSelected()).isTrue();
        scrollToAndClick(robot, "#removeConsentButton");
        awaitOrSayWhy(robot, "#applyButton");
        assertThat(plan(robot)).singleElement().asString().contains("删除租户范围的 Mail.Send");
        assertThat(entra.graphRequests()).noneMatch(r -> r.getMethod().getName().equals("DELETE"));

        scrollToAndClick(robot, "#applyButton");
        await(robot, "#regrantButton");
        assertThat(robot.lookup("#setupStatus").queryAs(Label.class).getText()).startsWith("已检查");
        assertThat(entra.graphRequests()).anyMatch(r -> r.getMethod().getName().equals("DELETE"));

        scrollToAndClick(robot, "#regrantButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#setupStatus").queryAs(Label.class)
                .getText().startsWith("已重新授予"));
        assertThat(entra.graphRequests().get(entra.graphRequests().size() - 1).getUrl()).endsWith("/appRoleAssignedTo");
        robot.interact(() -> ((Stage) dialog(robot)).close());
    }

    /** The window scrolls: the control is scrolled into view first, as the admin would, then clicked. */
    private void scrollToAndClick(FxRobot robot, String query) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) dialog(robot).getScene().getRoot();
            scroll.layout();
            Node node = robot.lookup(query).query();
            double y = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
            double hidden = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(hidden <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / hidden)) * scroll.getVmax());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    @Test
    void checkAndRepairFixesTheRedirectUriAndAFailureOffersUndo(FxRobot robot) throws Exception {
        entra.browserSignIn("organizations", List.of(AppSetupStandIn.GLOBAL_ADMIN)).existingApp("AzureADMyOrg",
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
