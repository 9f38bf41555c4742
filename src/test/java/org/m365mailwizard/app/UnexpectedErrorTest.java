// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.UserDirs;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.LogCapture;
import org.m365mailwizard.ui.common.ErrorPresenter;
import org.m365mailwizard.ui.shell.WizardWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An exception nobody caught on the FX thread is logged with its trace and shown as a polite dialog
 * (what happened, what to do, details to copy) that holds no stack trace and no value from the
 * exception's message; a problem the core explained is shown the same way with its reason and fix.
 */
@ExtendWith(ApplicationExtension.class)
class UnexpectedErrorTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    private static final String PRIVATE = "client_secret=Q1w8Q~neverShowThis0123456789abcdefgh";

    @TempDir
    Path home;

    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    private Stage stage;

    @AfterEach
    void restore(FxRobot robot) {
        Thread.setDefaultUncaughtExceptionHandler(before);
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));
    }

    private WizardWindow open(FxRobot robot) {
        UserDirs dirs = new UserDirs(home.resolve("config"), home.resolve("state"));
        AppContext context = new AppContext(EN, dirs, Map.of(), Clock.systemUTC(), uri -> true);
        UiWiring wiring = new UiWiring(context);
        WizardWindow[] window = new WizardWindow[1];
        robot.interact(() -> {
            window[0] = new WizardWindow(wiring, Language.ENGLISH, wiring.preferencesStore().load());
            stage = new Stage();
            window[0].show(stage);
            stage.setOnHidden(e -> context.close());
        });
        return window[0];
    }

    @Test
    void anUncaughtExceptionOnTheFxThreadIsLoggedAndShownPolitely(FxRobot robot) throws Exception {
        WizardWindow window = open(robot);
        GuiLauncher.handleUnexpectedErrors(window);
        try (LogCapture logs = LogCapture.everything("org.m365mailwizard")) {
            Platform.runLater(() -> {
                throw new IllegalStateException("broken state: " + PRIVATE,
                        new java.io.UncheckedIOException(new java.io.IOException(PRIVATE)));
            });
            DialogPane dialog = waitForDialog(robot);

            assertThat(dialog.getHeaderText()).isEqualTo(EN.get("error.unexpected.what"));
            String shown = texts(robot, dialog);
            assertThat(shown).contains(EN.get("error.unexpected.why"))
                    .contains(EN.get("error.todo", EN.get("error.unexpected.todo", home.resolve("state")
                            .resolve("m365-mail-wizard.log"))));
            String details = ((TextArea) ((javafx.scene.Parent) dialog.getExpandableContent()).lookup(".text-area")).getText();
            assertThat(details).contains("java.lang.IllegalStateException ← java.io.UncheckedIOException ← java.io.IOException")
                    .contains("UnexpectedErrorTest").doesNotContain("\tat ").doesNotContain(PRIVATE).doesNotContain("broken state");
            assertThat(shown).doesNotContain(PRIVATE).doesNotContain("Exception");
            assertThat(logs.text()).contains("Unexpected error").contains("IllegalStateException");
        }
    }

    @Test
    void aProblemTheCoreExplainedShowsItsReasonAndItsFix(FxRobot robot) throws Exception {
        WizardWindow window = open(robot);
        ErrorPresenter errors = window.errors();
        ErrorPresenter.Report report = errors.fromProblem("start.open.failed",
                ProblemException.invalidInput("config.error.notJson", "/tmp/site.json", 3));

        assertThat(report.what()).isEqualTo(EN.get("start.open.failed"));
        assertThat(report.why()).isEqualTo(EN.get("config.error.notJson", "/tmp/site.json", 3));
        assertThat(report.whatToDo()).isEqualTo(EN.get("error.problem.todo"));
        assertThat(report.details()).contains("config.error.notJson").contains("m365-mail-wizard.log");

        Platform.runLater(() -> errors.show(report));
        DialogPane dialog = waitForDialog(robot);
        assertThat(texts(robot, dialog)).contains(report.why());
        robot.clickOn(robot.from(dialog).lookup(".details-button").queryAs(Node.class));
        robot.clickOn("#copyErrorDetails");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(report.details());
    }

    private static String texts(FxRobot robot, DialogPane dialog) {
        StringBuilder all = new StringBuilder();
        robot.from(dialog).lookup(".label").queryAllAs(javafx.scene.control.Label.class)
                .forEach(l -> all.append(l.getText()).append('\n'));
        return all.toString();
    }

    private static DialogPane waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane));
        WaitForAsyncUtils.waitForFxEvents();
        return (DialogPane) Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot();
    }
}
