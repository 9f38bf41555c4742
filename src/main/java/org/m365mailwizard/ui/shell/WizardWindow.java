// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Callback;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.PreferencesStore.Preferences;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.common.WizardStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's main window: restores the saved setup and window size, hosts the steps of the
 * {@link StepCatalog} in the shell, saves as the user types, rebuilds itself in another language on
 * request, and asks before Cancel drops anything.
 */
public final class WizardWindow {

    private static final Logger LOG = LoggerFactory.getLogger(WizardWindow.class);
    static final double MIN_WIDTH = 720;
    static final double MIN_HEIGHT = 520;
    private static final double DEFAULT_WIDTH = 980;
    private static final double DEFAULT_HEIGHT = 700;

    private final ShellWiring wiring;
    private final WizardModel model = new WizardModel();
    private final List<Message> pendingNotices = new ArrayList<>();
    private Preferences preferences;
    private Texts texts;
    private Stage stage;
    private WizardShellController shell;
    private SetupAutosave autosave;

    /**
     * @param language the language to start in (already chosen from --lang, the preferences or the OS)
     * @param preferences the preferences as loaded, with a notice if the file had to be set aside
     */
    public WizardWindow(ShellWiring wiring, Language language, PreferencesStore.Loaded preferences) {
        this.wiring = wiring;
        this.texts = wiring.texts(language);
        this.preferences = preferences.preferences();
        preferences.notice().ifPresent(pendingNotices::add);
    }

    /** The state of this window's setup (for the composition root and tests). */
    public WizardModel model() {
        return model;
    }

    public void show(Stage stage) {
        this.stage = stage;
        SetupStore.Loaded saved = wiring.setupStore().load();
        SetupSnapshots.restore(model, saved.setup());
        saved.notice().ifPresent(pendingNotices::add);
        Map<String, JsonNode> unmanaged = SetupSnapshots.unmanagedExtra(saved.setup());
        autosave = new SetupAutosave(model, wiring.setupStore(), wiring.tasks(), unmanaged, this::notice);
        autosave.start();

        Scene scene = new Scene(build(0), initialWidth(), initialHeight());
        scene.getStylesheets().add(WizardWindow.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setTitle(texts.get("app.title"));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed());
        // Closing the window keeps the saved entries; only a typed secret, never saved, is worth a question.
        stage.setOnCloseRequest(e -> {
            if (!model.clientSecretProperty().get().isBlank()) {
                e.consume();
                cancel();
            }
        });
        pendingNotices.forEach(shell::showNotice);
        pendingNotices.clear();
        stage.show();
    }

    /** Rebuilds the whole window in another language, on the same step, and remembers the choice. */
    void switchLanguage(Language language) {
        texts = wiring.texts(language);
        preferences = preferences.withLanguage(language);
        savePreferences();
        int index = shell.currentIndex();
        shell.leave();
        stage.getScene().setRoot(build(index));
        stage.setTitle(texts.get("app.title"));
        // Queued after the new step's own focus request: a keyboard user stays on the language choice.
        WizardShellController rebuilt = shell;
        Platform.runLater(() -> rebuilt.languageChoice().requestFocus());
    }

    /** Cancel (or Escape): asks first when there is input, since the secret is lost and the user may not mean it. */
    void cancel() {
        if (!model.hasInput()) {
            stage.close();
            return;
        }
        ButtonType keep = new ButtonType(texts.get("shell.cancel.keep"), ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(texts.get("shell.cancel.discard"), ButtonData.OTHER);
        ButtonType stay = new ButtonType(texts.get("shell.cancel.stay"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.get("shell.cancel.text"), stay, discard, keep);
        alert.initOwner(stage);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get("shell.cancel.header"));
        alert.getDialogPane().setMinWidth(MIN_WIDTH * 0.6);
        alert.getDialogPane().getStylesheets().addAll(stage.getScene().getStylesheets());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == stay) {
            return;
        }
        if (answer.get() == discard) {
            model.clear();
        }
        stage.close();
    }

    private Parent build(int stepIndex) {
        Callback<Class<?>, Object> steps = wiring.controllerFactory(model, texts);
        shell = new WizardShellController(texts, this::cancel, this::switchLanguage);
        WizardShellController thisShell = shell;
        ViewLoader shellLoader = new ViewLoader(texts, type -> type == WizardShellController.class ? thisShell : steps.call(type));
        shellLoader.load(WizardShellController.class, "WizardShell.fxml");
        ViewLoader stepLoader = new ViewLoader(texts, steps);
        List<WizardStep> created = new ArrayList<>();
        for (StepCatalog.Entry entry : wiring.steps().entries()) {
            created.add(entry.factory().create(stepLoader));
        }
        shell.setSteps(created, stepIndex);
        return shell.root();
    }

    private void notice(Message message) {
        if (shell != null) {
            shell.showNotice(message);
        } else {
            pendingNotices.add(message);
        }
    }

    private void closed() {
        shell.leave();
        autosave.stop();
        autosave.flush();
        if (!stage.isMaximized() && !stage.isIconified()) {
            preferences = preferences.withWindowSize(stage.getWidth(), stage.getHeight());
        }
        savePreferences();
    }

    private void savePreferences() {
        try {
            wiring.preferencesStore().save(preferences);
        } catch (ProblemException e) {
            LOG.warn("Preferences not saved: {}", e.getMessage());
            notice(e.problem());
        }
    }

    private double initialWidth() {
        return fit(preferences.windowWidth(), DEFAULT_WIDTH, MIN_WIDTH, visualBounds().getWidth());
    }

    private double initialHeight() {
        return fit(preferences.windowHeight(), DEFAULT_HEIGHT, MIN_HEIGHT, visualBounds().getHeight());
    }

    private static Rectangle2D visualBounds() {
        return Screen.getPrimary().getVisualBounds();
    }

    /** The remembered size, else the default; never below the minimum nor above the screen. */
    static double fit(Double remembered, double fallback, double minimum, double screen) {
        double wanted = remembered != null ? remembered : fallback;
        return Math.max(minimum, Math.min(wanted, screen));
    }
}
