// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.domain;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.Feedback;
import org.m365mailwizard.ui.common.ThemedValidationDecoration;
import org.m365mailwizard.ui.common.WizardStep;
import org.m365mailwizard.ui.shell.StepCatalog;

/** Step 1's view: binds the fields to the view model and shows its feedback on and under each field. */
public final class DomainStepController implements WizardStep {

    private static final String TARGET_PREFIX = "domain.target.";
    private static final String CLOUD_PREFIX = "domain.cloud.";
    private static final List<String> FEEDBACK_CLASSES = List.of("missing", "error", "warning");

    private final DomainStepViewModel vm;
    private final Texts texts;
    private final ValidationSupport validation = new ValidationSupport();
    private final InvalidationListener revalidateSender = o -> validation.revalidate(this.senderField);
    private final InvalidationListener revalidateSiteUrl = o -> validation.revalidate(this.siteUrlField);

    @FXML private Parent root;
    @FXML private Label domainLabel;
    @FXML private TextField domainField;
    @FXML private Label domainFeedback;
    @FXML private Label domainForms;
    @FXML private Label senderLabel;
    @FXML private TextField senderField;
    @FXML private Label senderFeedback;
    @FXML private Label senderNameLabel;
    @FXML private TextField senderNameField;
    @FXML private Label siteUrlLabel;
    @FXML private TextField siteUrlField;
    @FXML private Label siteUrlFeedback;
    @FXML private Label wordpressUrlLabel;
    @FXML private TextField wordpressUrlField;
    @FXML private Label wordpressUrlFeedback;
    @FXML private Button checkSiteButton;
    @FXML private Button domainSuggestButton;
    @FXML private Label siteFindings;
    @FXML private Label targetLabel;
    @FXML private ComboBox<PluginTarget> targetChoice;
    @FXML private CheckBox plainPermalinksBox;
    @FXML private Label cloudLabel;
    @FXML private ComboBox<Cloud> cloudChoice;

    public DomainStepController(DomainStepViewModel vm, Texts texts) {
        this.vm = vm;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        // Mnemonics (Alt+letter) on the labels move the focus to their field.
        domainLabel.setLabelFor(domainField);
        senderLabel.setLabelFor(senderField);
        senderNameLabel.setLabelFor(senderNameField);
        siteUrlLabel.setLabelFor(siteUrlField);
        wordpressUrlLabel.setLabelFor(wordpressUrlField);
        targetLabel.setLabelFor(targetChoice);
        cloudLabel.setLabelFor(cloudChoice);

        domainField.textProperty().bindBidirectional(vm.domainProperty());
        senderField.textProperty().bindBidirectional(vm.senderProperty());
        senderNameField.textProperty().bindBidirectional(vm.senderNameProperty());
        siteUrlField.textProperty().bindBidirectional(vm.siteUrlProperty());
        wordpressUrlField.textProperty().bindBidirectional(vm.wordpressUrlProperty());
        checkSiteButton.disableProperty().bind(vm.siteCheckingProperty());
        checkSiteButton.setOnAction(e -> vm.checkSite(texts));
        siteFindings.textProperty().bind(vm.siteFindingsProperty());
        siteFindings.managedProperty().bind(siteFindings.textProperty().isNotEmpty());
        siteFindings.visibleProperty().bind(siteFindings.managedProperty());

        targetChoice.setItems(FXCollections.observableArrayList(PluginTarget.values()));
        targetChoice.setConverter(converter(t -> texts.get(TARGET_PREFIX + t.id())));
        targetChoice.valueProperty().bindBidirectional(vm.targetProperty());
        cloudChoice.setItems(FXCollections.observableArrayList(Cloud.values()));
        cloudChoice.setConverter(converter(c -> texts.get(CLOUD_PREFIX + c.id())));
        cloudChoice.valueProperty().bindBidirectional(vm.cloudProperty());
        plainPermalinksBox.selectedProperty().bindBidirectional(vm.plainPermalinksProperty());
        plainPermalinksBox.visibleProperty().bind(vm.plainPermalinksApplies());
        plainPermalinksBox.managedProperty().bind(vm.plainPermalinksApplies());

        showFeedback(domainFeedback, vm.domainFeedback());
        showFeedback(senderFeedback, vm.senderFeedback());
        showFeedback(siteUrlFeedback, vm.siteUrlFeedback());
        showFeedback(wordpressUrlFeedback, vm.wordpressUrlFeedback());
        domainForms.textProperty().bind(Bindings.createStringBinding(
                () -> vm.domainForms().get() == null ? "" : texts.format(vm.domainForms().get()), vm.domainForms()));
        domainForms.managedProperty().bind(domainForms.textProperty().isNotEmpty());
        domainForms.visibleProperty().bind(domainForms.managedProperty());
        domainSuggestButton.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("dnsui.useSuggestion", vm.domainSuggestion().get()), vm.domainSuggestion()));
        domainSuggestButton.managedProperty().bind(vm.domainSuggestion().isNotEmpty());
        domainSuggestButton.visibleProperty().bind(domainSuggestButton.managedProperty());

        validation.setValidationDecorator(new ThemedValidationDecoration());
        // Decorations judge the value the field holds right now, with the same rules as the view model.
        validation.registerValidator(domainField, true,
                decorate(DomainStepViewModel::checkDomain));
        validation.registerValidator(senderField, true,
                decorate(text -> DomainStepViewModel.checkSender(text, vm.domainProperty().get())));
        validation.registerValidator(siteUrlField, true,
                decorate(text -> DomainStepViewModel.checkSiteUrl(text, vm.targetProperty().get())));
        // Weak: after a language switch this controller is dropped while the shared model lives on.
        vm.domainProperty().addListener(new WeakInvalidationListener(revalidateSender));
        vm.targetProperty().addListener(new WeakInvalidationListener(revalidateSiteUrl));
    }

    @FXML
    private void useDomainSuggestion() {
        vm.useDomainSuggestion();
        domainField.requestFocus();
        domainField.end();
    }

    @Override
    public String titleKey() {
        return StepCatalog.titleKey("domain");
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
    public void left() {
        vm.cancelSiteCheck();
    }

    @Override
    public void disposed() {
        vm.cancelSiteCheck();
    }

    @Override
    public void entered() {
        // Later: on the first entry the view is not in a showing window yet.
        Platform.runLater(domainField::requestFocus);
    }

    private Validator<String> decorate(Function<String, Feedback> check) {
        return (Control control, String text) -> {
            Feedback feedback = check.apply(text);
            return switch (feedback.level()) {
                case ERROR -> ValidationResult.fromError(control, texts.format(feedback.message()));
                case WARNING -> ValidationResult.fromWarning(control, texts.format(feedback.message()));
                case NONE, MISSING -> new ValidationResult();
            };
        };
    }

    private void showFeedback(Label label, ObservableValue<Feedback> feedback) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> feedback.getValue().message() == null ? "" : texts.format(feedback.getValue().message()), feedback));
        Runnable style = () -> {
            label.getStyleClass().removeAll(FEEDBACK_CLASSES);
            switch (feedback.getValue().level()) {
                case MISSING -> label.getStyleClass().add("missing");
                case ERROR -> label.getStyleClass().add("error");
                case WARNING -> label.getStyleClass().add("warning");
                case NONE -> { }
            }
        };
        feedback.addListener(o -> style.run());
        style.run();
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
