// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.headers;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Region;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.StatusBadge;

/** The thin controller of {@code HeaderCheck.fxml}: binds the view model, handles files, drops and dialogs. */
public final class HeaderCheckController {

    /** No filter: pasted headers come as .eml, .txt or files without an extension. */
    private static final List<FileDialogs.FileType> MAIL_FILES = List.of();

    @FXML private VBox root;
    @FXML private TextArea inputArea;
    @FXML private Label inputLabel;
    @FXML private Button checkButton;
    @FXML private Button openButton;
    @FXML private Button clearButton;
    @FXML private Button saveButton;
    @FXML private Label problemLabel;
    @FXML private Label verdictLabel;
    @FXML private TableView<HeaderCheckViewModel.Row> table;
    @FXML private TableColumn<HeaderCheckViewModel.Row, String> checkColumn;
    @FXML private TableColumn<HeaderCheckViewModel.Row, HeaderCheckViewModel.Row> resultColumn;
    @FXML private TableColumn<HeaderCheckViewModel.Row, String> identityColumn;
    @FXML private TableColumn<HeaderCheckViewModel.Row, String> meaningColumn;
    @FXML private TableColumn<HeaderCheckViewModel.Row, String> fixColumn;

    private final HeaderCheckViewModel vm;
    private final Texts texts;
    private final FileDialogs dialogs;

    public HeaderCheckController(HeaderCheckViewModel vm, Texts texts, FileDialogs dialogs) {
        this.vm = vm;
        this.texts = texts;
        this.dialogs = dialogs;
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

        table.setItems(vm.rows());
        table.setPlaceholder(new Label(texts.get("headers.ui.empty")));
        wrapping(checkColumn, HeaderCheckViewModel.Row::check);
        wrapping(identityColumn, HeaderCheckViewModel.Row::identity);
        wrapping(meaningColumn, HeaderCheckViewModel.Row::meaning);
        wrapping(fixColumn, HeaderCheckViewModel.Row::fix);
        resultColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        resultColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(HeaderCheckViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : StatusBadge.of(row.status(), texts));
            }
        });
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);
    }

    /** Columns of long explanations wrap in the cell instead of widening the table. */
    private static void wrapping(TableColumn<HeaderCheckViewModel.Row, String> column,
                                 Function<HeaderCheckViewModel.Row, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(col -> new TableCell<>() {
            private final Label text = new Label();

            {
                // A label, not a Text node, so that the theme colours it (dark mode included).
                text.setWrapText(true);
                text.maxWidthProperty().bind(col.widthProperty().subtract(12));
                text.setMinHeight(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
    }

    @FXML
    private void check() {
        vm.check();
    }

    @FXML
    private void openFile() {
        Optional<Path> file = dialogs.chooseToOpen(root.getScene().getWindow(), texts.get("headers.ui.open.title"), MAIL_FILES);
        file.ifPresent(vm::open);
    }

    @FXML
    private void clear() {
        vm.inputProperty().set("");
        vm.rows().clear();
        vm.verdictProperty().set("");
        vm.hasResultProperty().set(false);
        vm.problemProperty().set(null);
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
