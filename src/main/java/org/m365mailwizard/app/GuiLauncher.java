// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.m365mailwizard.core.config.PreferencesStore;
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
        PreferencesStore.Loaded preferences = new PreferencesStore(dirs.preferencesFile(),
                new com.fasterxml.jackson.databind.ObjectMapper(), Clock.systemDefaultZone()).load();
        Language language = chooseLanguage(explicitLanguage, preferences.preferences(), Locale.getDefault());
        AppContext context = new AppContext(new Texts(language), dirs, System.getenv(), Clock.systemDefaultZone());
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Stage stage = new Stage();
            AppIcons.applyTo(stage);
            if (FirstFrameReport.requested()) {
                FirstFrameReport.watch(stage, System.err);
            }
            new WizardWindow(new UiWiring(context), language, preferences).show(stage);
            // After the window's own handler, which saves the setup.
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> context.close());
        });
    }

    /** {@code --lang} wins, then the language chosen in the app, then the OS's. */
    static Language chooseLanguage(Language explicit, PreferencesStore.Preferences saved, Locale system) {
        if (explicit != null) {
            return explicit;
        }
        return saved.chosenLanguage().orElseGet(() -> Language.of(system));
    }
}
