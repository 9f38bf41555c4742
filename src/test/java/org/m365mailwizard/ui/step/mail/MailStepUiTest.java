// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.core.auth.AccessToken;
import org.m365mailwizard.core.config.Endpoints;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.graph.GraphLimits;
import org.m365mailwizard.core.graph.GraphMailClient;
import org.m365mailwizard.core.graph.RetryPolicy;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.FakeTime;
import org.m365mailwizard.testsupport.HttpsStandIn;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The test-mail step and the "Send test email" window in a real window (Xvfb in CI), Graph on loopback. */
@ExtendWith(ApplicationExtension.class)
class MailStepUiTest {

    private static final String SEND = "/v1.0/users/web@contoso.com/sendMail";
    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    // Fields, not @BeforeEach: TestFX calls @Start before the test's own set-up methods.
    private final HttpsStandIn graph = HttpsStandIn.start();
    private final FakeTime time = new FakeTime(NOW);
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Path> chosen = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Texts texts = new Texts(Language.ENGLISH);
    private WizardModel model;
    private ViewLoader loader;
    private Stage stage;

    @Start
    void start(Stage window) {
        // The app's theme (set by the launcher), so that the screenshot shows what users see.
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        model = new WizardModel();
        model.senderProperty().set("web@contoso.com");
        model.domainProperty().set("contoso.com");
        model.grantProperty().set(Grant.APPLICATION);
        model.endpointOverrideProperty().set(new Endpoints(graph.baseUri(), graph.baseUri()));
        model.applicationTokenProperty().set(new AccessToken("ui-token", NOW.plusSeconds(3600), List.of("Mail.Send"),
                List.of(), "tid", null));
        GraphMailClient client = new GraphMailClient(GraphMailClient.httpClient(RetryPolicy.defaults(), executor), json,
                GraphLimits.defaults(), RetryPolicy.defaults(), time, time);
        loader = new ViewLoader(texts, type -> new MailStepController(new MailStepViewModel(model, client,
                config -> CompletableFuture.failedFuture(new IllegalStateException("the stored token is used")),
                texts, time, FxTasks.onFxThread(executor), Platform::runLater), texts, owner -> List.copyOf(chosen)));
        ViewLoader.Loaded<MailStepController> step = loader.load(MailStepController.class, "MailStep.fxml");
        javafx.scene.layout.StackPane host = new javafx.scene.layout.StackPane(step.root());
        host.setPadding(new javafx.geometry.Insets(18, 22, 18, 22));
        window.setScene(new Scene(host, 760, 620));
        AppStyles.apply(window.getScene());
        window.show();
        stage = window;
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        graph.close();
    }

