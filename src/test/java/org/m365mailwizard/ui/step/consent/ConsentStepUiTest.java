// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.auth.consent.AdminConsentFlow;
import org.m365mailwizard.core.auth.consent.BrowserOpener;
import org.m365mailwizard.core.auth.consent.ConsentFlows;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.auth.consent.MailSendRoleCheck;
import org.m365mailwizard.core.auth.consent.ProtectedTokenStore;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.ui.common.ShownOutcome;
import org.m365mailwizard.ui.shell.StepInputs;
import org.m365mailwizard.ui.step.app.AppStepViewModel;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.IdentityProviderStandIn;
import org.m365mailwizard.testsupport.ScriptedBrowser;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The consent step in a real window (own stage until the shell hosts it): the browser cannot be
 * opened, so the URL is offered to copy; the test's browser follows it and consent is proven;
 * then the sign-in as the sender through the "opened" browser.
 */
@ExtendWith(ApplicationExtension.class)
class ConsentStepUiTest {

    private static final String SENDER = "web@contoso.com";

    private final IdentityProviderStandIn idp = IdentityProviderStandIn.start();
    private final ScriptedBrowser browser = new ScriptedBrowser();
    private final WizardModel model = new WizardModel();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private boolean browserWorks;
    private Stage stage;
    private ConsentStepController step;
    private ConsentStepViewModel vm;
    private ConsentFlows services;

    private ConsentStepViewModel newViewModel() {
        return new ConsentStepViewModel(model, services, new MailSendRoleCheck.Plan(List.of(Duration.ZERO)),
                FxTasks.onFxThread(background), Clock.systemUTC());
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path store = Files.createTempDirectory("consent-store");
        model.tenantProperty().set(IdentityProviderStandIn.TENANT);
        model.clientIdProperty().set(IdentityProviderStandIn.CLIENT_ID);
        model.clientSecretProperty().set("abc8Q~not-a-real-secret-0123456789abcdefgh");
        model.senderProperty().set(SENDER);
        model.endpointOverrideProperty().set(idp.endpoints());
        Texts texts = new Texts(Language.ENGLISH);
        BrowserOpener opener = uri -> browserWorks ? browser.opener().open(uri) : browser.noBrowser().open(uri);
        ConsentFlows services = new ConsentFlows(
                new AdminConsentFlow(opener, texts, Clock.systemUTC(), new SecureRandom(), Duration.ofMinutes(5)),
                new DelegatedSignIn(opener, texts, Clock.systemUTC(), new SecureRandom(), Duration.ofMinutes(5),
                        new ProtectedTokenStore(store, System.getProperty("os.name"))),
                config -> new AccessToken("eyJ.app", Instant.now().plusSeconds(3600), List.of("Mail.Send"), List.of(),
                        IdentityProviderStandIn.TENANT, null));
        this.services = services;
        vm = newViewModel();
        ViewLoader loader = new ViewLoader(texts, type -> new ConsentStepController(vm, texts, Clock.systemUTC()));
        step = loader.load(ConsentStepController.class, "ConsentStep.fxml").controller();
        stage.setScene(new Scene(step.view(), 820, 900));
        AppStyles.apply(stage.getScene());
        stage.setTitle(texts.get(step.titleKey()));
        stage.show();
        step.entered();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        idp.close();
    }

