// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.mail;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.graph.MailAttachment;
import javafx.scene.shape.SVGPath;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.ShownOutcome;
import org.m365mailwizard.ui.common.StatusBadge;
import org.m365mailwizard.ui.common.ThemedValidationDecoration;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * The view of the test mail (the wizard's step 5 and the "Send test email" dialog): binds the view
 * model and turns its results into words. Files come by drag and drop or from the chooser.
 */
public final class MailStepController implements WizardStep {

    private static final List<String> OUTCOME_STYLES = List.of("success", "danger", "warning");

    @FXML private VBox root;
    @FXML private Label fromLabel;
    @FXML private Label credentialsLabel;
    @FXML private TextField recipientsField;
    @FXML private Label recipientsHint;
    @FXML private TextField subjectField;
    @FXML private Label subjectHint;
    @FXML private Label resultStale;
    @FXML private Label resultProof;
    @FXML private ListView<Path> attachmentList;
    @FXML private Button addButton;
    @FXML private Button removeButton;
    @FXML private Label attachmentProblemLabel;
    @FXML private CheckBox saveToSentItemsBox;
    @FXML private Button sendButton;
    @FXML private Button sendAgainButton;
    @FXML private Button cancelButton;
    @FXML private HBox progressBox;
    @FXML private ProgressIndicator progressIndicator;
    @FXML private Label progressLabel;
    @FXML private VBox resultBox;
    @FXML private Label resultSummary;
    @FXML private Label resultDetails;
    @FXML private Button checkReceivedButton;

    private final MailStepViewModel vm;
    private final Texts texts;
    private final AttachmentChooser chooser;
    private java.util.function.Consumer<javafx.stage.Window> checkReceived;

    public MailStepController(MailStepViewModel vm, Texts texts, AttachmentChooser chooser) {
        this.vm = vm;
        this.texts = texts;
        this.chooser = chooser;
    }

    /** Offers "Check the received mail" after a send; without it (a test's own wiring) the button stays hidden. */
    public void onCheckReceived(java.util.function.Consumer<javafx.stage.Window> action) {
        this.checkReceived = action;
    }

    @FXML
    private void checkReceived() {
        if (checkReceived != null) {
            checkReceived.accept(root.getScene().getWindow());
        }
    }

    @FXML
    void initialize() {
        fromLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("graph.ui.from", vm.senderProperty().get()), vm.senderProperty()));
        showMessage(credentialsLabel, vm.credentialsProblemProperty());
        recipientsField.textProperty().bindBidirectional(vm.recipientsProperty());
        recipientsField.disableProperty().bind(vm.runningProperty());
        showMessage(recipientsHint, vm.recipientsProblemProperty());
        // The same look as step 1: the field's own danger state, and the reason in red under it.
        ValidationSupport validation = new ValidationSupport();
        validation.setValidationDecorator(new ThemedValidationDecoration());
        validation.registerValidator(recipientsField, false, (control, value) ->
                ValidationResult.fromErrorIf(control, format(vm.recipientsProblemProperty().get()),
                        vm.recipientsProblemProperty().get() != null && !String.valueOf(value).isBlank()));
        subjectField.textProperty().bindBidirectional(vm.subjectProperty());
        subjectField.disableProperty().bind(vm.runningProperty());
        subjectHint.setText(texts.get("graph.ui.subject.hint", vm.defaultSubject()));

        attachmentList.setItems(vm.attachments());
        attachmentList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : texts.get("graph.ui.attachment", item.getFileName(),
                        MailAttachment.sizeForPeople(item.toFile().length())));
            }
        });
        addButton.disableProperty().bind(vm.runningProperty());
        removeButton.disableProperty().bind(vm.runningProperty()
                .or(attachmentList.getSelectionModel().selectedItemProperty().isNull()));
        showMessage(attachmentProblemLabel, vm.attachmentProblemProperty());
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);
        saveToSentItemsBox.selectedProperty().bindBidirectional(vm.saveToSentItemsProperty());
        saveToSentItemsBox.disableProperty().bind(vm.runningProperty());

        sendButton.disableProperty().bind(vm.canSendProperty().not());
        sendAgainButton.visibleProperty().bind(vm.awaitingDecisionProperty());
        sendAgainButton.managedProperty().bind(vm.awaitingDecisionProperty());
        sendAgainButton.disableProperty().bind(vm.runningProperty());
        cancelButton.visibleProperty().bind(vm.runningProperty());
        cancelButton.managedProperty().bind(vm.runningProperty());
        progressBox.visibleProperty().bind(vm.runningProperty());
        progressBox.managedProperty().bind(vm.runningProperty());
        progressIndicator.progressProperty().bind(vm.uploadProgressProperty());
        progressLabel.textProperty().bind(Bindings.createStringBinding(
                () -> format(vm.progressProperty().get()), vm.progressProperty()));

        // A mail that went (or may have gone) out has a test id to look for in the received mail.
        checkReceivedButton.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> checkReceived != null && vm.shownOutcomeProperty().get() != null
                        && vm.shownOutcomeProperty().get().proof() != null, vm.shownOutcomeProperty()));
        checkReceivedButton.managedProperty().bind(checkReceivedButton.visibleProperty());
        showMessage(resultStale, Bindings.createObjectBinding(() -> vm.staleReasonProperty().get() == null ? null
                : Message.of("graph.ui.earlier", texts.format(vm.staleReasonProperty().get())), vm.staleReasonProperty()));
        vm.shownOutcomeProperty().addListener((obs, old, now) -> render());
        vm.staleReasonProperty().addListener((obs, old, now) -> render());
        render();
    }

    /** Adds files dropped on the view (also called by tests: a real drag needs a second application). */
    void dropped(List<File> files) {
        List<Path> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.toPath()));
        vm.addAttachments(paths);
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && !vm.runningProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dragDropped(DragEvent event) {
        boolean accepted = event.getDragboard().hasFiles() && !vm.runningProperty().get();
        if (accepted) {
            dropped(event.getDragboard().getFiles());
        }
        event.setDropCompleted(accepted);
        event.consume();
    }

    @FXML
    void addAttachments() {
        vm.addAttachments(chooser.choose(root.getScene() == null ? null : root.getScene().getWindow()));
    }

    @FXML
    void removeAttachment() {
        Path selected = attachmentList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            vm.removeAttachment(selected);
        }
    }

    @FXML
    void send() {
        vm.send();
    }

    @FXML
    void sendAgain() {
        vm.sendAgain();
    }

    @FXML
    void cancel() {
        vm.cancel();
    }

    /** The last outcome, worded in this page's language; an outcome for earlier inputs loses its colour. */
    private void render() {
        ShownOutcome shown = vm.shownOutcomeProperty().get();
        resultSummary.getStyleClass().removeAll(OUTCOME_STYLES);
        if (shown == null) {
            resultBox.setVisible(false);
            resultBox.setManaged(false);
            return;
        }
        boolean stale = vm.staleReasonProperty().get() != null;
        resultSummary.setText(texts.format(shown.message()));
        SVGPath icon = StatusBadge.icon(shown.status());
        resultSummary.setGraphic(stale ? null : icon);
        if (!stale) {
            resultSummary.getStyleClass().add(shown.status() == Status.PASS ? "success"
                    : shown.status() == Status.WARN ? "warning" : "danger");
        }
        List<String> details = new ArrayList<>();
        if (!shown.details().isEmpty()) {
            details.add(texts.format(shown.details().get(0)));
        }
        if (shown.fix() != null) {
            details.add(texts.get("graph.ui.fix", texts.format(shown.fix())));
        }
        shown.details().stream().skip(1).forEach(d -> details.add(texts.format(d)));
        resultDetails.setText(String.join("\n\n", details));
        resultProof.setText(shown.proof() == null ? "" : texts.format(shown.proof()));
        resultProof.setVisible(shown.proof() != null);
        resultProof.setManaged(shown.proof() != null);
        resultBox.setVisible(true);
        resultBox.setManaged(true);
    }

    private void showMessage(Label label, javafx.beans.value.ObservableValue<Message> message) {
        label.textProperty().bind(Bindings.createStringBinding(() -> format(message.getValue()), message));
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> message.getValue() != null, message));
        label.managedProperty().bind(label.visibleProperty());
    }

    private String format(Message message) {
        return message == null ? "" : texts.format(message);
    }

    @Override
    public String titleKey() {
        return "graph.ui.title";
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
        recipientsField.requestFocus();
    }

    @Override
    public void left() {
        vm.cancel();
    }

    /** The view model, for the dialog and tests. */
    public MailStepViewModel viewModel() {
        return vm;
    }
}
