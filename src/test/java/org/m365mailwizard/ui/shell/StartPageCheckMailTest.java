// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.i18n.Language;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Check a received mail" from the start page, through the production wiring, in a real window. */
@ExtendWith(ApplicationExtension.class)
class StartPageCheckMailTest {

    @TempDir
    static Path root;

    @Start
    void start(Stage stage) {
        WizardHarness.open(stage, root, Language.ENGLISH, new WizardHarness.Options().stayOnStartPage());
    }

    @Test
    void theToolOpensInItsOwnWindowAndExplainsPastedHeaders(FxRobot robot) throws Exception {
        robot.clickOn("#checkMailButton");
        WaitForAsyncUtils.waitForFxEvents();
        Window tool = robot.listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && "Check a received mail".equals(s.getTitle())).findFirst().orElseThrow();

        TextArea input = robot.from(tool.getScene().getRoot()).lookup("#inputArea").queryAs(TextArea.class);
        robot.interact(() -> input.setText("Authentication-Results: mx.google.com;\n dkim=pass header.i=@contoso.com;\n"
                + " spf=pass smtp.mailfrom=web@contoso.com;\n dmarc=pass (p=REJECT) header.from=contoso.com\n"
                + "From: web@contoso.com\n"));
        robot.clickOn(robot.from(tool.getScene().getRoot()).lookup("#checkButton").queryButton());
        Label verdict = robot.from(tool.getScene().getRoot()).lookup("#verdictLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !verdict.getText().isEmpty());

        assertThat(verdict.getText()).contains("mx.google.com", "dmarc=pass", "authenticated the mail");
        assertThat(robot.from(tool.getScene().getRoot()).lookup(".headers-status-cell").queryAll()).hasSize(4);
        robot.interact(() -> ((Stage) tool).close());
    }
}
