// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Dialogs that fit their words: buttons never cut off, and a dialog that grows when its content does. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Each button as wide as its label needs (not one uniform width that the longest label does not
     * fit), and the pane never narrower than its buttons: "Discard entries and close" stays whole.
     */
    public static void fitButtons(DialogPane pane) {
        for (ButtonType type : pane.getButtonTypes()) {
            Node node = pane.lookupButton(type);
            if (node instanceof Button button) {
                button.setMinWidth(Region.USE_PREF_SIZE);
                ButtonBar.setButtonUniformSize(button, false);
            }
        }
        pane.setMinWidth(Region.USE_PREF_SIZE);
        pane.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** Sizes the dialog's window to its content again whenever {@code changed} changes (a message appears). */
    public static void growWith(DialogPane pane, Observable changed) {
        changed.addListener(o -> Platform.runLater(() -> {
            Window window = pane.getScene() == null ? null : pane.getScene().getWindow();
            if (window != null && window.isShowing()) {
                window.sizeToScene();
            }
        }));
    }
}
