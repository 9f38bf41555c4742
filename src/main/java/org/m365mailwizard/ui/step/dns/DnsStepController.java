// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.util.StringConverter;
import org.m365mailwizard.ui.common.Clipboards;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.StatusBadge;
import org.m365mailwizard.ui.common.WizardStep;
import org.m365mailwizard.ui.shell.StepCatalog;

/**
 * The DNS screen's view, for the wizard's step and the standalone checker alike: binds the table,
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
    @FXML private GridPane table;
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
        // In the wizard, Enter and Escape belong to the shell (Next, Cancel); the checker's own window has only these.
        checkButton.setDefaultButton(standalone);
        cancelButton.setCancelButton(standalone);
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
        copyAllButton.disableProperty().bind(vm.zoneSnippetProperty().isEmpty());
        checkButton.textProperty().bind(Bindings.when(Bindings.isEmpty(vm.model().dnsFindings()))
                .then(texts.get("dnsui.check")).otherwise(texts.get("dnsui.recheck")));

        vm.rows().addListener((ListChangeListener<DnsCheckRow>) change -> renderTable());
        renderTable();
    }

    /** Header and one grid row per check; six rows, so every change simply lays them out again. */
    private void renderTable() {
        table.getChildren().clear();
        String[] headers = {"dnsui.column.status", "dnsui.column.check", "dnsui.column.message",
            "dnsui.column.expected", "dnsui.column.found", "dnsui.column.fix"};
        for (int column = 0; column < headers.length; column++) {
            table.add(cell(wrapped(texts.get(headers[column]), "dns-header-text"), "dns-header"), column, 0);
        }
        int rowIndex = 1;
        for (DnsCheckRow row : vm.rows()) {
            table.add(cell(statusNode(row), "dns-status-cell"), 0, rowIndex);
            table.add(cell(wrapped(row.name(), "dns-check-name"), "dns-name-cell"), 1, rowIndex);
            VBox why = new VBox(4, wrapped(row.message(), "dns-message"));
            if (!row.notes().isEmpty()) {
                why.getChildren().add(wrapped(row.notes(), "dns-note"));
            }
            table.add(cell(why, "dns-why-cell"), 2, rowIndex);
            table.add(cell(wrapped(row.expected(), "dns-record"), "dns-expected-cell"), 3, rowIndex);
            table.add(cell(wrapped(row.found(), "dns-record"), "dns-found-cell"), 4, rowIndex);
            table.add(cell(fixNode(row), "dns-fix-cell"), 5, rowIndex);
            rowIndex++;
        }
    }

    @FXML
    private void check() {
        copiedLabel.setText("");
        vm.check();
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

    private Node statusNode(DnsCheckRow row) {
        Status status = row.status();
        String kind = StatusBadge.kind(status);
        SVGPath icon = StatusBadge.icon(status);
        Label label = new Label(row.statusText(), icon);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("status-" + kind);
        label.setId("status-" + row.id());
        // A screen reader says which check and its state; the icon alone says nothing.
        label.setAccessibleText(texts.get("status.accessible.check", row.name(), row.statusText()));
        return label;
    }

    private Node fixNode(DnsCheckRow row) {
        if (!row.hasFix()) {
            return wrapped("", "dns-record");
        }
        Label value = wrapped(row.fix(), "dns-record");
        Button copy = new Button(texts.get("dnsui.copy"));
        copy.setId("copy-" + row.id());
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> copy(row.fix(), texts.get("dnsui.copied.one", row.name())));
        VBox box = new VBox(4, value, copy);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** A grid cell: fills its area (so the row lines run the full width) and starts at the top left. */
    private static Node cell(Node content, String styleClass) {
        VBox box = new VBox(content);
        box.getStyleClass().addAll("dns-cell", styleClass);
        box.setAlignment(Pos.TOP_LEFT);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        box.setMinHeight(Region.USE_PREF_SIZE);
        GridPane.setFillHeight(box, true);
        GridPane.setFillWidth(box, true);
        GridPane.setValignment(box, VPos.TOP);
        return box;
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
