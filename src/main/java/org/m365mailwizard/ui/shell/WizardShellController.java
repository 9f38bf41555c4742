// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.WizardStep;

/**
 * The shell around the steps: the step list, the header, the content and Back / Next / Cancel.
 * Next is the default button (Enter) and enabled only when the current step can advance; Cancel is
 * the cancel button (Escape) and hands over to the window, which asks before anything is dropped.
 */
public final class WizardShellController {

    private static final String LANGUAGE_PREFIX = "shell.language.";

    private final Texts texts;
    private final Runnable onCancel;
    private final Consumer<Language> onLanguageChosen;
    private StepNavigator navigator;

    @FXML private BorderPane root;
    @FXML private ListView<WizardStep> stepList;
    @FXML private Label stepCounter;
    @FXML private Label stepTitle;
    @FXML private ComboBox<Language> languageChoice;
    @FXML private VBox notices;
    @FXML private ScrollPane contentScroll;
    @FXML private StackPane content;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button cancelButton;

    WizardShellController(Texts texts, Runnable onCancel, Consumer<Language> onLanguageChosen) {
        this.texts = texts;
        this.onCancel = onCancel;
        this.onLanguageChosen = onLanguageChosen;
    }

    @FXML
    private void initialize() {
        languageChoice.setItems(FXCollections.observableArrayList(Language.values()));
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language language) {
                return language == null ? "" : texts.get(LANGUAGE_PREFIX + language.tag());
            }

            @Override
            public Language fromString(String text) {
                return null;
            }
        });
        languageChoice.setValue(texts.language());
        languageChoice.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != texts.language()) {
                // After this event: the handler replaces the whole scene graph, this combo box included.
                Platform.runLater(() -> onLanguageChosen.accept(chosen));
            }
        });
        notices.managedProperty().bind(Bindings.isNotEmpty(notices.getChildren()));
        notices.visibleProperty().bind(notices.managedProperty());
    }

    /** Puts the steps in; shows the one at {@code startIndex} (or the nearest reachable one before it). */
    void setSteps(List<WizardStep> steps, int startIndex) {
        navigator = new StepNavigator(steps);
        stepList.setItems(FXCollections.observableArrayList(steps));
        stepList.setCellFactory(list -> new StepCell());
        backButton.disableProperty().bind(navigator.canGoBack().not());
        nextButton.disableProperty().bind(navigator.canGoNext().not());
        navigator.currentProperty().addListener((obs, old, index) -> show(index.intValue()));
        int start = Math.max(0, Math.min(startIndex, steps.size() - 1));
        while (start > 0 && !navigator.canReach(start)) {
            start--;
        }
        navigator.goTo(start);
        stepList.getSelectionModel().selectedIndexProperty().addListener((obs, old, selected) -> {
            int wanted = selected.intValue();
            if (wanted >= 0 && wanted != navigator.currentProperty().get() && !navigator.goTo(wanted)) {
                // Not reachable yet: put the selection back on the step that is shown.
                Platform.runLater(() -> stepList.getSelectionModel().select(navigator.currentProperty().get()));
            }
        });
        // Reachability changes as the user types: repaint the list's state.
        steps.forEach(s -> s.canAdvance().addListener((obs, was, is) -> stepList.refresh()));
    }

    private void show(int index) {
        WizardStep step = navigator.currentStep();
        stepTitle.setText(texts.get(step.titleKey()));
        stepCounter.setText(texts.get("shell.stepCounter", index + 1, navigator.steps().size()));
        content.getChildren().setAll(step.view());
        contentScroll.setVvalue(0);
        stepList.getSelectionModel().select(index);
        stepList.refresh();
    }

    /** Shows a message above the step until the user dismisses it. */
    void showNotice(Message message) {
        Label text = new Label(texts.format(message));
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button(texts.get("shell.notice.dismiss"));
        HBox notice = new HBox(10, text, dismiss);
        notice.getStyleClass().add("notice");
        dismiss.setOnAction(e -> notices.getChildren().remove(notice));
        notices.getChildren().add(notice);
    }

    int currentIndex() {
        return navigator.currentProperty().get();
    }

    /** The window closes or is rebuilt. */
    void leave() {
        navigator.leave();
    }

    BorderPane root() {
        return root;
    }

    ComboBox<Language> languageChoice() {
        return languageChoice;
    }

    @FXML
    private void back() {
        navigator.back();
    }

    @FXML
    private void next() {
        navigator.next();
    }

    @FXML
    private void cancel() {
        onCancel.run();
    }

    private final class StepCell extends ListCell<WizardStep> {
        @Override
        protected void updateItem(WizardStep step, boolean empty) {
            super.updateItem(step, empty);
            getStyleClass().removeAll("current", "unreachable");
            if (empty || step == null) {
                setText(null);
                return;
            }
            setText(texts.get("shell.stepListEntry", getIndex() + 1, texts.get(step.titleKey())));
            if (getIndex() == navigator.currentProperty().get()) {
                getStyleClass().add("current");
            } else if (!navigator.canReach(getIndex())) {
                getStyleClass().add("unreachable");
            }
        }
    }
}
