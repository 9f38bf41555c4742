// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.app;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.stage.Window;
import org.m365mailwizard.core.appsetup.SetupRequest;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import org.m365mailwizard.ui.common.StatusBadge;
import org.m365mailwizard.ui.common.StepStatus;
import org.m365mailwizard.ui.common.ThemedValidationDecoration;
import org.m365mailwizard.ui.common.Clipboards;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * Step 2's view: binds the fields to the shared model through the view model, decorates each field
 * with its finding, and lists every finding. Links open through the injected consumer (the system
 * browser in the application, a recorder in tests).
 */
public final class AppStepController implements WizardStep {

    private static final List<String> STATUS_CLASSES = List.of("pass", "warn", "fail", "error");

    private final AppStepViewModel vm;
    private final Texts texts;
    private final Consumer<URI> openUrl;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private Parent root;
    @FXML private Label tenantLabel;
    @FXML private TextField tenantField;
    @FXML private Hyperlink tenantHelp;
    @FXML private Label clientIdLabel;
    @FXML private TextField clientIdField;
    @FXML private Hyperlink clientIdHelp;
    @FXML private Label secretLabel;
    @FXML private PasswordField secretField;
    @FXML private TextField secretShownField;
    @FXML private ToggleButton showSecretButton;
    @FXML private Hyperlink secretHelp;
    @FXML private Label expiryLabel;
    @FXML private DatePicker expiryPicker;
    @FXML private Label redirectLabel;
    @FXML private TextField redirectField;
    @FXML private Button copyRedirectButton;
    @FXML private Label multiTenantNote;
    @FXML private Button createAppButton;
    @FXML private Button repairAppButton;
    @FXML private Button discoverButton;
    @FXML private Button checkButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator progressIndicator;
    @FXML private Label progressLabel;
    @FXML private Hyperlink adminConsentLink;
    @FXML private VBox findingsBox;
    @FXML private VBox microsoftBox;
    @FXML private Label microsoftHeading;
    @FXML private Label staleLine;
    @FXML private Label blockedLine;
    @FXML private VBox microsoftList;
    @FXML private Label tenantFeedback;
    @FXML private Label clientIdFeedback;
    @FXML private Label secretFeedback;
    @FXML private Label expiryFeedback;
    @FXML private Label redirectFeedback;
    @FXML private Label redirectHint;
    @FXML private HBox redirectRow;

    /** Opens "Create it for me" or "Check and repair this app" over the given window. */
    @FunctionalInterface
    public interface AppSetupLauncher {
        void open(SetupRequest.Mode mode, Window owner);
    }

    private final AppSetupLauncher setup;

    public AppStepController(AppStepViewModel vm, Texts texts, Consumer<URI> openUrl) {
        this(vm, texts, openUrl, null);
    }

    /** @param setup opens the app setup; null hides its buttons */
    public AppStepController(AppStepViewModel vm, Texts texts, Consumer<URI> openUrl, AppSetupLauncher setup) {
        this.vm = vm;
        this.texts = texts;
        this.openUrl = openUrl;
        this.setup = setup;
    }

