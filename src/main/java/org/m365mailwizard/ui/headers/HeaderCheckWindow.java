// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.headers;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.m365mailwizard.core.headers.HeaderAnalyzer;
import org.m365mailwizard.core.headers.HeaderSetup;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;

/**
 * "Check a received mail" in a window of its own, opened from the start page (no setup needed) or
 * after the test mail (with the setup, to cross-check sender and signing domain).
 */
public final class HeaderCheckWindow {

    private HeaderCheckWindow() {
    }

    /** The view and its controller, not yet shown. */
    public static HeaderCheckController build(Supplier<HeaderSetup> setup, Texts texts, FxTasks tasks, FileDialogs dialogs,
                                              BiConsumer<String, Window> openDns) {
        HeaderCheckViewModel vm = new HeaderCheckViewModel(new HeaderAnalyzer(), setup, texts, tasks);
        ViewLoader loader = new ViewLoader(texts, type -> {
            if (type == HeaderCheckController.class) {
                return new HeaderCheckController(vm, texts, dialogs, openDns);
            }
            throw new IllegalArgumentException("No controller for " + type.getName());
        });
        return loader.load(HeaderCheckController.class, "HeaderCheck.fxml").controller();
    }

    /** Opens the tool in a new window, owned by {@code owner} when given. */
    public static Stage open(Window owner, Supplier<HeaderSetup> setup, Texts texts, FxTasks tasks, FileDialogs dialogs,
                             BiConsumer<String, Window> openDns) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        show(stage, build(setup, texts, tasks, dialogs, openDns), texts);
        return stage;
    }

    /** Shows a built view in {@code stage} (tests pass TestFX's stage). */
    public static void show(Stage stage, HeaderCheckController view, Texts texts) {
        stage.setTitle(texts.get("headers.ui.title"));
        Scene scene = new Scene(view.view(), 1000, 720);
        AppStyles.apply(scene);
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        stage.show();
    }
}
