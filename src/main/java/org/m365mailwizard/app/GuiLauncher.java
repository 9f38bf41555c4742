// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.time.Clock;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.shell.WizardWindow;

/**
 * Starts the JavaFX toolkit and opens the wizard. Uses {@link Platform#startup} rather than an
 * {@code Application} subclass so that the composition root is passed by constructor, not through a static.
 */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch(Language explicitLanguage, UserDirs dirs) {
        Language language = explicitLanguage != null ? explicitLanguage : Language.of(Locale.getDefault());
        AppContext context = new AppContext(new Texts(language), dirs, System.getenv(), Clock.systemDefaultZone());
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            new WizardWindow(context).show(stage);
        });
    }
}
