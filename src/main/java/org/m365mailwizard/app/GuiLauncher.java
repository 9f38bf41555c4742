// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.Themes;
import org.m365mailwizard.ui.shell.WizardWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit and opens the wizard. Uses {@link Platform#startup} rather than an
 * {@code Application} subclass so that the composition root is passed by constructor, not through a static.
 */
final class GuiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);
    /**
     * JavaFX's own logger, kept so its level holds: on the class path (one jar for both faces, by
     * design) JavaFX warns "Unsupported JavaFX configuration" on every start, which tells a user nothing
     * they can act on; its errors still show.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private GuiLauncher() {
    }

    static void launch(Language explicitLanguage, UserDirs dirs) {
        // Read while the toolkit starts (native libraries, the screen, its first pulse) instead of
        // before it: the JSON mapper's first use, the preferences file and the texts of the chosen
        // language then cost the first frame nothing on a machine with a second core.
        CompletableFuture<PreferencesStore.Loaded> preferences = CompletableFuture.supplyAsync(() ->
                new PreferencesStore(dirs.preferencesFile(), new com.fasterxml.jackson.databind.ObjectMapper(),
                        Clock.systemDefaultZone()).load());
        // Asked while the toolkit starts, never on the FX thread: usually answered before the first frame.
        CompletableFuture<Boolean> dark = preferences.thenApplyAsync(loaded ->
                startsDark(Themes.Choice.fromId(loaded.preferences().theme()), OsAppearance.forThisSystem()));
        CompletableFuture<AppContext> contextReady = preferences.thenApply(loaded -> new AppContext(
                new Texts(chooseLanguage(explicitLanguage, loaded.preferences(), Locale.getDefault())), dirs,
                System.getenv(), Clock.systemDefaultZone()));
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            PreferencesStore.Loaded loaded = preferences.join();
            Language language = chooseLanguage(explicitLanguage, loaded.preferences(), Locale.getDefault());
            AppContext context = contextReady.join();
            Themes.apply(dark.getNow(false));
            dark.thenAccept(isDark -> Platform.runLater(() -> Themes.apply(isDark)));
            Stage stage = new Stage();
            AppIcons.applyTo(stage);
            if (FirstFrameReport.requested()) {
                FirstFrameReport.watch(stage, System.err);
            }
            WizardWindow window = new WizardWindow(new UiWiring(context), language, loaded);
            handleUnexpectedErrors(window);
            window.show(stage);
            // After the window's own handler, which saves the setup.
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> context.close());
        });
    }

    /** An exception nobody caught is logged, and on the FX thread shown politely: never a stack trace, never a silent end. */
    static void handleUnexpectedErrors(WizardWindow window) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (Platform.isFxApplicationThread() && window.errors() != null) {
                // Later: the error may come from a layout pass or an animation, where no dialog may wait.
                Platform.runLater(() -> window.errors().showUnexpected(error));
            } else {
                LOG.error("Unexpected error on thread {}", thread.getName(), error);
            }
        });
    }

    static boolean startsDark(Themes.Choice choice, OsAppearance system) {
        return switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> system.prefersDark();
        };
    }

    /** {@code --lang} wins, then the language chosen in the app, then the OS's. */
    static Language chooseLanguage(Language explicit, PreferencesStore.Preferences saved, Locale system) {
        if (explicit != null) {
            return explicit;
        }
        return saved.chosenLanguage().orElseGet(() -> Language.of(system));
    }
}
