// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Callback;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.config.PreferencesStore;
import org.m365mailwizard.core.config.PreferencesStore.Preferences;
import org.m365mailwizard.core.config.SetupStore;
import org.m365mailwizard.core.config.SetupStore.SavedSetup;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.ui.common.Dialogs;
import org.m365mailwizard.ui.common.ErrorPresenter;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.ui.common.FileDialogs;
import org.m365mailwizard.ui.common.Themes;
import org.m365mailwizard.ui.common.ViewLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's main window: opens on the start page (continue, new, open, DNS checker, test mail),
 * then hosts the steps of the {@link StepCatalog} and the summary in the shell. Restores the saved
 * setup and window size, saves as the user types, rebuilds itself in another language on request,
 * and asks before Cancel drops anything.
 */
public final class WizardWindow {

    private static final Logger LOG = LoggerFactory.getLogger(WizardWindow.class);
    static final double MIN_WIDTH = 720;
    static final double MIN_HEIGHT = 520;
    private static final double DEFAULT_WIDTH = 980;
    private static final double DEFAULT_HEIGHT = 700;
    private static final String FIRST_STEP = "domain";
    /** The step where each reason a test mail cannot be sent yet is fixed. */
    private static final Map<String, String> TEST_MAIL_NEEDS = Map.of(
            "graph.ui.needSender", "domain", "graph.ui.needCredentials", "app", "graph.ui.needSignIn", "consent");

    private final ShellWiring wiring;
    private final WizardModel model = new WizardModel();
    private final List<Message> pendingNotices = new ArrayList<>();
    private final ObservableValue<Message> testMailProblem;
    private Preferences preferences;
    private Texts texts;
    private Stage stage;
    private WizardShellController shell;
    private StartScreenController start;
    private SetupAutosave autosave;
    private ErrorPresenter errors;
    private ThemeFollower theme;
    private BackgroundNotices backgroundNotices;
    private final javafx.event.EventHandler<WindowEvent> hidden = e -> closed();
    private final javafx.beans.value.ChangeListener<Boolean> focused = (obs, was, now) -> {
        if (now) {
            theme.windowFocused();
        }
    };
    /** The step the saved setup stopped at, offered by "Continue where you left off"; null when nothing was saved. */
    private String resumeStep;

    /**
     * @param language the language to start in (already chosen from --lang, the preferences or the OS)
     * @param preferences the preferences as loaded, with a notice if the file had to be set aside
     */
    public WizardWindow(ShellWiring wiring, Language language, PreferencesStore.Loaded preferences) {
        this.wiring = wiring;
        this.texts = wiring.texts(language);
        this.preferences = preferences.preferences();
        preferences.notice().ifPresent(pendingNotices::add);
        this.testMailProblem = wiring.testMailProblem(model);
        wiring.preferencesChanged(this.preferences);
    }

    /** The state of this window's setup (for the composition root and tests). */
    public WizardModel model() {
        return model;
    }

    /** Shows failures the one consistent way (also for unexpected errors, from the launcher's handler). */
    public ErrorPresenter errors() {
        return errors;
    }

