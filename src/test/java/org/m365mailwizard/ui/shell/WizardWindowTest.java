// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window under Xvfb: the first step's rules as the user types, persistence, language, cancel. */
@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    private static final Texts ZH = new Texts(Language.SIMPLIFIED_CHINESE);

    @TempDir
    Path home;

    private WizardHarness wizard;

    @Start
    void start(Stage stage) {
        wizard = WizardHarness.open(stage, home, Language.ENGLISH);
    }

    @Test
    void anInvalidDomainShowsTheReasonAndKeepsNextDisabled(FxRobot robot) {
        fillValidExceptDomain(robot);
        robot.clickOn("#domainField").write("contoso");

        assertThat(text(robot, "#domainFeedback")).isEqualTo(EN.get("input.domain.noDot", "contoso"));
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field(robot, "#domainField").getPseudoClassStates()).as("ControlsFX decoration").contains(Styles.STATE_DANGER);
        assertThat(field(robot, "#domainField").getTooltip().getText()).isEqualTo(EN.get("input.domain.noDot", "contoso"));

        robot.doubleClickOn("#domainField").eraseText(7).write("outlook.com");
        assertThat(text(robot, "#domainFeedback")).isEqualTo(EN.get("input.domain.consumer", "outlook.com"));
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aValidDomainEnablesNextAndEnterMovesOn(FxRobot robot) {
        fillValidExceptDomain(robot);
        robot.clickOn("#domainField").write("contoso.com");

        assertThat(text(robot, "#domainFeedback")).isEmpty();
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isFalse();

        robot.type(KeyCode.ENTER);
        assertThat(text(robot, ".step-counter")).isEqualTo(EN.get("shell.stepCounter", 2, 7));
        assertThat(text(robot, ".step-title")).isNotEqualTo(EN.get("step.title.domain"));
        robot.clickOn("#backButton");
        assertThat(text(robot, ".step-title")).isEqualTo(EN.get("step.title.domain"));
    }

    @Test
    void everyStepIsReachableOnceTheFirstIsValid(FxRobot robot) {
        robot.interact(() -> {
            wizard.stage.close();
            wizard = WizardHarness.openWithPlaceholders(new Stage(), home.resolve("placeholders"), Language.ENGLISH);
        });
        fillValidExceptDomain(robot);
        robot.clickOn("#domainField").write("contoso.com");
        for (String id : StepCatalog.STEP_IDS.subList(1, StepCatalog.STEP_IDS.size())) {
            robot.clickOn("#nextButton");
            assertThat(text(robot, ".step-title")).isEqualTo(EN.get("step.title." + id));
            assertThat(robot.lookup(".step-description").queryAs(Label.class).getText())
                    .isEqualTo(EN.get("step.placeholder." + id));
        }
        robot.clickOn("#nextButton");
        assertThat(text(robot, ".step-title")).isEqualTo(EN.get("step.title.summary"));
        // Nothing after the summary: Next becomes Finish there, a clear end rather than a greyed-out button.
        assertThat(robot.lookup("#nextButton").queryButton().getText()).isEqualTo(EN.get("shell.finish"));
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void theStepListDoesNotSkipAnInvalidStep(FxRobot robot) {
        robot.clickOn("#domainField").write("contoso");
        robot.clickOn(EN.get("shell.stepListEntry", 4, EN.get("step.title.dns")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, ".step-title")).isEqualTo(EN.get("step.title.domain"));
    }

    @Test
    void aChineseDomainShowsItsPunycode(FxRobot robot) {
        robot.interact(() -> field(robot, "#domainField").setText("例子.cn"));
        assertThat(text(robot, "#domainFeedback")).isEmpty();
        assertThat(text(robot, "#domainForms")).isEqualTo(EN.get("domain.forms", "例子.cn", "xn--fsqu00a.cn"))
                .contains("xn--fsqu00a.cn");
    }

    @Test
    void anHttpSiteIsRefusedWithTheFixAndASenderElsewhereOnlyWarns(FxRobot robot) {
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#senderField").write("wp@fabrikam.com");
        robot.clickOn("#siteUrlField").write("http://www.contoso.com");
        assertThat(text(robot, "#siteUrlFeedback")).isEqualTo(EN.get("input.siteUrl.http", "https://www.contoso.com"));
        assertThat(text(robot, "#senderFeedback"))
                .isEqualTo(EN.get("input.email.otherDomain", "fabrikam.com", "contoso.com"));
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();

        robot.doubleClickOn("#siteUrlField").eraseText(30).write("https://www.contoso.com");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).as("a warning does not block").isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field(robot, "#senderField").getPseudoClassStates()).contains(Styles.STATE_WARNING)
                .doesNotContain(Styles.STATE_DANGER);
        assertThat(field(robot, "#siteUrlField").getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
    }

    @Test
    void theWindowRestartsWithTheSavedValuesInvalidOnesIncluded(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#senderField").write("wordpress@contoso.com");
        robot.clickOn("#senderNameField").write("Contoso site");
        robot.clickOn("#siteUrlField").write("http://www.contoso.com");
        robot.interact(() -> {
            wizard.window.model().cloudProperty().set(Cloud.CHINA);
            wizard.window.model().targetProperty().set(PluginTarget.FLUENTSMTP);
            wizard.window.model().plainPermalinksProperty().set(true);
            wizard.window.model().clientSecretProperty().set("abc8Q~abcdefghijklmnopqrstuvwxyz0123456789");
            wizard.stage.close();
        });
        assertThat(Files.readString(wizard.dirs.setupFile())).doesNotContain("abc8Q~");
        assertThat(Files.readString(wizard.dirs.preferencesFile())).as("window size remembered").contains("\"width\"");

        WizardHarness[] again = new WizardHarness[1];
        robot.interact(() -> again[0] = WizardHarness.open(new Stage(), home, Language.ENGLISH));
        WizardModel restored = again[0].window.model();
        assertThat(restored.domainProperty().get()).isEqualTo("contoso.com");
        assertThat(restored.senderProperty().get()).isEqualTo("wordpress@contoso.com");
        assertThat(restored.senderNameProperty().get()).isEqualTo("Contoso site");
        assertThat(restored.siteUrlProperty().get()).isEqualTo("http://www.contoso.com");
        assertThat(restored.cloudProperty().get()).isEqualTo(Cloud.CHINA);
        assertThat(restored.targetProperty().get()).isEqualTo(PluginTarget.FLUENTSMTP);
        assertThat(restored.plainPermalinksProperty().get()).isTrue();
        assertThat(restored.clientSecretProperty().get()).isEmpty();
        Node siteField = robot.from(again[0].stage.getScene().getRoot()).lookup("#siteUrlField").query();
        assertThat(((TextField) siteField).getText()).isEqualTo("http://www.contoso.com");
        robot.interact(again[0].stage::close);
    }

    @Test
    void aCorruptSetupIsSetAsideAndReported(FxRobot robot) throws Exception {
        Path other = home.resolve("other");
        Files.createDirectories(WizardHarness.dirsIn(other).config());
        Files.writeString(WizardHarness.dirsIn(other).setupFile(), "{ this is not json");
        WizardHarness[] opened = new WizardHarness[1];
        robot.interact(() -> opened[0] = WizardHarness.open(new Stage(), other, Language.ENGLISH,
                new WizardHarness.Options().stayOnStartPage()));

        Label notice = robot.from(opened[0].stage.getScene().getRoot()).lookup(".notice .label").queryAs(Label.class);
        assertThat(notice.getText()).startsWith(EN.get("config.setup.corrupt", "X").split("X")[0]).contains(".corrupt-");
        try (var files = Files.list(WizardHarness.dirsIn(other).config())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("setup.json.corrupt-"));
        }
        assertThat(opened[0].window.model().domainProperty().get()).isEmpty();
        robot.interact(opened[0].stage::close);
    }

    @Test
    void switchingToChineseShowsChineseLabelsKeepsInputAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("contoso");
        robot.clickOn("#languageChoice");
        robot.clickOn(ZH.get("shell.language.zh-CN"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#domainLabel").queryAs(Label.class).getText()).isEqualTo(ZH.get("domain.domain"));
        assertThat(text(robot, ".step-title")).isEqualTo(ZH.get("step.title.domain"));
        assertThat(robot.lookup("#nextButton").queryButton().getText()).isEqualTo(ZH.get("shell.next"));
        assertThat(field(robot, "#domainField").getText()).isEqualTo("contoso");
        assertThat(text(robot, "#domainFeedback")).isEqualTo(ZH.get("input.domain.noDot", "contoso"));
        assertThat(wizard.stage.getTitle()).isEqualTo(ZH.get("app.title"));
        assertThat(Files.readString(wizard.dirs.preferencesFile())).contains("\"zh-CN\"");

        WizardHarness[] again = new WizardHarness[1];
        robot.interact(() -> {
            wizard.stage.close();
            again[0] = WizardHarness.open(new Stage(), home, Language.SIMPLIFIED_CHINESE);
        });
        assertThat(again[0].stage.getTitle()).isEqualTo(ZH.get("app.title"));
        robot.interact(again[0].stage::close);
    }

    @Test
    void cancelOrEscapeWithInputAsksAndKeepsTheInput(FxRobot robot) throws TimeoutException {
        robot.clickOn("#domainField").write("contoso.com");
        robot.type(KeyCode.ESCAPE);

        DialogPane dialog = waitForDialog(robot);
        assertThat(dialog.getHeaderText()).isEqualTo(EN.get("shell.cancel.header"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage.isShowing()).isTrue();
        assertThat(field(robot, "#domainField").getText()).isEqualTo("contoso.com");

        robot.clickOn("#cancelButton");
        DialogPane again = waitForDialog(robot);
        Button keep = (Button) again.lookupButton(again.getButtonTypes().stream()
                .filter(b -> b.getText().equals(EN.get("shell.cancel.keep"))).findFirst().orElseThrow());
        robot.clickOn(keep);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage.isShowing()).isFalse();
    }

    @Test
    void theCloseQuestionShowsEveryButtonWhole(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#cancelButton");
        DialogPane dialog = waitForDialog(robot);
        WaitForAsyncUtils.waitForFxEvents();

        java.util.List<String> problems = new java.util.ArrayList<>();
        robot.interact(() -> EveryPageTest.inspect(dialog, problems));
        assertThat(problems).isEmpty();
        assertThat(dialog.getButtonTypes()).hasSize(3);
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void settingsGrowsForItsErrorAndKeepsSaveAndCancelInView(FxRobot robot) throws Exception {
        robot.clickOn("#settingsButton");
        DialogPane dialog = waitForDialog(robot);
        robot.clickOn("#dnsServerField").write("dns.local:abc");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialog.lookup("#dnsServerProblem").isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        Window window = dialog.getScene().getWindow();
        for (ButtonType type : dialog.getButtonTypes()) {
            javafx.geometry.Bounds button = dialog.lookupButton(type).localToScreen(
                    dialog.lookupButton(type).getBoundsInLocal());
            assertThat(button.getMaxY()).as(type.getText()).isLessThanOrEqualTo(window.getY() + window.getHeight());
            assertThat(dialog.lookupButton(type).isVisible()).isTrue();
        }
        java.util.List<String> problems = new java.util.ArrayList<>();
        robot.interact(() -> EveryPageTest.inspect(dialog, problems));
        assertThat(problems).isEmpty();
        robot.interact(window::hide);
    }

    @Test
    void discardingClearsTheSavedSetup(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#cancelButton");
        DialogPane dialog = waitForDialog(robot);
        robot.clickOn((Button) dialog.lookupButton(dialog.getButtonTypes().stream()
                .filter(b -> b.getText().equals(EN.get("shell.cancel.discard"))).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage.isShowing()).isFalse();
        assertThat(Files.readString(wizard.dirs.setupFile())).doesNotContain("contoso");
    }

    @Test
    void cancelWithoutInputClosesAtOnce(FxRobot robot) {
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage.isShowing()).isFalse();
    }

    @Test
    void theDomainFieldHasTheFocusOnStartAndTheLanguageChoiceAfterASwitch(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("domainField");
        robot.interact(() -> wizard.window.switchLanguage(Language.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("languageChoice");
    }

    @Test
    void closingTheWindowWithATypedSecretAsksFirst(FxRobot robot) throws TimeoutException {
        robot.interact(() -> wizard.window.model().clientSecretProperty().set("abc8Q~typed"));
        // Not interact(): the handler opens a modal dialog, which would block the call until answered.
        Platform.runLater(() -> wizard.stage.fireEvent(new WindowEvent(wizard.stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane dialog = waitForDialog(robot);
        assertThat(dialog.getHeaderText()).isEqualTo(EN.get("shell.cancel.header"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wizard.stage.isShowing()).isTrue();
        assertThat(wizard.window.model().clientSecretProperty().get()).isEqualTo("abc8Q~typed");
    }

    @Test
    void tabMovesThroughTheFieldsInReadingOrder(FxRobot robot) {
        robot.clickOn("#domainField");
        robot.type(KeyCode.TAB);
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("senderField");
        robot.type(KeyCode.TAB);
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("senderNameField");
        robot.type(KeyCode.TAB);
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("siteUrlField");
        robot.type(KeyCode.TAB);
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("wordpressUrlField");
        robot.type(KeyCode.TAB);
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("checkSiteButton");
        robot.type(KeyCode.TAB);
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).isEqualTo("targetChoice");
    }

    private void fillValidExceptDomain(FxRobot robot) {
        robot.clickOn("#senderField").write("wordpress@contoso.com");
        robot.clickOn("#siteUrlField").write("https://www.contoso.com");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static DialogPane waitForDialog(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane));
        return (DialogPane) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot();
    }

    @SuppressWarnings("unused")
    private static ComboBox<?> combo(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ComboBox.class);
    }
}
