// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.mail;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.ViewLoader;

/**
 * The "Send test email" window the main window opens once the credentials are good: the same view
 * as step 5, so both share recipients (in the wizard model) and behaviour. The loader's controller
 * factory must build {@link MailStepController}, as it does for the step. Closing the window cancels
 * a send in progress (a request already handed over ends as "may have been sent").
 */
public final class SendTestDialog {

    private SendTestDialog() {
    }

    /** Opens the window over {@code owner} (may be null) and returns it, shown. */
    public static Stage open(ViewLoader loader, Window owner) {
        ViewLoader.Loaded<MailStepController> view = loader.load(MailStepController.class, "MailStep.fxml");
        Button close = new Button(loader.texts().get("graph.ui.close"));
        close.setCancelButton(true);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().add(close);
        buttons.setPadding(new Insets(0, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(view.root());
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(16));
        BorderPane content = new BorderPane(scroll);
        content.setBottom(buttons);

        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(loader.texts().get("graph.ui.dialog.title"));
        // Tall enough that a refusal's "What to do" shows without scrolling, within the screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(content, Math.min(760, screen.getWidth() * 0.9), Math.min(820, screen.getHeight() * 0.9));
        AppStyles.apply(scene);
        stage.setScene(scene);
        stage.setMinWidth(420);
        stage.setMinHeight(360);
        close.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> view.controller().left());
        view.controller().entered();
        stage.show();
        return stage;
    }
}
