// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.export.report.ReportFormat;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.WizardStep;

/** The Export step's view: binds {@code ExportStep.fxml} to {@link ExportStepViewModel}; no logic of its own. */
public final class ExportStepController implements WizardStep {

    private final ExportStepViewModel viewModel;
    private final ExportStepPlatform platform;
    private final Texts texts;
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ReadOnlyBooleanWrapper always = new ReadOnlyBooleanWrapper(true);

    @FXML
    private VBox root;
    @FXML
    private ComboBox<ExportTarget> targetChoice;
    @FXML
    private CheckBox includeSecret;
    @FXML
    private Label includeSecretHelp;
    @FXML
    private TextArea preview;
    @FXML
    private Label previewNote;
    @FXML
    private Label nextSteps;
    @FXML
    private Button saveButton;
    @FXML
    private Button copyButton;
    @FXML
    private Button saveReportButton;
    @FXML
    private Button openReportButton;
    @FXML
    private Label status;
    @FXML
    private javafx.scene.layout.HBox unopenedBox;
    @FXML
    private Label unopenedText;

    public ExportStepController(ExportStepViewModel viewModel, ExportStepPlatform platform, Texts texts) {
        this.viewModel = viewModel;
        this.platform = platform;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        // A systemd or cron export is a folder of several files, made on the server's side with the command line.
        targetChoice.setItems(FXCollections.observableArrayList(java.util.Arrays.stream(ExportTarget.values())
                .filter(t -> !t.writesFolder()).toList()));
        targetChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportTarget target) {
                return target == null ? "" : texts.get(target.nameKey());
            }

            @Override
            public ExportTarget fromString(String text) {
                return null;
            }
        });
        targetChoice.valueProperty().bindBidirectional(viewModel.targetProperty());
        includeSecret.selectedProperty().bindBidirectional(viewModel.includeSecretProperty());
        includeSecret.disableProperty().bind(viewModel.secretAvailableProperty().not());
        includeSecretHelp.textProperty().bind(Bindings.when(viewModel.secretAvailableProperty())
                .then(texts.get("export.step.includeSecret.help"))
                .otherwise(texts.get("export.step.includeSecret.none")));
        preview.textProperty().bind(viewModel.previewProperty());
        previewNote.textProperty().bind(viewModel.previewNoteProperty());
        nextSteps.textProperty().bind(viewModel.nextStepsProperty());
        status.textProperty().bind(viewModel.statusProperty());
        unopenedBox.managedProperty().bind(viewModel.unopenedReportProperty().isNotNull());
        unopenedBox.visibleProperty().bind(unopenedBox.managedProperty());
        unopenedText.textProperty().bind(Bindings.createStringBinding(() -> viewModel.unopenedReportProperty().get() == null
                ? "" : viewModel.statusProperty().get(), viewModel.unopenedReportProperty(), viewModel.statusProperty()));
        viewModel.statusIsErrorProperty().addListener((obs, old, error) ->
                status.pseudoClassStateChanged(ERROR, error));
        saveButton.disableProperty().bind(viewModel.exportableProperty().not().or(viewModel.busyProperty()));
        copyButton.disableProperty().bind(viewModel.exportableProperty().not());
        saveReportButton.disableProperty().bind(viewModel.busyProperty());
        openReportButton.disableProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void onSave() {
        ExportTarget target = viewModel.targetProperty().get();
        platform.chooseSaveFile(root.getScene().getWindow(), viewModel.suggestedFileName(),
                        List.of(new ExportStepPlatform.FileType(texts.get(target.nameKey()), target.extension())))
                .ifPresent(viewModel::save);
    }

    @FXML
    private void onCopy() {
        viewModel.content().ifPresent(text -> {
            platform.copyToClipboard(text);
            viewModel.copied();
        });
    }

    @FXML
    private void onSaveReport() {
        String description = texts.get("export.step.fileType.report");
        platform.chooseSaveFile(root.getScene().getWindow(), "setup-report.html", List.of(
                        new ExportStepPlatform.FileType(description + " (HTML)", "html"),
                        new ExportStepPlatform.FileType(description + " (Markdown)", "md")))
                .ifPresent(path -> viewModel.saveReport(path, formatOf(path), written -> { }));
    }

    @FXML
    private void onOpenReport() {
        viewModel.openReport(platform::open);
    }

    @FXML
    private void onCopyReportPath() {
        Path report = viewModel.unopenedReportProperty().get();
        if (report != null) {
            platform.copyToClipboard(report.toAbsolutePath().toString());
        }
    }

    /** Markdown when the chosen name ends in .md, else HTML. */
    static ReportFormat formatOf(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") ? ReportFormat.MARKDOWN : ReportFormat.HTML;
    }

    @Override
    public String titleKey() {
        return "export.step.title";
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        // The last step: nothing to validate before finishing.
        return always.getReadOnlyProperty();
    }

    @Override
    public void entered() {
        viewModel.entered();
    }
}
