// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.m365mailwizard.ui.common.Clipboards;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.WizardStep;
import org.m365mailwizard.ui.shell.StepCatalog;

/**
 * The DNS screen's view, for the wizard's step and the standalone checker alike: binds the cards,
 * buttons and (standalone) input fields to {@link DnsStepViewModel}. Copying goes to the system
 * clipboard; nothing here waits for DNS.
 */
public final class DnsStepController implements WizardStep {

    private final DnsStepViewModel vm;
    private final Texts texts;

    @FXML private Parent root;
    @FXML private GridPane inputPane;
    @FXML private Label domainLabel;
    @FXML private TextField domainField;
    @FXML private Label cloudLabel;
    @FXML private ComboBox<Cloud> cloudChoice;
    @FXML private Label tenantLabel;
    @FXML private TextField tenantField;
    @FXML private Label subjectLabel;
    @FXML private Button checkButton;
    @FXML private Button cancelButton;
    @FXML private CheckBox authoritativeBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label problemLabel;
    @FXML private Button suggestButton;
    @FXML private Label staleLabel;
    @FXML private VBox cards;
    @FXML private Button copyAllButton;
    @FXML private Label copiedLabel;
    @FXML private Button publishButton;
    /** Opens "Publish at my DNS host" (ui.step.dns.publish); absent in the standalone checker. */
    private java.util.function.Consumer<javafx.stage.Window> publishOpener;

    public DnsStepController(DnsStepViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        boolean standalone = vm.isStandalone();
        setPublishOpener(publishOpener); // the wiring may have offered it before the view was loaded
        // In the wizard, Enter and Escape belong to the shell (Next, Cancel); in the checker's own window Enter checks.
        // (The checker's window handles Escape itself: it stops a running check, else closes.)
        checkButton.setDefaultButton(standalone);
        inputPane.setVisible(standalone);
        inputPane.setManaged(standalone);
        subjectLabel.setVisible(!standalone);
        subjectLabel.setManaged(!standalone);
        if (standalone) {
            domainLabel.setLabelFor(domainField);
            cloudLabel.setLabelFor(cloudChoice);
            tenantLabel.setLabelFor(tenantField);
            domainField.textProperty().bindBidirectional(vm.model().domainProperty());
            tenantField.textProperty().bindBidirectional(vm.model().tenantDomainProperty());
            cloudChoice.setItems(FXCollections.observableArrayList(Cloud.values()));
            cloudChoice.setConverter(converter(c -> texts.get("dnsui.cloud." + c.id())));
            cloudChoice.valueProperty().bindBidirectional(vm.model().cloudProperty());
        }
        authoritativeBox.selectedProperty().bindBidirectional(vm.authoritativeProperty());

        checkButton.disableProperty().bind(vm.runningProperty());
        cancelButton.visibleProperty().bind(vm.runningProperty());
        cancelButton.managedProperty().bind(vm.runningProperty());
        progressBar.visibleProperty().bind(vm.runningProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        statusLabel.textProperty().bind(vm.statusLineProperty());
        problemLabel.textProperty().bind(vm.problemProperty());
        problemLabel.managedProperty().bind(vm.problemProperty().isNotEmpty());
        problemLabel.visibleProperty().bind(problemLabel.managedProperty());
        if (standalone) {
            // In the wizard the domain is step 1's field (which offers the same), and the shell says when a result is stale.
            suggestButton.textProperty().bind(Bindings.createStringBinding(
                    () -> texts.get("dnsui.useSuggestion", vm.suggestionProperty().get()), vm.suggestionProperty()));
            suggestButton.managedProperty().bind(vm.suggestionProperty().isNotEmpty());
            suggestButton.visibleProperty().bind(suggestButton.managedProperty());
            staleLabel.textProperty().bind(vm.staleLineProperty());
            staleLabel.managedProperty().bind(vm.staleLineProperty().isNotEmpty());
            staleLabel.visibleProperty().bind(staleLabel.managedProperty());
            vm.staleLineProperty().addListener((obs, old, now) -> {
                cards.getStyleClass().remove("stale-result");
                if (!now.isEmpty()) {
                    cards.getStyleClass().add("stale-result");
                }
            });
        }
        copyAllButton.disableProperty().bind(vm.zoneSnippetProperty().isEmpty());
        checkButton.textProperty().bind(Bindings.when(Bindings.isEmpty(vm.model().dnsFindings()))
                .then(texts.get("dnsui.check")).otherwise(texts.get("dnsui.recheck")));

        vm.rows().addListener((ListChangeListener<DnsCheckRow>) change -> renderCards());
        vm.domainMissingProperty().addListener(o -> renderCards());
        renderCards();
    }

    /** One card per check (six, so every change simply builds them again); one when the domain does not exist. */
    private void renderCards() {
        cards.getChildren().clear();
        boolean missing = vm.domainMissingProperty().get();
        for (DnsCheckRow row : vm.rows()) {
            if (missing && !row.id().equals("mx")) {
                continue;
            }
            cards.getChildren().add(DnsCheckCard.of(row, texts, this::copy));
        }
        if (missing) {
            cards.getChildren().add(DnsCheckCard.skipped(texts, vm.rows().size() - 1));
        }
    }

    @FXML
    private void check() {
        copiedLabel.setText("");
        vm.check();
    }

    @FXML
    private void useSuggestion() {
        copiedLabel.setText("");
        vm.useSuggestion();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    /** Offers publishing at the DNS host through {@code opener}, given the window to own the dialog. */
    public void setPublishOpener(java.util.function.Consumer<javafx.stage.Window> opener) {
        this.publishOpener = opener;
        if (publishButton != null) {
            publishButton.setVisible(opener != null);
            publishButton.setManaged(opener != null);
        }
    }

    @FXML
    private void publish() {
        if (publishOpener != null) {
            publishOpener.accept(publishButton.getScene().getWindow());
        }
    }

    @FXML
    private void copyAll() {
        copy(vm.zoneSnippetProperty().get(), texts.get("dnsui.copied.all"));
    }

    private void copy(String text, String confirmation) {
        Clipboards.putText(text);
        copiedLabel.setText(confirmation);
    }

    private static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }

    @Override
    public String titleKey() {
        return StepCatalog.titleKey("dns");
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return vm.runningProperty().not();
    }

    @Override
    public void entered() {
        subjectLabel.setText(vm.subject());
        vm.checkIfChanged();
    }

    /** A running check goes on when the user moves to another step (it only reads DNS); the shell notifies when it ends. */
    @Override
    public void left() {
    }

    @Override
    public void disposed() {
        vm.cancel();
    }

    public DnsStepViewModel viewModel() {
        return vm;
    }
}