    @Test
    void sendsFromTheStepAndShowsTheResultInWords(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        Path file = Files.writeString(Files.createTempDirectory("mail-ui").resolve("site-report.txt"), "report body");
        chosen.add(file);

        paste(robot, "#recipientsField", "alice@example.org, bob@example.net");
        robot.clickOn(find(robot, "#addButton", Button.class));
        robot.clickOn(find(robot, "#saveToSentItemsBox", CheckBox.class));
        assertThat(find(robot, "#attachmentList", ListView.class).getItems()).hasSize(1);
        assertThat(find(robot, "#saveToSentItemsBox", CheckBox.class).isSelected()).isFalse();
        robot.clickOn(find(robot, "#sendButton", Button.class));
        awaitVisible(robot, "#resultBox");

        assertThat(text(robot, "#resultSummary"))
                .isEqualTo("Accepted by Microsoft 365 for alice@example.org, bob@example.net. Check the recipient's inbox.");
        assertThat(text(robot, "#resultDetails")).contains("delivery is not confirmed yet");
        assertThat(find(robot, "#resultSummary", Label.class).getStyleClass()).contains("success");
        assertThat(model.recipientsProperty().get()).isEqualTo("alice@example.org, bob@example.net");
        assertThat(model.mailFindings()).hasSize(1);
        JsonNode body = json.readTree(graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0).getBody());
        assertThat(body.get("saveToSentItems").asBoolean()).isFalse();
        assertThat(body.at("/message/toRecipients")).hasSize(2);
        assertThat(new String(Base64.getDecoder().decode(body.at("/message/attachments/0/contentBytes").asText())))
                .isEqualTo("report body");
        robot.interact(() -> find(robot, "#sendButton", Button.class).requestFocus());
        screenshot(robot, "send-test-result.png");
    }

    @Test
    void afterA503TheUserDecidesToSendAgain(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503)));
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).inScenario("s").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));
        paste(robot, "#recipientsField", "alice@example.org");

        robot.clickOn(find(robot, "#sendButton", Button.class));
        awaitVisible(robot, "#sendAgainButton");

        assertThat(text(robot, "#resultSummary")).contains("It may or may not have been sent.");
        assertThat(text(robot, "#resultDetails")).contains("Check the recipient's inbox and the sender's Sent Items.");
        assertThat(find(robot, "#sendButton", Button.class).isDisabled()).isTrue();
        graph.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SEND)));

        robot.clickOn(find(robot, "#sendAgainButton", Button.class));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#resultSummary").startsWith("Accepted"));
        graph.wireMock().verify(2, postRequestedFor(urlPathEqualTo(SEND)));
        assertThat(find(robot, "#sendAgainButton", Button.class).isVisible()).isFalse();
    }

    @Test
    void theSendTestWindowShowsGraphsWaitAndCancels(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        time.onSleep = () -> {
            waiting.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        robot.interact(() -> model.recipientsProperty().set("alice@example.org"));
        Stage[] dialog = new Stage[1];
        robot.interact(() -> dialog[0] = SendTestDialog.open(loader, stage));
        Node dialogRoot = dialog[0].getScene().getRoot();
        assertThat(dialog[0].getTitle()).isEqualTo("Send test email");
        assertThat(robot.from(dialogRoot).lookup("#recipientsField").queryAs(TextField.class).getText())
                .as("recipients remembered in the wizard model").isEqualTo("alice@example.org");

        robot.clickOn(robot.from(dialogRoot).lookup("#sendButton").queryAs(Button.class));
        assertThat(waiting.await(15, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(dialogRoot).lookup("#progressLabel")
                .queryAs(Label.class).getText().contains("asked to wait 30 s"));
        assertThat(robot.from(dialogRoot).lookup("#progressLabel").queryAs(Label.class).getText())
                .isEqualTo("Microsoft 365 asked to wait 30 s (HTTP 429). Retry 1 of 3 follows.");
        robot.clickOn(robot.from(dialogRoot).lookup("#cancelButton").queryAs(Button.class));
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(dialogRoot).lookup("#resultBox").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.from(dialogRoot).lookup("#resultSummary").queryAs(Label.class).getText())
                .isEqualTo("Cancelled. Nothing was sent.");
        graph.wireMock().verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        robot.interact(dialog[0]::close);
    }

    @Test
    void anAppOnlyTokenWithoutMailSendIsRefusedBeforeGraphWithTheConsentLink(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        robot.interact(() -> {
            model.tenantIdProperty().set("tid");
            model.clientIdProperty().set("cid");
            model.applicationTokenProperty().set(new AccessToken("ui-token", NOW.plusSeconds(3600), List.of(),
                    List.of(), "tid", null));
        });
        paste(robot, "#recipientsField", "alice@example.org");

        robot.clickOn(find(robot, "#sendButton", Button.class));
        awaitVisible(robot, "#resultBox");

        assertThat(text(robot, "#resultSummary")).startsWith("The token carries no Mail.Send application permission");
        assertThat(text(robot, "#resultDetails")).contains("/tid/v2.0/adminconsent?client_id=cid");
        assertThat(find(robot, "#resultSummary", Label.class).getStyleClass()).contains("danger");
        assertThat(graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND)))).isEmpty();
    }

    @Test
    void speaksChineseAndShowsARefusalWithItsFix(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(403).withBody(
                "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied. Check credentials and try again.\"}}")));
        Texts chinese = new Texts(Language.SIMPLIFIED_CHINESE);
        GraphMailClient client = new GraphMailClient(GraphMailClient.httpClient(RetryPolicy.defaults(), executor), json,
                GraphLimits.defaults(), RetryPolicy.defaults(), time, time);
        ViewLoader zh = new ViewLoader(chinese, type -> new MailStepController(new MailStepViewModel(model, client,
                config -> CompletableFuture.failedFuture(new IllegalStateException("unused")), chinese, time,
                FxTasks.onFxThread(executor), Platform::runLater), chinese, owner -> List.of()));
        robot.interact(() -> {
            model.recipientsProperty().set("alice@example.org");
            javafx.scene.layout.StackPane host = new javafx.scene.layout.StackPane(
                    zh.load(MailStepController.class, "MailStep.fxml").root());
            host.setPadding(new javafx.geometry.Insets(18, 22, 18, 22));
            stage.setScene(new Scene(host, 760, 620));
            AppStyles.apply(stage.getScene());
        });

        robot.clickOn(find(robot, "#sendButton", Button.class));
        awaitVisible(robot, "#resultBox");

        assertThat(text(robot, "#resultSummary")).isEqualTo("Microsoft 365 拒绝了测试邮件（HTTP 403 ErrorAccessDenied）。没有发送任何邮件。");
        assertThat(text(robot, "#resultDetails")).contains("解决方法：", "授予管理员同意");
        assertThat(find(robot, "#resultSummary", Label.class).getStyleClass()).contains("danger");
        robot.interact(() -> find(robot, "#sendButton", Button.class).requestFocus());
        screenshot(robot, "send-test-refused-zh-CN.png");
    }

    @Test
    void theLastOutcomeIsShownAgainInTheNewLanguageAndMarkedStaleWhenInputsChange(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(403).withBody(
                "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied.\"}}")));
        paste(robot, "#recipientsField", "alice@example.org");
        robot.clickOn(find(robot, "#sendButton", Button.class));
        awaitVisible(robot, "#resultBox");
        assertThat(text(robot, "#resultSummary")).startsWith("Microsoft 365 refused the test mail");

        // The language switch builds the page anew on the same model.
        Texts chinese = new Texts(Language.SIMPLIFIED_CHINESE);
        GraphMailClient client = new GraphMailClient(GraphMailClient.httpClient(RetryPolicy.defaults(), executor), json,
                GraphLimits.defaults(), RetryPolicy.defaults(), time, time);
        ViewLoader zh = new ViewLoader(chinese, type -> new MailStepController(new MailStepViewModel(model, client,
                config -> CompletableFuture.failedFuture(new IllegalStateException("unused")), chinese, time,
                FxTasks.onFxThread(executor), Platform::runLater), chinese, owner -> List.of()));
        robot.interact(() -> stage.setScene(new Scene(zh.load(MailStepController.class, "MailStep.fxml").root(), 760, 620)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(find(robot, "#resultBox", Node.class).isVisible()).isTrue();
        assertThat(text(robot, "#resultSummary")).isEqualTo("Microsoft 365 拒绝了测试邮件（HTTP 403 ErrorAccessDenied）。没有发送任何邮件。");
        assertThat(text(robot, "#resultDetails")).contains("解决方法：");
        assertThat(find(robot, "#resultSummary", Label.class).getStyleClass()).contains("danger");
        assertThat(find(robot, "#resultStale", Label.class).isVisible()).isFalse();

        robot.interact(() -> model.recipientsProperty().set("bob@example.org"));

        assertThat(find(robot, "#resultStale", Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#resultStale")).contains("alice@example.org");
        assertThat(find(robot, "#resultSummary", Label.class).getStyleClass()).doesNotContain("danger");
    }

    @Test
    void aWrongRecipientLooksLikeAWrongFieldOfStepOne(FxRobot robot) {
        paste(robot, "#recipientsField", "alice@");
        WaitForAsyncUtils.waitForFxEvents();

        TextField field = find(robot, "#recipientsField", TextField.class);
        Label hint = find(robot, "#recipientsHint", Label.class);
        assertThat(field.getPseudoClassStates()).contains(atlantafx.base.theme.Styles.STATE_DANGER);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getStyleClass()).contains("feedback", "error");
        assertThat(find(robot, "#sendButton", Button.class).isDisabled()).isTrue();
    }

    @Test
    void theSubjectIsTypedLikeTheCommandLinesSubject(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(202)));
        paste(robot, "#recipientsField", "alice@example.org");
        assertThat(text(robot, "#subjectHint")).contains("M365 Mail Wizard", "contoso.com");
        paste(robot, "#subjectField", "Contact form test");
        robot.clickOn(find(robot, "#sendButton", Button.class));
        awaitVisible(robot, "#resultBox");

        JsonNode body = json.readTree(graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0).getBody());
        assertThat(body.at("/message/subject").asText()).isEqualTo("Contact form test");
    }

    @Test
    void theSendTestWindowShowsARefusalsWhatToDoWithoutScrolling(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(404).withBody(
                "{\"error\":{\"code\":\"MailboxNotEnabledForRESTAPI\",\"message\":\"The mailbox is either inactive, "
                        + "soft-deleted, or is hosted on-premise.\"}}")));
        robot.interact(() -> model.recipientsProperty().set("alice@example.org"));
        Stage[] dialog = new Stage[1];
        robot.interact(() -> dialog[0] = SendTestDialog.open(loader, stage));
        Node dialogRoot = dialog[0].getScene().getRoot();
        robot.clickOn(robot.from(dialogRoot).lookup("#sendButton").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.from(dialogRoot).lookup("#resultBox").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        Label details = robot.from(dialogRoot).lookup("#resultDetails").queryAs(Label.class);
        assertThat(details.getText()).contains("What to do:");
        javafx.scene.control.ScrollPane scroll = robot.from(dialogRoot).lookup(".scroll-pane")
                .queryAs(javafx.scene.control.ScrollPane.class);
        double[] bottoms = new double[2];
        robot.interact(() -> {
            bottoms[0] = details.localToScene(details.getLayoutBounds()).getMaxY();
            bottoms[1] = scroll.localToScene(scroll.getLayoutBounds()).getMaxY();
        });
        assertThat(scroll.getVvalue()).isZero();
        assertThat(bottoms[0]).as("the fix ends inside the window as it opened").isLessThanOrEqualTo(bottoms[1]);
        robot.interact(dialog[0]::close);
    }

    @Test
    void droppedFilesAreAttachedAndMissingOnesExplained(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("mail-drop");
        Path good = Files.writeString(dir.resolve("a.txt"), "a");
        MailStepController controller = loader.load(MailStepController.class, "MailStep.fxml").controller();
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            window[0] = new Stage();
            window[0].setScene(new Scene(controller.view()));
            AppStyles.apply(window[0].getScene());
            window[0].show();
        });

        robot.interact(() -> controller.dropped(List.of(good.toFile(), dir.resolve("gone.pdf").toFile())));

        assertThat(controller.viewModel().attachments()).containsExactly(good.toAbsolutePath());
        Label problem = robot.from(controller.view()).lookup("#attachmentProblemLabel").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).endsWith("gone.pdf does not exist. Check the path.");
        robot.interact(window[0]::close);
    }

    /** Finds in this test's own window only: another test's window may still be closing. */
    private <T extends Node> T find(FxRobot robot, String query, Class<T> type) {
        return robot.from(stage.getScene().getRoot()).lookup(query).queryAs(type);
    }

    private void paste(FxRobot robot, String field, String value) {
        TextField control = find(robot, field, TextField.class);
        robot.clickOn(control);
        robot.interact(() -> control.replaceSelection(value));
    }

    private String text(FxRobot robot, String query) {
        return find(robot, query, Label.class).getText();
    }

    private void awaitVisible(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> find(robot, query, Node.class).isVisible());
        // The test thread is not the FX thread: let the update that showed the node finish.
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the window as PNG where the build says ({@code m365wizard.screenshots}), else in a temp folder. */
    private void screenshot(FxRobot robot, String name) throws IOException {
        String folder = System.getProperty("m365wizard.screenshots");
        Path target = (folder == null ? Files.createTempDirectory("shots") : Path.of(folder)).resolve(name);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        int width = (int) image[0].getWidth();
        int height = (int) image[0].getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image[0].getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(target.getParent());
        ImageIO.write(png, "png", target.toFile());
        assertThat(target).isNotEmptyFile();
    }
}
