// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.m365mailwizard.app.AppContext;

/** The wizard's main window (placeholder until the shell lands). */
public final class WizardWindow {
    private final AppContext context;

    public WizardWindow(AppContext context) {
        this.context = context;
    }

    public void show(Stage stage) {
        stage.setTitle(context.texts().get("app.title"));
        stage.setScene(new Scene(new Label(context.texts().get("app.title")), 800, 600));
        stage.setOnHidden(e -> context.close());
        stage.show();
    }
}
