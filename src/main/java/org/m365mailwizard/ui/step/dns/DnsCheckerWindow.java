// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;

/**
 * The standalone DNS checker: the DNS screen with its own domain, cloud and tenant fields, in a
 * window of its own, reachable from the start without the rest of the wizard. It closes with its
 * Close button, Escape or Ctrl+W, and closing cancels a running check.
 */
public final class DnsCheckerWindow {

    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private DnsCheckerWindow() {
    }

    /** The screen as a controller with its view (for embedding, e.g. in the start screen). */
    public static DnsStepController build(DnsChecker checker, Texts texts, FxTasks tasks) {
        DnsStepViewModel vm = DnsStepViewModel.standalone(checker, texts, tasks, Platform::runLater);
        ViewLoader loader = new ViewLoader(texts, type -> {
            if (type == DnsStepController.class) {
                return new DnsStepController(vm, texts);
            }
            throw new IllegalArgumentException("No controller for " + type.getName());
        });
        return loader.load(DnsStepController.class, "DnsStep.fxml").controller();
    }

    /** Opens the checker in a new window, owned by {@code owner} when given. */
    public static Stage open(Window owner, DnsChecker checker, Texts texts, FxTasks tasks) {
        DnsStepController screen = build(checker, texts, tasks);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        show(stage, screen, texts);
        return stage;
    }

    /** Shows an already built screen in {@code stage} (tests pass TestFX's stage). */
    public static void show(Stage stage, DnsStepController screen, Texts texts) {
        stage.setTitle(texts.get("dnsui.window.title"));
        if (!screen.view().getStyleClass().contains("dns-standalone")) {
            screen.view().getStyleClass().add("dns-standalone"); // the wizard's shell pads its steps itself
        }
        // The page scrolls as a whole (the cards have no scroll area of their own); Close stays in view.
        ScrollPane page = new ScrollPane(screen.view());
        page.setFitToWidth(true);
        page.getStyleClass().add("step-scroll");
        Button close = new Button(texts.get("dnsui.close"));
        close.setId("closeButton");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("wizard-buttons");
        buttons.setPadding(new Insets(10, 16, 12, 16));
        BorderPane root = new BorderPane(page, null, null, buttons, null);
        Scene scene = new Scene(root, 1100, 720);
        AppStyles.apply(scene);
        // Escape stops a running check first, then closes; Ctrl+W (Cmd+W) closes, as in other windows.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (screen.viewModel().runningProperty().get()) {
                    screen.viewModel().cancel();
                } else {
                    stage.close();
                }
                e.consume();
            } else if (CLOSE.match(e)) {
                stage.close();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> screen.viewModel().cancel());
        stage.show();
    }
}
