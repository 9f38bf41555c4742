// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The secret's expiry where the admin sees it: on the summary (with the calendar reminder) and on the start page. */
@ExtendWith(ApplicationExtension.class)
class SecretExpiryUiTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private WizardHarness wizard;

    @Start
    void start(Stage stage) {
        wizard = WizardHarness.openWithPlaceholders(stage, home.resolve("summary"), Language.ENGLISH);
    }

    @Test
    void theSummaryShowsTheExpiryFirstAndItsButtonLeadsToTheCalendarExport(FxRobot robot) {
        LocalDate expires = LocalDate.now(Clock.systemUTC()).plusDays(12);
        robot.interact(() -> wizard.window.model().clientSecretExpiresProperty().set(expires));
        fillFirstStep(robot);
        for (int i = 1; i < StepCatalog.STEP_IDS.size() + 1; i++) {
            robot.clickOn("#nextButton");
        }
        assertThat(robot.lookup(".step-title").queryAs(Label.class).getText()).isEqualTo(EN.get("step.title.summary"));

        assertThat(robot.lookup("#summarySecret").queryAs(Label.class).getText())
                .isEqualTo("The secret expires on " + expires + ", in 12 days. Mail from the site stops on that day.");
        assertThat(robot.lookup("#summary-status-secret").queryAs(Label.class).getStyleClass()).contains("status-warn");
        Button reminder = robot.lookup("#summaryReminder").queryButton();
        assertThat(reminder.isDisabled()).isFalse();

        robot.clickOn("#summaryReminder");

        assertThat(robot.lookup(".step-title").queryAs(Label.class).getText()).isEqualTo(EN.get("step.title.export"));
        assertThat(wizard.window.model().exportTargetProperty().get()).isEqualTo(ExportTarget.ICS);
    }

    @Test
    void theStartPageShowsTheSavedSetupsSecretInColourAndWords(FxRobot robot) {
        fillFirstStep(robot);
        robot.interact(() -> {
            wizard.window.model().clientSecretExpiresProperty().set(LocalDate.of(2026, 3, 13));
            wizard.stage.close();
        });
        WizardHarness[] again = new WizardHarness[1];
        robot.interact(() -> again[0] = WizardHarness.open(new Stage(), home.resolve("summary"), Language.ENGLISH,
                new WizardHarness.Options().clock(CLOCK).stayOnStartPage()));

        Label secret = robot.from(again[0].stage.getScene().getRoot()).lookup("#continueSecret").queryAs(Label.class);
        assertThat(secret.isVisible()).isTrue();
        assertThat(secret.getText()).startsWith("Client secret: Warning. The secret expires on 2026-03-13, in 12 days.")
                .contains("Create a new client secret before then");
        assertThat(secret.getStyleClass()).contains("status-warn");
        robot.interact(again[0].stage::close);
    }

    private static void fillFirstStep(FxRobot robot) {
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#senderField").write("wordpress@contoso.com");
        robot.clickOn("#siteUrlField").write("https://www.contoso.com");
    }
}
