// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.ui.common.AppStyles;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Export step in a real window (run under Xvfb): choosing, previewing, saving, copying, the report. */
@ExtendWith(ApplicationExtension.class)
class ExportStepUiTest {

    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final FakePlatform platform = new FakePlatform();
    private ExportStepController controller;

    /** Answers the save dialog with a prepared path and records clipboard and opened files. */
    static final class FakePlatform implements ExportStepPlatform {
        Path nextSave;
        final List<String> suggestedNames = new ArrayList<>();
        final List<String> clipboard = new ArrayList<>();
        final List<Path> opened = new ArrayList<>();
        /** False plays a computer without a browser: nothing can show the report. */
        volatile boolean browser = true;

        @Override
        public Optional<Path> chooseSaveFile(Window owner, String suggestedName, List<FileType> types) {
            suggestedNames.add(suggestedName);
            return Optional.ofNullable(nextSave);
        }

        @Override
        public void copyToClipboard(String text) {
            clipboard.add(text);
        }

        @Override
        public boolean open(Path file) {
            opened.add(file);
            return browser;
        }
    }

    @Start
    void start(Stage stage) {
        WizardModel model = ExportStepFixtures.model();
        ExportStepViewModel viewModel = ExportStepFixtures.viewModel(model, FxTasks.onFxThread(background),
                dir.resolve("reports"));
        ViewLoader loader = new ViewLoader(ExportStepFixtures.texts(), type -> {
            if (type == ExportStepController.class) {
                return new ExportStepController(viewModel, platform, ExportStepFixtures.texts());
            }
            throw new IllegalArgumentException(type.getName());
        });
        controller = loader.load(ExportStepController.class, "ExportStep.fxml").controller();
        controller.entered();
        stage.setScene(new Scene(controller.view(), 900, 760));
        AppStyles.apply(stage.getScene());
        stage.show();
    }

    @AfterEach
    void stopBackground() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void previewFollowsTheTargetAndHidesTheSecret(FxRobot robot) {
        TextArea preview = robot.lookup("#export-preview").queryAs(TextArea.class);
        assertThat(controller.titleKey()).isEqualTo("export.step.title");
        assertThat(controller.canAdvance().get()).isTrue();
        assertThat(preview.getText()).contains("define( 'WPMS_ON', true );").doesNotContain(ExportStepFixtures.SECRET);

        robot.clickOn("#export-target").clickOn("FluentSMTP (PHP constants + WP-CLI command)");
        assertThat(robot.lookup("#export-target").queryAs(ComboBox.class).getValue()).isEqualTo(ExportTarget.FLUENTSMTP);
        assertThat(preview.getText()).contains("FLUENTMAIL_OUTLOOK_CLIENT_ID").contains("wp option update fluentmail-settings");

        robot.clickOn("#export-include-secret");
        assertThat(robot.lookup("#export-include-secret").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(preview.getText()).contains(ExportStepViewModel.SECRET_MASK).doesNotContain(ExportStepFixtures.SECRET);
        assertThat(robot.lookup("#export-preview-note").queryAs(Label.class).getText()).contains("hidden in this preview");
        assertThat(robot.lookup("#export-include-secret-help").queryAs(Label.class).getText())
                .contains("readable by you only");
    }

    @Test
    void saveWritesTheFileOffTheFxThreadOwnerOnlyWithTheSecret(FxRobot robot) throws Exception {
        Path out = dir.resolve("wp-mail-smtp-m365.php");
        platform.nextSave = out;

        robot.clickOn("#export-include-secret").clickOn("#export-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                robot.lookup("#export-status").queryAs(Label.class).getText().startsWith("Saved"));

        assertThat(platform.suggestedNames).containsExactly("wp-mail-smtp-m365.php");
        assertThat(Files.readString(out)).contains("'" + ExportStepFixtures.SECRET + "'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(robot.lookup("#export-status").queryAs(Label.class).getText()).contains("readable by you only");
        assertThat(robot.lookup("#export-next-steps").queryAs(Label.class).getText())
                .contains("Allow plugin to send emails using your Microsoft account");
    }

    @Test
    void copyPutsTheExactFileOnTheClipboard(FxRobot robot) {
        robot.clickOn("#export-copy");
        assertThat(platform.clipboard).hasSize(1);
        assertThat(platform.clipboard.get(0)).startsWith("<?php\n").doesNotContain(ExportStepFixtures.SECRET);
        assertThat(robot.lookup("#export-status").queryAs(Label.class).getText()).isEqualTo("Copied to the clipboard.");
    }

    @Test
    void openReportWritesTheHtmlReportAndOpensIt(FxRobot robot) throws Exception {
        robot.clickOn("#export-open-report");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !platform.opened.isEmpty());

        Path report = platform.opened.get(0);
        assertThat(report.getFileName().toString()).isEqualTo("setup-report-2026-03-01.html");
        assertThat(Files.readString(report)).contains("SPF lacks Microsoft 365.").doesNotContain(ExportStepFixtures.SECRET);
    }

    @Test
    void withoutABrowserOpenReportSaysSoNextToTheButtonWithThePathToCopy(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#export-report-unopened-box").query().isVisible()).isFalse();
        platform.browser = false;

        robot.clickOn("#export-open-report");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#export-report-unopened-box").query().isVisible());

        Path report = platform.opened.get(0);
        assertThat(Files.exists(report)).isTrue();
        assertThat(robot.lookup("#export-report-unopened").queryAs(Label.class).getText())
                .isEqualTo(ExportStepFixtures.texts().get("export.step.report.noBrowser", report));
        // Right under the button, not below the fold.
        WaitForAsyncUtils.waitForFxEvents(); // laid out now that it shows
        javafx.scene.Node button = robot.lookup("#export-open-report").query();
        javafx.scene.Node notice = robot.lookup("#export-report-unopened-box").query();
        double buttonBottom = button.localToScene(button.getBoundsInLocal()).getMaxY();
        double noticeTop = notice.localToScene(notice.getBoundsInLocal()).getMinY();
        assertThat(noticeTop - buttonBottom).isBetween(0.0, 60.0);
        robot.clickOn("#export-copy-report-path");
        assertThat(platform.clipboard).containsExactly(report.toAbsolutePath().toString());

        platform.browser = true;
        robot.clickOn("#export-open-report");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#export-report-unopened-box").query().isVisible());
    }

    @Test
    void cancellingTheSaveDialogWritesNothing(FxRobot robot) {
        platform.nextSave = null;
        robot.clickOn("#export-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#export-status").queryAs(Label.class).getText()).isEmpty();
    }
}
