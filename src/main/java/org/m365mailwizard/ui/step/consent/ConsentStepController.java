// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.consent;

import java.time.Clock;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.m365mailwizard.ui.common.Clipboards;
import org.m365mailwizard.core.auth.consent.DelegatedSignIn;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.StatusBadge;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.common.WizardStep;

/** Step 3's view: binds the two browser tasks of {@link ConsentStepViewModel} to their controls. */
public final class ConsentStepController implements WizardStep {

    private static final List<String> STATUS_CLASSES = List.of("status-pass", "status-warn", "status-fail", "status-error");

    private final ConsentStepViewModel vm;
    private final Texts texts;
    private final Clock clock;
    private final Timeline ticker = new Timeline();

    @FXML private Parent root;
    @FXML private Label grantHint;
    @FXML private Button grantButton;
    @FXML private Button cancelAdminButton;
    @FXML private ProgressIndicator adminProgress;
    @FXML private Label adminCountdown;
    @FXML private Label adminStatus;
    @FXML private HBox adminUrlBox;
    @FXML private TextField adminUrl;
    @FXML private Label adminSummary;
    @FXML private Label platformLabel;
    @FXML private ComboBox<DelegatedSignIn.RedirectPlatform> platformChoice;
    @FXML private CheckBox rememberMe;
    @FXML private Button signInButton;
    @FXML private Button cancelSignInButton;
    @FXML private ProgressIndicator signInProgress;
    @FXML private Label signInCountdown;
    @FXML private Label signInStatus;
    @FXML private HBox signInUrlBox;
    @FXML private TextField signInUrl;
    @FXML private Label signInSummary;
    @FXML private Label staleLine;
    @FXML private HBox alreadyBox;
    @FXML private Label alreadyLabel;
    @FXML private Button recheckButton;
    @FXML private Label adminExplain;
    @FXML private javafx.scene.layout.VBox signInSection;

    public ConsentStepController(ConsentStepViewModel vm, Texts texts, Clock clock) {
        this.vm = vm;
        this.texts = texts;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        grantHint.textProperty().bind(text(vm.grantHint()));
        // Only the flow the grant needs: the sign-in as the sender is for the delegated permission.
        showWhen(signInSection, vm.signInNeeded());
        alreadyLabel.textProperty().bind(text(vm.alreadyGranted()));
        alreadyLabel.setGraphic(StatusBadge.icon(Status.PASS));
        showWhen(alreadyBox, vm.alreadyGranted().isNotNull());
        recheckButton.disableProperty().bind(vm.admin().busyProperty());
        // Consent is given already: the browser steps are no longer the thing to do.
        showWhen(adminExplain, vm.alreadyGranted().isNull());
        grantButton.getStyleClass().add("accent");
        vm.alreadyGranted().addListener((o, before, now) -> accentGrant(now == null));
        accentGrant(vm.alreadyGranted().get() == null);
        staleLine.textProperty().bind(Bindings.createStringBinding(() -> vm.staleReason().get() == null ? ""
                : texts.get("consent.step.earlier", texts.format(vm.staleReason().get())), vm.staleReason()));
        staleLine.setGraphic(StatusBadge.of(StepStatus.STALE, texts).getGraphic());
        showWhen(staleLine, staleLine.textProperty().isNotEmpty());
        bindTask(vm.admin(), grantButton, cancelAdminButton, adminProgress, adminCountdown, adminStatus, adminUrlBox,
                adminUrl, adminSummary);
        bindTask(vm.signIn(), signInButton, cancelSignInButton, signInProgress, signInCountdown, signInStatus,
                signInUrlBox, signInUrl, signInSummary);
        signInButton.textProperty().bind(text(vm.signInLabel()));

        platformLabel.setLabelFor(platformChoice);
        platformChoice.setItems(FXCollections.observableArrayList(DelegatedSignIn.RedirectPlatform.values()));
        platformChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(DelegatedSignIn.RedirectPlatform platform) {
                return platform == null ? "" : texts.get("consent.step.platform." + platform.name());
            }

            @Override
            public DelegatedSignIn.RedirectPlatform fromString(String string) {
                return null;
            }
        });
        platformChoice.valueProperty().bindBidirectional(vm.platformProperty());
        platformChoice.disableProperty().bind(vm.signIn().busyProperty());
        rememberMe.selectedProperty().bindBidirectional(vm.rememberMeProperty());
        rememberMe.disableProperty().bind(vm.signIn().busyProperty());

        ticker.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> vm.tick(clock.instant())));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    private void bindTask(BrowserTaskState task, Button start, Button cancel, ProgressIndicator progress, Label countdown,
                          Label status, HBox urlBox, TextField url, Label summary) {
        start.disableProperty().bind(task.busyProperty());
        cancel.disableProperty().bind(task.busyProperty().not());
        showWhen(progress, task.busyProperty());
        countdown.textProperty().bind(text(task.progressProperty()));
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            Message message = task.messageProperty().get();
            if (message == null) {
                return "";
            }
            Status outcome = task.outcomeProperty().get();
            String prefix = outcome == null ? "" : texts.get("consent.step.status." + outcome.jsonName()) + " ";
            Message fix = task.fixProperty().get();
            return prefix + texts.format(message) + (fix == null ? "" : "\n" + texts.format(fix));
        }, task.messageProperty(), task.outcomeProperty(), task.fixProperty()));
        // An outcome for inputs that have changed since keeps its words but not its colour.
        Runnable style = () -> {
            status.getStyleClass().removeAll(STATUS_CLASSES);
            Status now = task.outcomeProperty().get();
            if (now != null && vm.staleReason().get() == null) {
                status.getStyleClass().add("status-" + now.jsonName());
            }
        };
        task.outcomeProperty().addListener(o -> style.run());
        vm.staleReason().addListener(o -> style.run());
        style.run();
        showWhen(status, status.textProperty().isNotEmpty());
        url.textProperty().bind(task.manualUrlProperty());
        showWhen(urlBox, task.manualUrlProperty().isNotEmpty());
        summary.textProperty().bind(text(task.summaryProperty()));
        showWhen(summary, summary.textProperty().isNotEmpty());
    }

    private ObservableValue<String> text(ObservableValue<Message> message) {
        return Bindings.createStringBinding(() -> message.getValue() == null ? "" : texts.format(message.getValue()),
                message);
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML
    private void grantAdminConsent() {
        vm.grantAdminConsent();
    }

    @FXML
    private void recheck() {
        vm.recheckMailSend();
    }

    private void accentGrant(boolean accent) {
        grantButton.getStyleClass().remove("accent");
        if (accent) {
            grantButton.getStyleClass().add("accent");
        }
    }

    @FXML
    private void cancelAdminConsent() {
        vm.cancelAdminConsent();
    }

    @FXML
    private void signIn() {
        vm.signInAsSender();
    }

    @FXML
    private void cancelSignIn() {
        vm.cancelSignIn();
    }

    @FXML
    private void copyAdminUrl() {
        copy(adminUrl.getText());
    }

    @FXML
    private void copySignInUrl() {
        copy(signInUrl.getText());
    }

    private static void copy(String text) {
        Clipboards.putText(text);
    }

    @Override
    public String titleKey() {
        return "consent.step.title";
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return vm.canAdvance();
    }

    @Override
    public void entered() {
        ticker.play();
    }

    @Override
    public void left() {
        ticker.stop();
        vm.cancelAll();
    }
}
