// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.Labels;

/** What the start page and the shell both show: the language choice and dismissable notices. */
final class ShellControls {

    private ShellControls() {
    }

    /** Fills the language choice; choosing another language calls {@code chosen} after the event (it rebuilds the page). */
    static void languageChoice(ComboBox<Language> choice, Texts texts, Consumer<Language> chosen) {
        choice.setItems(FXCollections.observableArrayList(Language.values()));
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language language) {
                return language == null ? "" : texts.get("shell.language." + language.tag());
            }

            @Override
            public Language fromString(String text) {
                return null;
            }
        });
        choice.setValue(texts.language());
        choice.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != texts.language()) {
                // After this event: the handler replaces the whole scene graph, this combo box included.
                Platform.runLater(() -> chosen.accept(now));
            }
        });
    }

    /** Adds a message with a Dismiss button to {@code box}; returns the notice (its user data is {@code kind}). */
    static HBox notice(Pane box, Texts texts, String text, Object kind) {
        Label label = Labels.wrapped(text);
        HBox.setHgrow(label, Priority.ALWAYS);
        Button dismiss = new Button(texts.get("shell.notice.dismiss"));
        dismiss.setMinWidth(Button.USE_PREF_SIZE);
        HBox notice = new HBox(10, label, dismiss);
        notice.getStyleClass().add("notice");
        notice.setUserData(kind);
        dismiss.setOnAction(e -> box.getChildren().remove(notice));
        box.getChildren().add(notice);
        return notice;
    }
}
