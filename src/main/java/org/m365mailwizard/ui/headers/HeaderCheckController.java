// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.headers;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.StatusBadge;

/** The thin controller of {@code HeaderCheck.fxml}: binds the view model, lays out its rows, handles files, drops and dialogs. */
public final class HeaderCheckController {

    /** No filter: pasted headers come as .eml, .txt or files without an extension. */
    private static final List<FileDialogs.FileType> MAIL_FILES = List.of();
    private static final String[] HEADERS = {"headers.ui.col.check", "headers.ui.col.result", "headers.ui.col.identity",
        "headers.ui.col.meaning", "headers.ui.col.fix"};

    @FXML private VBox root;
    @FXML private TextArea inputArea;
    @FXML private Label inputLabel;
    @FXML private Button checkButton;
    @FXML private Button openButton;
    @FXML private Button clearButton;
    @FXML private Button saveButton;
    @FXML private Button dnsButton;
    @FXML private Label problemLabel;
    @FXML private Label verdictLabel;
    @FXML private GridPane table;

    private final HeaderCheckViewModel vm;
    private final Texts texts;
    private final FileDialogs dialogs;
    private final java.util.function.BiConsumer<String, javafx.stage.Window> openDns;

    /** {@code openDns} opens the DNS checker on a domain (the fix lives in its records), over a window. */
    public HeaderCheckController(HeaderCheckViewModel vm, Texts texts, FileDialogs dialogs,
                                 java.util.function.BiConsumer<String, javafx.stage.Window> openDns) {
        this.vm = vm;
        this.texts = texts;
        this.dialogs = dialogs;
        this.openDns = openDns;
    }

    @FXML
    void initialize() {
        inputArea.textProperty().bindBidirectional(vm.inputProperty());
        checkButton.disableProperty().bind(vm.runningProperty().or(vm.inputProperty().isEmpty()));
        openButton.disableProperty().bind(vm.runningProperty());
        saveButton.disableProperty().bind(vm.runningProperty().or(vm.hasResultProperty().not()));
        problemLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.problemProperty().get() == null ? "" : texts.format(vm.problemProperty().get()),
                vm.problemProperty()));
        problemLabel.visibleProperty().bind(problemLabel.textProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        verdictLabel.textProperty().bind(vm.verdictProperty());
        verdictLabel.visibleProperty().bind(verdictLabel.textProperty().isNotEmpty());
        verdictLabel.managedProperty().bind(verdictLabel.visibleProperty());
        dnsButton.visibleProperty().bind(vm.dnsDomainProperty().isNotNull());
        dnsButton.managedProperty().bind(dnsButton.visibleProperty());
        dnsButton.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("headers.ui.dns", vm.dnsDomainProperty().get()), vm.dnsDomainProperty()));
        vm.rows().addListener((ListChangeListener<HeaderCheckViewModel.Row>) change -> render());
        render();
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);
    }

    private void render() {
        table.getChildren().clear();
        for (int column = 0; column < HEADERS.length; column++) {
            table.add(cell(wrapped(texts.get(HEADERS[column]), "dns-header-text"), "dns-header"), column, 0);
        }
        if (vm.rows().isEmpty()) {
            table.add(cell(wrapped(texts.get("headers.ui.empty"), "dns-note"), "headers-empty"), 0, 1, HEADERS.length, 1);
            return;
        }
        int index = 1;
        for (HeaderCheckViewModel.Row row : vm.rows()) {
            table.add(cell(wrapped(row.check(), "dns-subject"), "headers-check-cell"), 0, index);
            table.add(cell(status(row), "headers-status-cell"), 1, index);
            table.add(cell(wrapped(row.identity(), "dns-record"), "headers-identity-cell"), 2, index);
            table.add(cell(wrapped(row.meaning(), "headers-meaning"), "headers-meaning-cell"), 3, index);
            table.add(cell(wrapped(row.fix(), "dns-note"), "headers-fix-cell"), 4, index);
            index++;
        }
    }

    private Node status(HeaderCheckViewModel.Row row) {
        Label label = StatusBadge.of(row.status(), texts);
        label.setId("status-" + row.id());
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        // A screen reader says which check and its state; the icon alone says nothing.
        label.setAccessibleText(texts.get("status.accessible.check", row.check(), label.getText()));
        return label;
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

    @FXML
    private void check() {
        vm.check();
    }

    @FXML
    private void openDns() {
        openDns.accept(vm.dnsDomainProperty().get(), root.getScene().getWindow());
    }

    @FXML
    private void openFile() {
        Optional<Path> file = dialogs.chooseToOpen(root.getScene().getWindow(), texts.get("headers.ui.open.title"), MAIL_FILES);
        file.ifPresent(vm::open);
    }

    @FXML
    private void clear() {
        vm.clear();
    }

    @FXML
    private void save() {
        dialogs.chooseToSave(root.getScene().getWindow(), texts.get("headers.ui.save.title"), "mail-check.txt",
                List.of(new FileDialogs.FileType(texts.get("headers.ui.save.type"), "txt"))).ifPresent(vm::save);
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() || event.getDragboard().hasString()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dragDropped(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles()) {
            dropped(event.getDragboard().getFiles());
            done = true;
        } else if (event.getDragboard().hasString()) {
            vm.inputProperty().set(event.getDragboard().getString());
            vm.check();
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    /** Reads the first dropped file (also called by tests: a real drag needs a second application). */
    void dropped(List<File> files) {
        if (!files.isEmpty()) {
            vm.open(files.get(0).toPath());
        }
    }

    HeaderCheckViewModel viewModel() {
        return vm;
    }

    VBox view() {
        return root;
    }
}
