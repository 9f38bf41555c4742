// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.StatusBadge;

/**
 * The start page: continue the saved setup (offered only when there is one), start a new one, open a
 * saved setup or exported config, or use the DNS checker or the test mail on their own.
 */
public final class StartScreenController {

    /**
     * What the page's buttons do, supplied by the window.
     *
     * @param continueDetail what the saved setup is and where it stopped, or null when there is nothing to continue
     * @param sendTestProblem why a test mail cannot be sent with what is loaded, or null
     * @param secret the saved setup's client secret: expiry state and what to do, or null when there is nothing to continue
     */
    record Actions(Runnable continueSetup, Runnable newSetup, Runnable openFile, Runnable dnsChecker, Runnable sendTest,
                   Runnable settings, Consumer<Language> chooseLanguage, String continueDetail,
                   ObservableValue<Message> sendTestProblem, Runnable checkMail, SummaryViewModel.SecretRow secret) {
    }

    private final Texts texts;
    private final Actions actions;

    @FXML private BorderPane root;
    @FXML private ComboBox<Language> languageChoice;
    @FXML private VBox noticeBox;
    @FXML private Button continueButton;
    @FXML private Label continueDetail;
    @FXML private Label continueSecret;
    @FXML private Button newButton;
    @FXML private Label testMailDetail;
    @FXML private Button openButton;
    @FXML private Label openDetail;
    @FXML private Button dnsButton;
    @FXML private Label dnsDetail;
    @FXML private Button testMailButton;
    @FXML private Label newDetail;
    @FXML private Button checkMailButton;
    @FXML private Label checkMailDetail;

    StartScreenController(Texts texts, Actions actions) {
        this.texts = texts;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        ShellControls.languageChoice(languageChoice, texts, actions.chooseLanguage());
        boolean resumable = actions.continueDetail() != null;
        for (javafx.scene.Node node : new javafx.scene.Node[] {continueButton, continueDetail}) {
            node.setVisible(resumable);
            node.setManaged(resumable);
        }
        continueDetail.setText(resumable ? actions.continueDetail() : "");
        showSecret(actions.secret());
        // The explanation beside each button is what a screen reader says after the button's name.
        continueButton.accessibleHelpProperty().bind(continueDetail.textProperty());
        newButton.accessibleHelpProperty().bind(newDetail.textProperty());
        openButton.accessibleHelpProperty().bind(openDetail.textProperty());
        dnsButton.accessibleHelpProperty().bind(dnsDetail.textProperty());
        testMailButton.accessibleHelpProperty().bind(testMailDetail.textProperty());
        checkMailButton.accessibleHelpProperty().bind(checkMailDetail.textProperty());
        // Enter starts the most likely action: continuing when there is something to continue.
        continueButton.setDefaultButton(resumable);
        newButton.setDefaultButton(!resumable);
        testMailDetail.textProperty().bind(Bindings.createStringBinding(() -> {
            Message problem = actions.sendTestProblem().getValue();
            return problem == null ? texts.get("start.testMail.detail")
                    : texts.get("start.testMail.detail.missing", texts.format(problem));
        }, actions.sendTestProblem()));
    }

    /** The saved setup's secret in colour (the state's style and icon) and in words, with what to do. */
    private void showSecret(SummaryViewModel.SecretRow secret) {
        continueSecret.setVisible(secret != null);
        continueSecret.setManaged(secret != null);
        if (secret == null) {
            return;
        }
        StringBuilder words = new StringBuilder(texts.get("health.start.secret", texts.get(StatusBadge.wordKey(secret.status())),
                texts.format(secret.text())));
        secret.notes().forEach(note -> words.append(' ').append(texts.format(note)));
        continueSecret.setText(words.toString());
        continueSecret.setGraphic(StatusBadge.icon(secret.status()));
        continueSecret.getStyleClass().addAll("status-badge", "status-" + StatusBadge.kind(secret.status()));
    }

    /** Puts the focus on the first action, for keyboard users (call once the page is showing). */
    void focusFirstAction() {
        Platform.runLater(() -> (continueButton.isVisible() ? continueButton : newButton).requestFocus());
    }

    /** Shows a message at the top of the page (a setup set aside, a file that could not be opened). */
    void showNotice(String text) {
        ShellControls.notice(noticeBox, texts, text, null);
    }

    BorderPane root() {
        return root;
    }

    ComboBox<Language> languageChoice() {
        return languageChoice;
    }

    @FXML
    private void continueSetup() {
        actions.continueSetup().run();
    }

    @FXML
    private void newSetup() {
        actions.newSetup().run();
    }

    @FXML
    private void openFile() {
        actions.openFile().run();
    }

    @FXML
    private void checkMail() {
        actions.checkMail().run();
    }

    @FXML
    private void dnsChecker() {
        actions.dnsChecker().run();
    }

    @FXML
    private void sendTest() {
        actions.sendTest().run();
    }

    @FXML
    private void settings() {
        actions.settings().run();
    }
}
