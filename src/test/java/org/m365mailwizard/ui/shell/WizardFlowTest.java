// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.export.ExportTarget;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The flow between the steps in a real window: continuing after a restart, going back, the summary's
 * links, what an unreachable step says, and the notification of a check that ends elsewhere. DNS is a
 * loopback server with Microsoft 365 zones, named in the settings; nothing leaves the machine.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {

    @RegisterExtension
    static final ZoneFixture DNS = ZoneFixture.perTestClass();

    private static final Texts EN = new Texts(Language.ENGLISH);
    private static final String CLIENT_ID = UUID.randomUUID().toString();
    private static final String SECRET = "Q1w8Q~flowTestNotARealSecret0123456789abc";

    @TempDir
    Path home;

    private WizardHarness wizard;

    @AfterEach
    void close(FxRobot robot) {
        if (wizard != null && wizard.stage.isShowing()) {
            robot.interact(wizard.stage::close);
        }
    }

    private WizardRobot open(FxRobot fx, String dnsServer) {
        fx.interact(() -> wizard = WizardHarness.open(new Stage(), home, Language.ENGLISH,
                new WizardHarness.Options().dnsServer(dnsServer).stayOnStartPage()));
        return new WizardRobot(fx);
    }

    private static String zoneServer() {
        return "127.0.0.1:" + DNS.server().port();
    }

    /** Step 1 and 2 filled as a person does; leaves the wizard on step 2. */
    private void fillDomainAndApp(WizardRobot robot, String domain) throws Exception {
        robot.paste("#domainField", domain);
        robot.paste("#senderField", "web@" + domain);
        robot.paste("#siteUrlField", "https://www." + domain);
        robot.click("#targetChoice");
        robot.fx().clickOn(EN.get("domain.target.wpo365"));
        assertThat(wizard.window.model().targetProperty().get()).isEqualTo(PluginTarget.WPO365);
        robot.next(EN.get("app.step.title"));
        robot.paste("#tenantField", "contoso.onmicrosoft.com");
        robot.paste("#clientIdField", CLIENT_ID);
        robot.paste("#secretField", SECRET);
        robot.fx().interact(() -> wizard.window.model().clientSecretExpiresProperty().set(LocalDate.now(ZoneOffset.UTC)
                .plusMonths(9)));
    }

    /** A new setup, steps 1 to 3 filled, and the DNS step until its check has ended. */
    private void throughTheDnsCheck(WizardRobot robot, String domain) throws Exception {
        robot.click("#newButton");
        fillDomainAndApp(robot, domain);
        robot.next(EN.get("consent.step.title"));
        robot.next(EN.get("step.title.dns"));
        robot.waitUntil("the DNS check", () -> wizard.window.model().dnsFindings().size() == 6);
    }

    @Test
    void afterARestartTheWizardOffersToContinueWithEveryStepsInputSecretExcepted(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx, zoneServer());
        robot.click("#newButton");
        fillDomainAndApp(robot, "contoso.com");
        robot.next(EN.get("consent.step.title"));
        // The sender's sign-in (and its "Remember me") is shown only for the delegated permission.
        assertThat(fx.lookup("#signInSection").query().isVisible()).isFalse();
        fx.interact(() -> wizard.window.model().grantProperty().set(org.m365mailwizard.core.config.Grant.DELEGATED));
        robot.click("#rememberMe");
        robot.next(EN.get("step.title.dns"));
        robot.waitUntil("the DNS check", () -> wizard.window.model().dnsFindings().size() == 6);
        robot.next(EN.get("graph.ui.title"));
        robot.paste("#recipientsField", "admin@contoso.com");
        robot.click("#saveToSentItemsBox");
        robot.next(EN.get("export.step.title"));
        fx.interact(() -> fx.lookup("#export-target").queryAs(ComboBox.class).getSelectionModel()
                .select(ExportTarget.JSON));
        fx.interact(wizard.stage::close);

        WizardRobot again = open(fx, zoneServer());
        continueAfterRestart(fx, again);
    }

    private void continueAfterRestart(FxRobot fx, WizardRobot robot) throws Exception {
        assertThat(robot.text("#continueDetail"))
                .isEqualTo(EN.get("start.continue.detail", "contoso.com", "6. " + EN.get("export.step.title")));
        assertThat(wizard.stage.getScene().getFocusOwner().getId()).as("Enter continues").isEqualTo("continueButton");
        robot.click("#continueButton");

        // The secret is never saved, and the export needs none: the wizard opens where the user stopped
        // and says which steps wait for the secret.
        assertThat(robot.title()).isEqualTo(EN.get("export.step.title"));
        WizardShellController shell = wizard.window.shell();
        assertThat(fx.lookup(".notice .label").queryAs(Label.class).getText()).isEqualTo(EN.get("shell.resume.secret",
                shell.stepName("app"), shell.stepName("consent") + ", " + shell.stepName("mail")));
        assertThat(fx.lookup("#export-target").queryAs(ComboBox.class).getValue()).isEqualTo(ExportTarget.JSON);
        robot.click("#stepList");
        fx.clickOn(shell.stepName("app"));
        robot.waitUntil("step 2", () -> EN.get("app.step.title").equals(robot.title()));
        assertThat(robot.fieldText("#tenantField")).isEqualTo("contoso.onmicrosoft.com");
        assertThat(robot.fieldText("#clientIdField")).isEqualTo(CLIENT_ID);
        assertThat(robot.fieldText("#secretField")).isEmpty();
        assertThat(wizard.window.model().clientSecretExpiresProperty().get()).isNotNull();
        robot.paste("#secretField", SECRET);
        robot.next(EN.get("consent.step.title"));
        assertThat(fx.lookup("#rememberMe").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.next(EN.get("step.title.dns"));
        robot.waitUntil("the DNS check", () -> !robot.disabled("#nextButton"));
        robot.next(EN.get("graph.ui.title"));
        assertThat(robot.fieldText("#recipientsField")).isEqualTo("admin@contoso.com");
        assertThat(fx.lookup("#saveToSentItemsBox").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.next(EN.get("export.step.title"));
        assertThat(fx.lookup("#export-target").queryAs(ComboBox.class).getValue()).isEqualTo(ExportTarget.JSON);
    }

    @Test
    void goingBackKeepsEverythingAndDoesNotAskDnsAgain(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx, zoneServer());
        throughTheDnsCheck(robot, "contoso.com");
        robot.next(EN.get("graph.ui.title"));
        robot.paste("#recipientsField", "admin@contoso.com");
        int questions = DNS.server().queryCount();

        robot.click("#backButton");
        assertThat(robot.title()).isEqualTo(EN.get("step.title.dns"));
        assertThat(robot.text("#status-mx")).isEqualTo(EN.get("findings.status.pass"));
        assertThat(DNS.server().queryCount()).as("nothing changed: no new check").isEqualTo(questions);
        robot.click("#backButton");
        robot.click("#backButton");
        assertThat(robot.fieldText("#secretField")).isEqualTo(SECRET);
        assertThat(robot.fieldText("#clientIdField")).isEqualTo(CLIENT_ID);
        robot.click("#backButton");
        assertThat(robot.fieldText("#domainField")).isEqualTo("contoso.com");
        assertThat(robot.fieldText("#siteUrlField")).isEqualTo("https://www.contoso.com");

        // Forward again through the list: the recipients are still there.
        robot.click("#stepList");
        fx.clickOn("5. " + EN.get("step.title.mail"));
        robot.waitUntil("the mail step", () -> EN.get("graph.ui.title").equals(robot.title()));
        assertThat(robot.fieldText("#recipientsField")).isEqualTo("admin@contoso.com");
    }

    @Test
    void theSummaryLinksToTheStepThatFixesEachProblem(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx, zoneServer());
        throughTheDnsCheck(robot, "tailspin.example");
        assertThat(wizard.window.model().dnsFindings()).anyMatch(f -> f.status() == Status.FAIL);
        robot.next(EN.get("graph.ui.title"));
        robot.next(EN.get("export.step.title"));
        robot.next(EN.get("step.title.summary"));

        assertThat(robot.text("#summary-status-dns")).isEqualTo(EN.get("step.state.failed"));
        assertThat(robot.text("#summary-link-dns")).isEqualTo(EN.get("summary.link.fix", "4. " + EN.get("step.title.dns")));
        assertThat(robot.text("#summary-status-consent")).isEqualTo(EN.get("step.state.not-checked"));
        assertThat(robot.text("#summary-status-export")).isEqualTo(EN.get("step.state.not-checked"));
        // The page ends with the first thing missing, in the order of the steps.
        assertThat(robot.text("#summaryOverall")).isEqualTo(EN.get("summary.end.missing", "2. " + EN.get("step.title.app")));
        assertThat(robot.text("#summaryEndDetail")).isEqualTo(EN.get("summary.app.notWithMicrosoft"));
        // Who reads the file is said here too, before it is saved: WPO365 was chosen in step 1.
        assertThat(robot.text("#summaryReadBy")).isEqualTo(EN.get("export.readBy.wpo365"));
        assertThat(robot.text("#step-state-dns")).isEqualTo(EN.get("step.state.failed"));

        robot.click("#summary-link-dns");
        assertThat(robot.title()).isEqualTo(EN.get("step.title.dns"));
        robot.click("#stepList");
        fx.clickOn("7. " + EN.get("step.title.summary"));
        robot.waitUntil("the summary", () -> EN.get("step.title.summary").equals(robot.title()));
        robot.click("#summary-link-app");
        assertThat(robot.title()).isEqualTo(EN.get("app.step.title"));
    }

    @Test
    void aResultForAnEarlierDomainIsShownAsOutOfDateNotAsPassed(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx, zoneServer());
        throughTheDnsCheck(robot, "contoso.com");
        robot.waitUntil("the DNS step's state", () -> EN.get("step.state.passed").equals(robot.text("#step-state-dns")));

        robot.click("#stepList");
        fx.clickOn("1. " + EN.get("step.title.domain"));
        robot.waitUntil("step 1", () -> EN.get("step.title.domain").equals(robot.title()));
        robot.paste("#domainField", "tailspin.example");

        robot.waitUntil("the DNS step marked out of date",
                () -> EN.get("step.state.stale").equals(robot.text("#step-state-dns")));
        assertThat(StepState.of("dns", wizard.window.model()).staleReason())
                .isEqualTo(org.m365mailwizard.core.check.Message.of("result.stale.domain", "contoso.com"));
    }

    @Test
    void aStepThatCannotBeReachedYetSaysWhichStepIsMissing(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx, zoneServer());
        robot.click("#newButton");
        robot.paste("#domainField", "contoso");
        robot.click("#stepList");
        fx.clickOn("4. " + EN.get("step.title.dns"));
        robot.waitUntil("the notice", () -> robot.exists(".notice"));

        assertThat(robot.title()).isEqualTo(EN.get("step.title.domain"));
        assertThat(fx.lookup(".notice .label").queryAs(Label.class).getText()).isEqualTo(EN.get("shell.blocked",
                "4. " + EN.get("step.title.dns"), "1. " + EN.get("step.title.domain")));
        assertThat(robot.disabled("#sendTestButton")).isTrue();
    }

    @Test
    void aDnsCheckThatEndsWhileTheUserIsElsewhereIsNotified(FxRobot fx) throws Exception {
        // Answers are held until the user has left: "still running" is then a fact, not a race.
        try (LoopbackDnsServer slow = LoopbackDnsServer.start(DNS.zones()).holdAnswers()) {
            WizardRobot robot = open(fx, "127.0.0.1:" + slow.port());
            robot.click("#newButton");
            fillDomainAndApp(robot, "contoso.com");
            robot.next(EN.get("consent.step.title"));
            robot.next(EN.get("step.title.dns"));
            robot.waitUntil("the DNS check asking", () -> slow.queryCount() > 0);
            robot.click("#backButton");
            assertThat(wizard.window.model().dnsFindings()).as("still running").isEmpty();

            slow.releaseAnswers();
            robot.waitUntil("the notification", () -> notificationShown(fx));
            assertThat(wizard.window.model().dnsFindings()).hasSize(6);
            assertThat(robot.title()).as("the user stays where they are").isEqualTo(EN.get("consent.step.title"));
        }
    }

    @Test
    void aDnsCheckThatEndsWhileTheUserIsOnTheDnsStepIsNotAnnounced(FxRobot fx) throws Exception {
        try (LoopbackDnsServer slow = LoopbackDnsServer.start(DNS.zones()).holdAnswers()) {
            WizardRobot robot = open(fx, "127.0.0.1:" + slow.port());
            robot.click("#newButton");
            fillDomainAndApp(robot, "contoso.com");
            robot.next(EN.get("consent.step.title"));
            robot.next(EN.get("step.title.dns"));
            robot.waitUntil("the DNS check asking", () -> slow.queryCount() > 0);

            slow.releaseAnswers();
            robot.waitUntil("the result", () -> wizard.window.model().dnsFindings().size() == 6);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(notificationShown(fx)).as("the results are on screen already").isFalse();
            assertThat(robot.title()).isEqualTo(EN.get("step.title.dns"));
        }
    }

    private static boolean notificationShown(FxRobot fx) {
        return Window.getWindows().stream().filter(Window::isShowing)
                .anyMatch(w -> fx.from(w.getScene().getRoot()).lookup((javafx.scene.Node n) ->
                        n instanceof javafx.scene.control.Labeled l
                                && EN.get("notify.dns.title").equals(l.getText())).tryQuery().isPresent());
    }

    @Test
    void theWizardCanBeWorkedWithTheKeyboardAlone(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx, zoneServer());
        robot.waitUntil("focus on the first action", () -> focused("newButton"));
        fx.type(KeyCode.ENTER);
        robot.waitUntil("focus in the domain field", () -> focused("domainField"));
        fx.write("contoso.com").type(KeyCode.TAB).write("web@contoso.com").type(KeyCode.TAB).type(KeyCode.TAB)
                .write("https://www.contoso.com");
        fx.type(KeyCode.ENTER);
        robot.waitUntil("step 2", () -> EN.get("app.step.title").equals(robot.title()));
        robot.waitUntil("focus in the tenant field", () -> focused("tenantField"));
        fx.write("contoso.onmicrosoft.com");

        fx.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        robot.waitUntil("step 1 again", () -> EN.get("step.title.domain").equals(robot.title()));
        assertThat(robot.fieldText("#siteUrlField")).isEqualTo("https://www.contoso.com");
        fx.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        robot.waitUntil("step 2 again", () -> EN.get("app.step.title").equals(robot.title()));
        assertThat(robot.fieldText("#tenantField")).isEqualTo("contoso.onmicrosoft.com");
    }

    private boolean focused(String id) {
        javafx.scene.Node owner = wizard.stage.getScene().getFocusOwner();
        return owner != null && id.equals(owner.getId());
    }
}