    public void show(Stage stage) {
        this.stage = stage;
        errors = new ErrorPresenter(texts, () -> this.stage, wiring.logFile(), wiring.clock());
        SetupStore.Loaded saved = wiring.setupStore().load();
        SetupSnapshots.restore(model, saved.setup());
        saved.notice().ifPresent(pendingNotices::add);
        resumeStep = model.hasInput() ? stepOrFirst(model.currentStepProperty().get()) : null;
        Map<String, JsonNode> unmanaged = SetupSnapshots.unmanagedExtra(saved.setup());
        autosave = new SetupAutosave(model, wiring.setupStore(), wiring.tasks(), unmanaged, this::notice);
        autosave.start();
        wiring.onNoBrowser(uri -> notice(Message.of("shell.noBrowser", uri)));
        theme = new ThemeFollower(wiring.tasks(), wiring::systemPrefersDark, wiring.clock());
        theme.follow(Themes.Choice.fromId(preferences.theme()));
        backgroundNotices = new BackgroundNotices(model, () -> texts, () -> this.stage,
                () -> shell != null && stage.getScene().getRoot() == shell.root() ? shell.currentId() : null,
                this::showStep);
        backgroundNotices.start();

        Scene scene = new Scene(new StackPane(), initialWidth(), initialHeight());
        AppStyles.apply(scene);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setTitle(texts.get("app.title"));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, hidden);
        stage.focusedProperty().addListener(focused);
        // Closing the window keeps the saved entries; only a typed secret, never saved, is worth a question.
        stage.setOnCloseRequest(e -> {
            if (!model.clientSecretProperty().get().isBlank()) {
                e.consume();
                cancel();
            }
        });
        showStart();
        stage.show();
        start.focusFirstAction();
    }

    // ---- the start page ----------------------------------------------------------------------

    /** Shows the start page (also from the wizard's "Start page" link); the wizard keeps its state. */
    void showStart() {
        if (shell != null && model.hasInput()) {
            // Back to the start page mid-session: the setup in hand is what "Continue" offers, at the step left.
            resumeStep = shell.currentId();
            start = null;
        }
        if (start == null) {
            start = buildStart();
        }
        stage.getScene().setRoot(start.root());
        pendingNotices.forEach(m -> start.showNotice(texts.format(m)));
        pendingNotices.clear();
    }

    private StartScreenController buildStart() {
        String detail = resumeStep == null ? null : texts.get("start.continue.detail", describeSetup(),
                titleOf(resumeStep));
        StartScreenController controller = new StartScreenController(texts, new StartScreenController.Actions(
                this::continueSetup, this::newSetup, this::openFile,
                () -> wiring.openDnsChecker(texts, stage), this::testMailFromStart,
                this::openSettings, this::switchLanguage, detail, testMailProblem,
                () -> wiring.openHeaderCheck(model, texts, stage),
                resumeStep == null || model.clientSecretExpiresProperty().get() == null ? null
                        : new SummaryViewModel(model, wiring.clock()).secret()));
        new ViewLoader(texts, type -> controller).load(StartScreenController.class, "StartScreen.fxml");
        return controller;
    }

    /**
     * "Send a test email…" on the start page: the dialog when the setup in hand can send; otherwise the
     * wizard at the step that is missing, with what to enter there (never a dialog that cannot send).
     */
    void testMailFromStart() {
        Message problem = testMailProblem.getValue();
        if (problem == null) {
            wiring.openTestMail(model, texts, stage);
            return;
        }
        showWizard(TEST_MAIL_NEEDS.getOrDefault(problem.key(), FIRST_STEP));
        shell.showNotice(Message.of("start.testMail.needs", texts.format(problem)));
    }

    /** "Continue where you left off": the saved step, or the last one before it that can be reached. */
    void continueSetup() {
        String wanted = resumeStep == null ? FIRST_STEP : resumeStep;
        showWizard(wanted);
        if (!shell.currentId().equals(wanted)) {
            // Typically the client secret, which is never saved: say why the wizard is not where it was.
            shell.showNotice(Message.of("shell.resume.blocked", titleOf(wanted), titleOf(shell.currentId())));
        } else {
            List<String> waiting = shell.waitingForTheSecret();
            if (!waiting.isEmpty()) {
                shell.showNotice(Message.of("shell.resume.secret", titleOf("app"), String.join(", ", waiting)));
            }
        }
    }

    /**
     * Finish on the last page: when the site is ready, the entries are saved and the window closes; else
     * the one thing still missing is named, with the way to it, and closing stays possible (entries are kept).
     */
    void finish() {
        SummaryViewModel summary = new SummaryViewModel(model, wiring.clock());
        SummaryViewModel.Ending ending = summary.ending(summary.sections());
        if (ending.ready()) {
            stage.close(); // closing saves the entries (see closed())
            return;
        }
        String missing = titleOf(ending.missingStep());
        ButtonType go = new ButtonType(texts.get("shell.finish.goTo", missing), ButtonData.OK_DONE);
        ButtonType close = new ButtonType(texts.get("shell.finish.close"), ButtonData.OTHER);
        ButtonType stay = new ButtonType(texts.get("shell.finish.stay"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, texts.get("shell.finish.text", missing,
                texts.format(ending.detail())), stay, close, go);
        Optional<ButtonType> answer = ask(alert, "shell.finish.header");
        if (answer.filter(go::equals).isPresent()) {
            shell.goTo(ending.missingStep());
        } else if (answer.filter(close::equals).isPresent()) {
            stage.close();
        }
    }

    /** "New setup": asks before saved entries are replaced, then starts empty at the first step. */
    void newSetup() {
        if (model.hasInput() && !confirm("start.new.confirm.header", "start.new.confirm.text", "start.new.confirm.ok")) {
            return;
        }
        model.clear();
        dropWizard();
        showWizard(FIRST_STEP);
    }

    /** "Open…": reads a saved setup or exported config off the FX thread and starts the wizard with it. */
    void openFile() {
        Optional<Path> file = wiring.fileDialogs().chooseToOpen(stage, texts.get("start.open.title"),
                List.of(new FileDialogs.FileType(texts.get("start.open.fileType"), "json")));
        if (file.isEmpty()) {
            return;
        }
        wiring.tasks().run(() -> wiring.readConfig(file.get()))
                .onSuccess(this::opened)
                .onError(error -> {
                    if (error instanceof ProblemException problem) {
                        errors.show(errors.fromProblem("start.open.failed", problem));
                    } else {
                        errors.showUnexpected(error);
                    }
                })
                .start();
    }

    private void opened(MailConfig config) {
        if (model.hasInput() && !confirm("start.open.confirm.header", "start.open.confirm.text", "start.open.confirm.ok")) {
            return;
        }
        model.clear();
        SetupSnapshots.restore(model, new SavedSetup(config.withoutSecret(), Map.of()));
        // The secret of an exported config is used in this session only; the setup file never holds it.
        config.secret().ifPresent(model.clientSecretProperty()::set);
        dropWizard();
        showWizard(FIRST_STEP);
        shell.showNotice(Message.of("start.open.done", config.domain() == null ? "" : config.domain()));
    }

    // ---- the wizard ----------------------------------------------------------------------------

    /** Shows the wizard at a step (built on first use), or at the nearest step before it that can be reached. */
    void showWizard(String stepId) {
        if (shell == null) {
            shell = buildShell(stepId);
        } else {
            shell.goTo(stepId);
        }
        stage.getScene().setRoot(shell.root());
        // Skins now, not at the next pulse: the step's content (inside a scroll pane) joins the scene, so the
        // focus the step requests on entering can land.
        shell.root().applyCss();
        pendingNotices.forEach(shell::showNotice);
        pendingNotices.clear();
    }

    /** Shows a step if the wizard is open (a notification was clicked). */
    private void showStep(String stepId) {
        showWizard(stepId);
        stage.toFront();
    }

    private void dropWizard() {
        if (shell != null) {
            shell.leave();
            shell = null;
        }
    }

    private WizardShellController buildShell(String stepId) {
        Callback<Class<?>, Object> steps = wiring.controllerFactory(model, texts);
        WizardShellController controller = new WizardShellController(texts, model, new ShellActions(this::cancel,
                this::switchLanguage, this::showStart, this::openSettings,
                () -> wiring.openTestMail(model, texts, stage), testMailProblem, wiring.linkOpener(), this::finish));
        new ViewLoader(texts, type -> type == WizardShellController.class ? controller : steps.call(type))
                .load(WizardShellController.class, "WizardShell.fxml");
        ViewLoader stepLoader = new ViewLoader(texts, steps);
        List<WizardShellController.Entry> created = new ArrayList<>();
        for (StepCatalog.Entry entry : wiring.steps().entries()) {
            created.add(new WizardShellController.Entry(entry.id(), entry.factory().create(stepLoader)));
        }
        SummaryStep summary = new SummaryStep(new SummaryViewModel(model, wiring.clock()), texts, controller::stepName,
                controller::goTo, () -> {
                    // The export step writes it, with its preview, Save and the usual checks.
                    model.exportTargetProperty().set(ExportTarget.ICS);
                    controller.goTo("export");
                });
        created.add(new WizardShellController.Entry(SummaryStep.ID, summary));
        int index = 0;
        for (int i = 0; i < created.size(); i++) {
            if (created.get(i).id().equals(stepId)) {
                index = i;
            }
        }
        controller.setSteps(created, index);
        return controller;
    }

    // ---- shared ----------------------------------------------------------------------------------

    /** Rebuilds the window in another language, on the same page and step, and remembers the choice. */
    void switchLanguage(Language language) {
        boolean onStart = start != null && stage.getScene().getRoot() == start.root();
        String step = shell == null ? null : shell.currentId();
        texts = wiring.texts(language);
        errors = new ErrorPresenter(texts, () -> this.stage, wiring.logFile(), wiring.clock());
        preferences = preferences.withLanguage(language);
        savePreferences();
        dropWizard();
        start = null;
        stage.setTitle(texts.get("app.title"));
        if (onStart || step == null) {
            showStart();
            // A keyboard user stays on the language choice.
            StartScreenController rebuilt = start;
            Platform.runLater(() -> rebuilt.languageChoice().requestFocus());
        } else {
            showWizard(step);
            WizardShellController rebuilt = shell;
            // Queued after the new step's own focus request.
            Platform.runLater(() -> rebuilt.languageChoice().requestFocus());
        }
    }

    /** The settings window; a changed DNS server rebuilds the steps so the next check asks it. */
    void openSettings() {
        Optional<Preferences> changed = SettingsDialog.show(stage, texts, preferences);
        if (changed.isEmpty()) {
            return;
        }
        boolean dnsChanged = !changed.get().dnsServer().equals(preferences.dnsServer());
        preferences = changed.get();
        savePreferences();
        wiring.preferencesChanged(preferences);
        theme.follow(Themes.Choice.fromId(preferences.theme()));
        if (dnsChanged && shell != null) {
            String step = shell.currentId();
            boolean showing = stage.getScene().getRoot() == shell.root();
            dropWizard();
            if (showing) {
                showWizard(step);
            }
        }
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
        Optional<ButtonType> answer = ask(alert, "shell.cancel.header");
        if (answer.isEmpty() || answer.get() == stay) {
            return;
        }
        if (answer.get() == discard) {
            model.clear();
        }
        stage.close();
    }

    private boolean confirm(String headerKey, String textKey, String okKey) {
        ButtonType ok = new ButtonType(texts.get(okKey), ButtonData.OK_DONE);
        ButtonType back = new ButtonType(texts.get("start.confirm.back"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.get(textKey), back, ok);
        return ask(alert, headerKey).filter(ok::equals).isPresent();
    }

    /** Shows one of the window's questions as all of them look: over the window, its title, the header, its styles. */
    private Optional<ButtonType> ask(Alert alert, String headerKey) {
        alert.initOwner(stage);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get(headerKey));
        alert.getDialogPane().setMinWidth(MIN_WIDTH * 0.6);
        Dialogs.fitButtons(alert.getDialogPane());
        AppStyles.apply(alert.getDialogPane());
        return alert.showAndWait();
    }

    /** "contoso.com", or a neutral word when the saved setup has no domain yet. */
    private String describeSetup() {
        String domain = model.domainProperty().get().strip();
        return domain.isEmpty() ? texts.get("start.continue.noDomain") : domain;
    }

    private String titleOf(String stepId) {
        if (shell != null && shell.indexOf(stepId) >= 0) {
            return shell.stepName(stepId);
        }
        int index = StepCatalog.STEP_IDS.indexOf(stepId);
        return index < 0 ? texts.get(StepCatalog.titleKey(stepId))
                : texts.get("shell.stepListEntry", index + 1, texts.get(StepCatalog.titleKey(stepId)));
    }

    private static String stepOrFirst(String stepId) {
        return stepId == null || stepId.isBlank() ? FIRST_STEP : stepId;
    }

    private void notice(Message message) {
        if (shell != null && stage.getScene().getRoot() == shell.root()) {
            shell.showNotice(message);
        } else if (start != null && stage.getScene().getRoot() == start.root()) {
            start.showNotice(texts.format(message));
        } else {
            pendingNotices.add(message);
        }
    }

    private void closed() {
        // A stage may be shown again with another window in it (tests do): this one lets go of it.
        stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, hidden);
        stage.focusedProperty().removeListener(focused);
        dropWizard();
        backgroundNotices.stop();
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

    /** For tests: the shell when the wizard has been shown, else null. */
    WizardShellController shell() {
        return shell;
    }

    /** For tests: the start page controller. */
    StartScreenController start() {
        return start;
    }
}
