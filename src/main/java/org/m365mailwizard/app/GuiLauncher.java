// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.Themes;
import org.m365mailwizard.ui.shell.WizardWindow;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit and opens the wizard. Uses {@link Platform#startup} rather than an
 * {@code Application} subclass so that the composition root is passed by constructor, not through a static.
 */
final class GuiLauncher {

    /**
     * JavaFX's own logger, kept so its level holds: on the class path (one jar for both faces, by
     * design) JavaFX warns "Unsupported JavaFX configuration" on every start, which tells a user nothing
     * they can act on; its errors still show.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private GuiLauncher() {
    }

    static void launch(Language explicitLanguage, UserDirs dirs) {
        // Logging's set-up (logback's configuration, tens of milliseconds) beside the toolkit's start rather
        // than before it: this class looks its logger up only when it logs, for the same reason.
        CompletableFuture.runAsync(LoggerFactory::getILoggerFactory);
        // Read while the toolkit starts (native libraries, the screen, its first pulse) instead of
        // before it: the JSON mapper's first use, the preferences file and the texts of the chosen
        // language then cost the first frame nothing on a machine with a second core.
        CompletableFuture<PreferencesStore.Loaded> preferences = CompletableFuture.supplyAsync(() ->
                new PreferencesStore(dirs.preferencesFile(), new com.fasterxml.jackson.databind.ObjectMapper(),
                        Clock.systemDefaultZone()).load());
        // Asked while the toolkit starts, never on the FX thread: usually answered before the first frame.
        // The window's first question about the system's appearance takes this answer (UiWiring), so the
        // system is not asked twice while the first frame is built (on Linux each question is a process or two).
        CompletableFuture<Boolean> systemDark = new CompletableFuture<>();
        CompletableFuture<Boolean> dark = preferences.thenApplyAsync(loaded -> {
            Themes.Choice choice = Themes.Choice.fromId(loaded.preferences().theme());
            boolean startDark = startsDark(choice, OsAppearance.forThisSystem());
            systemDark.complete(choice == Themes.Choice.SYSTEM ? startDark : null);
            return startDark;
        });
        dark.whenComplete((ignored, error) -> systemDark.complete(null));
        CompletableFuture<AppContext> contextReady = preferences.thenApply(loaded -> new AppContext(
                new Texts(chooseLanguage(explicitLanguage, loaded.preferences(), Locale.getDefault())), dirs,
                System.getenv(), Clock.systemDefaultZone()));
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(true);
        CompletableFuture<List<Image>> icons = new CompletableFuture<>();
        Platform.startup(() -> {
            PreferencesStore.Loaded loaded = preferences.join();
            Language language = chooseLanguage(explicitLanguage, loaded.preferences(), Locale.getDefault());
            AppContext context = contextReady.join();
            Themes.apply(dark.getNow(false));
            dark.thenAccept(isDark -> Platform.runLater(() -> Themes.apply(isDark)));
            Stage stage = new Stage();
            stage.getIcons().setAll(icons.join());
            if (FirstFrameReport.requested()) {
                FirstFrameReport.watch(stage, System.err);
            }
            WizardWindow window = new WizardWindow(new UiWiring(context, FileDialogs.system(), systemDark,
                    () -> OsAppearance.forThisSystem().prefersDark()), language, loaded);
            handleUnexpectedErrors(window);
            window.show(stage);
            // After the window's own handler, which saves the setup.
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> context.close());
        });
        prepareFirstFrame(icons);
    }

    /**
     * Runs on the launching thread, idle once the toolkit runs, while the FX thread builds the first
     * scene: decodes the window icons (the stage takes them before it is shown), reads the system's
     * default font (the scene's first style needs it; {@link Font#getDefault} is synchronized, so the FX
     * thread finds it ready or waits for it rather than reading it twice), then loads the classes the
     * scene will need. All three are allowed off the FX thread.
     */
    private static void prepareFirstFrame(CompletableFuture<List<Image>> icons) {
        try {
            icons.complete(AppIcons.load());
        } catch (RuntimeException | Error e) {
            icons.completeExceptionally(e);
        }
        Font.getDefault();
        if (FirstFrameClasses.enabled()) {
            FirstFrameClasses.preload(GuiLauncher.class.getClassLoader());
        }
    }

    /** An exception nobody caught is logged, and on the FX thread shown politely: never a stack trace, never a silent end. */
    static void handleUnexpectedErrors(WizardWindow window) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (Platform.isFxApplicationThread() && window.errors() != null) {
                // Later: the error may come from a layout pass or an animation, where no dialog may wait.
                Platform.runLater(() -> window.errors().showUnexpected(error));
            } else {
                LoggerFactory.getLogger(GuiLauncher.class).error("Unexpected error on thread {}", thread.getName(), error);
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
