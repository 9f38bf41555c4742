// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;

/**
 * The standalone DNS checker: the DNS screen with its own domain, cloud and tenant fields, in a
 * window of its own, reachable from the start without the rest of the wizard. Closing the window
 * cancels a running check.
 */
public final class DnsCheckerWindow {

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
        stage.setScene(new Scene(screen.view(), 1100, 720));
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> screen.viewModel().cancel());
        stage.show();
    }
}
