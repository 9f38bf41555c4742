// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step 5 offers "Check the received mail" once the test mail was handed over, and opens it for this window. */
@ExtendWith(ApplicationExtension.class)
class MailStepCheckReceivedTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private final HttpsStandIn graph = HttpsStandIn.start();
    private final FakeTime time = new FakeTime(NOW);
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Texts texts = new Texts(Language.ENGLISH);
    private final List<Window> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage window) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        WizardModel model = new WizardModel();
        model.senderProperty().set("web@contoso.com");
        model.domainProperty().set("contoso.com");
        model.grantProperty().set(Grant.APPLICATION);
        model.endpointOverrideProperty().set(new Endpoints(graph.baseUri(), graph.baseUri()));
        model.applicationTokenProperty().set(new AccessToken("ui-token", NOW.plusSeconds(3600), List.of("Mail.Send"),
                List.of(), "tid", null));
        GraphMailClient client = new GraphMailClient(GraphMailClient.httpClient(RetryPolicy.defaults(), executor),
                new ObjectMapper(), GraphLimits.defaults(), RetryPolicy.defaults(), time, time);
        ViewLoader loader = new ViewLoader(texts, type -> {
            MailStepController controller = new MailStepController(new MailStepViewModel(model, client,
                    config -> CompletableFuture.failedFuture(new IllegalStateException("the stored token is used")),
                    texts, time, FxTasks.onFxThread(executor), Platform::runLater), texts, owner -> List.of());
            controller.onCheckReceived(opened::add);
            return controller;
        });
        window.setScene(new Scene(loader.load(MailStepController.class, "MailStep.fxml").root(), 760, 620));
        AppStyles.apply(window.getScene());
        window.show();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        graph.close();
    }

    @Test
    void theButtonAppearsAfterTheSendAndOpensTheTool(FxRobot robot) throws Exception {
        graph.wireMock().stubFor(post(urlPathEqualTo("/v1.0/users/web@contoso.com/sendMail"))
                .willReturn(aResponse().withStatus(202)));
        Button check = robot.lookup("#checkReceivedButton").queryButton();
        assertThat(check.isVisible()).isFalse();

        TextField recipients = robot.lookup("#recipientsField").queryAs(TextField.class);
        robot.interact(() -> recipients.setText("alice@example.org"));
        robot.clickOn("#sendButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, check::isVisible);
        robot.clickOn(check);

        assertThat(opened).containsExactly(check.getScene().getWindow());
    }
}