    @FXML
    private void initialize() {
        tenantLabel.setLabelFor(tenantField);
        clientIdLabel.setLabelFor(clientIdField);
        secretLabel.setLabelFor(secretField);
        expiryLabel.setLabelFor(expiryPicker);
        redirectLabel.setLabelFor(redirectField);

        var model = vm.model();
        tenantField.textProperty().bindBidirectional(model.tenantProperty());
        clientIdField.textProperty().bindBidirectional(model.clientIdProperty());
        secretField.textProperty().bindBidirectional(model.clientSecretProperty());
        secretShownField.textProperty().bindBidirectional(model.clientSecretProperty());
        // The date as everywhere else in the product (messages, exports): 2027-05-01, never 5/1/2027.
        expiryPicker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ISO_LOCAL_DATE));
        expiryPicker.valueProperty().bindBidirectional(model.clientSecretExpiresProperty());
        redirectField.textProperty().bindBidirectional(model.redirectUriProperty());
        redirectField.editableProperty().bind(vm.redirectComputed().not());

        // The secret is masked unless the user asks to see it.
        secretShownField.visibleProperty().bind(showSecretButton.selectedProperty());
        secretShownField.managedProperty().bind(showSecretButton.selectedProperty());
        secretField.visibleProperty().bind(showSecretButton.selectedProperty().not());
        secretField.managedProperty().bind(showSecretButton.selectedProperty().not());
        showSecretButton.textProperty().bind(Bindings.when(showSecretButton.selectedProperty())
                .then(texts.get("app.step.secret.hide")).otherwise(texts.get("app.step.secret.show")));

        tenantHelp.setOnAction(e -> openUrl.accept(vm.tenantHelpLink()));
        clientIdHelp.setOnAction(e -> openUrl.accept(vm.appHelpLink()));
        secretHelp.setOnAction(e -> openUrl.accept(vm.appHelpLink()));
        copyRedirectButton.setOnAction(e -> copy(model.redirectUriProperty().get()));
        copyRedirectButton.disableProperty().bind(model.redirectUriProperty().isEmpty());
        // Another server sending with the app's own permission needs no redirect URI: no field, no hint.
        for (Node node : List.<Node>of(redirectLabel, redirectRow, redirectHint)) {
            node.visibleProperty().bind(vm.redirectNeeded());
            node.managedProperty().bind(vm.redirectNeeded());
        }
        multiTenantNote.visibleProperty().bind(vm.multiTenantRequired());
        multiTenantNote.managedProperty().bind(vm.multiTenantRequired());

        createAppButton.setVisible(setup != null);
        createAppButton.setManaged(setup != null);
        repairAppButton.setVisible(setup != null);
        repairAppButton.setManaged(setup != null);
        createAppButton.setOnAction(e -> setup.open(SetupRequest.Mode.CREATE, root.getScene().getWindow()));
        repairAppButton.setOnAction(e -> setup.open(SetupRequest.Mode.REPAIR, root.getScene().getWindow()));
        // Repair needs the app to look at; creating needs nothing typed yet.
        repairAppButton.disableProperty().bind(model.clientIdProperty().isEmpty().or(vm.runningProperty()));
        createAppButton.disableProperty().bind(vm.runningProperty());
        discoverButton.setOnAction(e -> vm.discoverTenant());
        checkButton.setOnAction(e -> vm.checkWithMicrosoft());
        cancelButton.setOnAction(e -> vm.cancel());
        discoverButton.disableProperty().bind(vm.runningProperty().or(Bindings.createBooleanBinding(
                () -> vm.inputProperty().get() == null || !vm.inputProperty().get().tenantUsable(), vm.inputProperty())));
        checkButton.disableProperty().bind(vm.runningProperty().or(vm.canAdvance().not()));
        cancelButton.visibleProperty().bind(vm.runningProperty());
        cancelButton.managedProperty().bind(vm.runningProperty());
        progressIndicator.visibleProperty().bind(vm.runningProperty());
        progressIndicator.managedProperty().bind(vm.runningProperty());
        progressLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.progressProperty().get() == null ? "" : texts.format(vm.progressProperty().get()),
                vm.progressProperty()));
        adminConsentLink.visibleProperty().bind(vm.adminConsentUrlProperty().isNotEmpty());
        adminConsentLink.managedProperty().bind(vm.adminConsentUrlProperty().isNotEmpty());
        adminConsentLink.setOnAction(e -> openUrl.accept(URI.create(vm.adminConsentUrlProperty().get())));

        // As in step 1: the field's own danger/warning state, and the reason in words under it.
        validation.setValidationDecorator(new ThemedValidationDecoration());
        validation.registerValidator(tenantField, false, decorate(AppCheckIds.TENANT));
        validation.registerValidator(clientIdField, false, decorate(AppCheckIds.CLIENT_ID));
        validation.registerValidator(secretField, false, decorate(AppCheckIds.SECRET));
        validation.registerValidator(secretShownField, false, decorate(AppCheckIds.SECRET));
        validation.registerValidator(expiryPicker, false, decorate(AppCheckIds.SECRET_EXPIRY));
        validation.registerValidator(redirectField, false, decorate(AppCheckIds.REDIRECT_URI));

        staleLine.textProperty().bind(Bindings.createStringBinding(() -> vm.staleReason().get() == null ? ""
                : texts.format(vm.staleReason().get()), vm.staleReason()));
        staleLine.setGraphic(StatusBadge.of(StepStatus.STALE, texts).getGraphic());
        showWhen(staleLine, staleLine.textProperty().isNotEmpty());
        blockedLine.textProperty().bind(Bindings.createStringBinding(() -> vm.blockedReason().get() == null ? ""
                : texts.format(vm.blockedReason().get()), vm.blockedReason()));
        blockedLine.setGraphic(StatusBadge.icon(Status.FAIL));
        showWhen(blockedLine, blockedLine.textProperty().isNotEmpty());

        model.appFindings().addListener((ListChangeListener<Finding>) change -> showFindings());
        vm.staleReason().addListener(o -> showFindings());
        showFindings();
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** The reason under each field, as in step 1: red for a problem, amber for a note, nothing when fine. */
    private void showFieldFeedback() {
        feedback(tenantFeedback, AppCheckIds.TENANT, model().tenantProperty().get());
        feedback(clientIdFeedback, AppCheckIds.CLIENT_ID, model().clientIdProperty().get());
        feedback(secretFeedback, AppCheckIds.SECRET, model().clientSecretProperty().get());
        feedback(expiryFeedback, AppCheckIds.SECRET_EXPIRY, model().clientSecretExpiresProperty().get());
        feedback(redirectFeedback, AppCheckIds.REDIRECT_URI, model().redirectUriProperty().get());
    }

    private org.m365mailwizard.ui.shell.WizardModel model() {
        return vm.model();
    }

    private void feedback(Label label, String id, Object value) {
        Optional<Finding> finding = vm.fieldFinding(id).filter(f -> f.status() != Status.PASS);
        boolean show = finding.isPresent() && !isBlank(value);
        label.getStyleClass().removeAll("error", "warning");
        label.setText(show ? texts.format(finding.get().message()) : "");
        if (show) {
            label.getStyleClass().add(finding.get().status() == Status.WARN ? "warning" : "error");
        }
        label.setVisible(show);
        label.setManaged(show);
    }

    private <T> Validator<T> decorate(String findingId) {
        return (Control control, T value) -> {
            Optional<Finding> finding = vm.fieldFinding(findingId);
            if (finding.isEmpty() || isBlank(value)) {
                // An empty field is not yet an error to paint red; the findings list says what is missing.
                return new ValidationResult();
            }
            String text = texts.format(finding.get().message());
            return switch (finding.get().status()) {
                case FAIL, ERROR -> ValidationResult.fromError(control, text);
                case WARN -> ValidationResult.fromWarning(control, text);
                case PASS -> new ValidationResult();
            };
        };
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    /**
     * Microsoft's answer first, where the user is looking (under the buttons that ask), then the checks
     * of what is typed: each with its state as an icon and a word, as on the DNS step.
     */
    private void showFindings() {
        findingsBox.getChildren().clear();
        microsoftList.getChildren().clear();
        boolean stale = vm.staleReason().get() != null;
        for (Finding f : vm.model().appFindings()) {
            boolean remote = AppStepViewModel.fromMicrosoft(f);
            (remote ? microsoftList : findingsBox).getChildren().add(row(f, remote && stale));
        }
        boolean answered = !microsoftList.getChildren().isEmpty();
        Message when = vm.answeredAt();
        microsoftHeading.setText(when == null ? texts.get("app.step.microsoft.heading")
                : texts.get("app.step.microsoft.headingAt", texts.format(when)));
        microsoftBox.setVisible(answered);
        microsoftBox.setManaged(answered);
        showFieldFeedback();
        validation.revalidate();
    }

    private Node row(Finding f, boolean stale) {
        Label badge = stale ? StatusBadge.of(StepStatus.STALE, texts) : StatusBadge.of(f.status(), texts);
        Label line = new Label(texts.format(f.message()));
        line.setWrapText(true);
        line.setId("finding-" + f.id());
        line.getStyleClass().removeAll(STATUS_CLASSES);
        line.getStyleClass().addAll("finding", stale ? "stale" : f.status().jsonName());
        VBox text = new VBox(2, line);
        if (f.status() != Status.PASS) {
            for (Message note : f.notes()) {
                Label fix = new Label(texts.format(note));
                fix.setWrapText(true);
                fix.getStyleClass().addAll("finding-note", "hint");
                text.getChildren().add(fix);
            }
        }
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinWidth(0);
        HBox row = new HBox(8, badge, text);
        row.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        row.getStyleClass().add("finding-row");
        return row;
    }

    private void copy(String text) {
        Clipboards.putText(text);
    }

    @Override
    public String titleKey() {
        return "app.step.title";
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
        tenantField.requestFocus();
    }

    @Override
    public void left() {
        vm.cancel();
    }
}
