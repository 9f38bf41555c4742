// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/** The wizard's one stylesheet ({@code app.css}), for every window and dialog it opens. */
public final class AppStyles {

    private static final String APP_CSS = AppStyles.class.getResource("app.css").toExternalForm();

    private AppStyles() {
    }

    public static void apply(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }

    public static void apply(DialogPane pane) {
        if (!pane.getStylesheets().contains(APP_CSS)) {
            pane.getStylesheets().add(APP_CSS);
        }
    }
}