    @Test
    void grantsConsentThroughACopiedUrlThenSignsInAsTheSender(FxRobot robot) throws Exception {
        idp.adminConsentGranted();
        idp.authorizeIssuesCode("c");
        idp.tokenIssued("https://graph.example.test/Mail.Send https://graph.example.test/User.Read", SENDER);
        Button signIn = robot.lookup("#signInButton").queryAs(Button.class);
        assertThat(signIn.getText()).isEqualTo("Sign in as " + SENDER);

        robot.clickOn("#grantButton");
        waitUntil(() -> robot.lookup("#adminUrlBox").query().isVisible());
        TextField url = robot.lookup("#adminUrl").queryAs(TextField.class);
        assertThat(url.getText()).contains("/v2.0/adminconsent?client_id=" + IdentityProviderStandIn.CLIENT_ID);
        assertThat(robot.lookup("#copyAdminUrl").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#adminCountdown").queryAs(Label.class).getText()).matches("[45]:\\d\\d left");
        assertThat(step.canAdvance().get()).isFalse();

        browser.visit(URI.create(url.getText()));
        waitUntil(() -> model.applicationTokenProperty().get() != null);
        Label adminStatus = robot.lookup("#adminStatus").queryAs(Label.class);
        assertThat(adminStatus.getText()).startsWith("✔").contains("Mail.Send");
        assertThat(adminStatus.getStyleClass()).contains("status-pass");
        assertThat(robot.lookup("#adminSummary").queryAs(Label.class).getText()).contains("Proven").contains(IdentityProviderStandIn.TENANT);
        assertThat(robot.lookup("#adminUrlBox").query().isVisible()).as("nothing left to copy").isFalse();

        browserWorks = true;
        robot.clickOn("#signInButton");
        waitUntil(() -> model.delegatedTokenProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#signInStatus").queryAs(Label.class).getText()).startsWith("✔");
        assertThat(robot.lookup("#signInSummary").queryAs(Label.class).getText()).contains(SENDER).contains("Mail.Send");
        assertThat(model.consentFindings()).allMatch(f -> f.status() == Status.PASS);
        assertThat(step.canAdvance().get()).isTrue();
        screenshot("consent-step.png");
    }

    @Test
    void cancelWhileWaitingFreesTheButtonsAgain(FxRobot robot) throws Exception {
        robot.clickOn("#grantButton");
        waitUntil(() -> robot.lookup("#adminUrlBox").query().isVisible());
        assertThat(robot.lookup("#grantButton").queryAs(Button.class).isDisabled()).isTrue();
        screenshot("consent-step-no-browser.png");

        robot.clickOn("#cancelAdminButton");
        waitUntil(() -> !robot.lookup("#grantButton").queryAs(Button.class).isDisabled());

        assertThat(robot.lookup("#adminStatus").queryAs(Label.class).getText()).contains("cancelled");
        assertThat(robot.lookup("#cancelAdminButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(model.consentFindings()).isEmpty();
    }

    @Test
    void theStepReadsInChinese(FxRobot robot) throws Exception {
        Texts chinese = new Texts(Language.SIMPLIFIED_CHINESE);
        robot.interact(() -> {
            ViewLoader loader = new ViewLoader(chinese, type -> new ConsentStepController(vm, chinese, Clock.systemUTC()));
            step = loader.load(ConsentStepController.class, "ConsentStep.fxml").controller();
            stage.getScene().setRoot(step.view());
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#signInButton").queryAs(Button.class).getText()).isEqualTo("以 " + SENDER + " 身份登录");
        assertThat(robot.lookup("#grantButton").queryAs(Button.class).getText()).isEqualTo("授予管理员同意");
        screenshot("consent-step-zh-CN.png");
    }

    @Test
    void aLanguageSwitchShowsTheLastOutcomeAgainAndItGoesStaleWhenTheSenderChanges(FxRobot robot) throws Exception {
        idp.adminConsentError("access_denied", "AADSTS65004: User declined to consent to access the app.");
        browserWorks = true;
        robot.clickOn("#grantButton");
        waitUntil(() -> robot.lookup("#adminStatus").queryAs(Label.class).getStyleClass().contains("status-fail"));

        // The switch builds a new page and view model on the same wizard model.
        Texts chinese = new Texts(Language.SIMPLIFIED_CHINESE);
        robot.interact(() -> {
            ConsentStepViewModel fresh = newViewModel();
            ViewLoader loader = new ViewLoader(chinese, type -> new ConsentStepController(fresh, chinese, Clock.systemUTC()));
            step = loader.load(ConsentStepController.class, "ConsentStep.fxml").controller();
            stage.getScene().setRoot(step.view());
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#adminStatus").queryAs(Label.class);
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getText()).contains("应用权限的同意被拒绝（AADSTS65004）");
        assertThat(status.getStyleClass()).contains("status-fail");
        assertThat(robot.lookup("#staleLine").queryAs(Label.class).isVisible()).isFalse();

        robot.interact(() -> model.senderProperty().set("other@contoso.com"));

        assertThat(robot.lookup("#staleLine").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#staleLine").queryAs(Label.class).getText()).contains(SENDER);
        assertThat(status.getStyleClass()).doesNotContain("status-fail");
    }

    @Test
    void theAppsOwnPermissionNeedsOnlyAdminConsentAndStepTwosProofIsShown(FxRobot robot) {
        robot.interact(() -> model.grantProperty().set(Grant.APPLICATION));
        assertThat(robot.lookup("#signInSection").query().isVisible()).isFalse();
        assertThat(robot.lookup("#alreadyBox").query().isVisible()).isFalse();
        assertThat(robot.from(step.view()).lookup(".scroll-pane").queryAll()).as("the shell scrolls the page").isEmpty();

        robot.interact(() -> {
            model.checkedForProperty("app").set(StepInputs.snapshot("app", model));
            model.appFindings().setAll(
                    Finding.of(AppCheckIds.TOKEN, Status.PASS, "", List.of(), Message.of("app.token.ok", "t")),
                    Finding.of(AppCheckIds.MAIL_SEND, Status.PASS, "", List.of(), Message.of("app.mailSend.ok")));
            Message when = Message.of("app.step.answeredAt", "16:05", IdentityProviderStandIn.CLIENT_ID);
            model.shownOutcomeProperty(AppStepViewModel.MICROSOFT_OUTCOME)
                    .set(new ShownOutcome(Status.PASS, when, null, when, List.of()));
        });

        assertThat(robot.lookup("#alreadyBox").query().isVisible()).isTrue();
        assertThat(robot.lookup("#alreadyLabel").queryAs(Label.class).getText())
                .startsWith("Already granted").contains("16:05", IdentityProviderStandIn.CLIENT_ID);
        assertThat(robot.lookup("#adminExplain").query().isVisible()).isFalse();
        assertThat(robot.lookup("#grantButton").queryAs(Button.class).getStyleClass()).doesNotContain("accent");
        assertThat(robot.lookup("#recheckButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("m365wizard.screenshots");
        if (dir == null) {
            return;
        }
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        Path file = Path.of(dir, name);
        Files.createDirectories(file.getParent());
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(png, "png", file.toFile());
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
