// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.PluginTarget;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A new user's way through the wizard (issue 14's trial: R7, R8, R13, R15): the start page offers to
 * continue the setup in hand, the test mail leads to what it still needs, a resumed setup reaches DNS
 * and export without the secret (the steps that need it say so), and the summary ends with Finish.
 * DNS is a loopback zone server; nothing leaves the machine.
 */
@ExtendWith(ApplicationExtension.class)
class FirstUseFlowTest {

    @RegisterExtension
    static final ZoneFixture DNS = ZoneFixture.perTestClass();

    private static final Texts EN = new Texts(Language.ENGLISH);
    private static final String SECRET = "Q1w8Q~firstUseTestNotARealSecret0123456789";

    @TempDir
    Path home;

    private WizardHarness wizard;

    @AfterEach
    void close(FxRobot robot) {
        if (wizard != null && wizard.stage.isShowing()) {
            robot.interact(wizard.stage::close);
        }
    }

    private WizardRobot open(FxRobot fx) {
        fx.interact(() -> wizard = WizardHarness.open(new Stage(), home, Language.ENGLISH,
                new WizardHarness.Options().dnsServer("127.0.0.1:" + DNS.server().port()).stayOnStartPage()));
        return new WizardRobot(fx);
    }

    private void fillStepOne(WizardRobot robot) {
        robot.paste("#domainField", "contoso.com");
        robot.paste("#senderField", "web@contoso.com");
        robot.paste("#siteUrlField", "https://www.contoso.com");
    }

    private String step(String id) {
        return wizard.window.shell().stepName(id);
    }

    private String notices(FxRobot fx) {
        return String.join(" | ", fx.lookup(".notice .label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList());
    }

    @Test
    void backToTheStartPageMidSessionOffersToContinueWhereTheUserWas(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx);
        assertThat(robot.exists("#continueButton") && fx.lookup("#continueButton").query().isVisible())
                .as("nothing to continue yet").isFalse();
        robot.click("#newButton");
        fillStepOne(robot);
        robot.next(EN.get("app.step.title"));

        robot.click("#startPageLink");

        robot.waitUntil("the start page", () -> robot.exists("#continueButton"));
        assertThat(fx.lookup("#continueButton").query().isVisible()).isTrue();
        assertThat(robot.text("#continueDetail")).isEqualTo(EN.get("start.continue.detail", "contoso.com",
                "2. " + EN.get("step.title.app")));
        robot.click("#continueButton");
        robot.waitUntil("the wizard again", () -> EN.get("app.step.title").equals(robot.title()));
        assertThat(robot.fieldText("#tenantField")).isEmpty();
    }

    @Test
    void aWebOrMailAddressTypedAsTheDomainOffersItsDomainInStepOneAndInTheDnsChecker(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx);
        robot.click("#dnsButton");
        robot.waitUntil("the DNS checker", () -> robot.exists("#checkButton"));
        robot.paste("#domainField", "https://www.contoso.com/");
        robot.waitUntil("the offer", () -> fx.lookup("#suggestButton").query().isVisible());
        assertThat(robot.text("#suggestButton")).isEqualTo(EN.get("dnsui.useSuggestion", "contoso.com"));
        robot.click("#suggestButton");
        robot.waitUntil("contoso.com checked",
                () -> robot.text("#statusLabel").equals(EN.get("findings.summary", 6, 0, 0, 0)));
        assertThat(robot.fieldText("#domainField")).isEqualTo("contoso.com");
        assertThat(fx.lookup("#suggestButton").query().isVisible()).isFalse();
        // The fields change after the check: the result says what it was checked for.
        robot.paste("#domainField", "fabrikam.com");
        robot.waitUntil("the result marked", () -> fx.lookup("#staleLabel").query().isVisible());
        assertThat(robot.text("#staleLabel")).isEqualTo(EN.get("result.stale.domain", "contoso.com"));
        fx.interact(() -> ((Stage) fx.lookup("#checkButton").query().getScene().getWindow()).close());

        robot.click("#newButton");
        robot.paste("#domainField", "me@contoso.com");
        robot.waitUntil("the offer", () -> fx.lookup("#domainSuggestButton").query().isVisible());
        assertThat(robot.text("#domainSuggestButton")).isEqualTo(EN.get("dnsui.useSuggestion", "contoso.com"));
        robot.click("#domainSuggestButton");
        assertThat(robot.fieldText("#domainField")).isEqualTo("contoso.com");
        assertThat(fx.lookup("#domainSuggestButton").query().isVisible()).isFalse();
    }

    @Test
    void theTestMailOnTheStartPageLeadsToTheStepItStillNeeds(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx);
        assertThat(robot.text("#testMailDetail")).isEqualTo(EN.get("start.testMail.detail.missing",
                EN.get("graph.ui.needSender")));

        robot.click("#testMailButton");

        robot.waitUntil("step 1 with the reason", () -> robot.exists("#domainField"));
        assertThat(robot.title()).isEqualTo(EN.get("step.title.domain"));
        assertThat(notices(fx)).contains(EN.get("start.testMail.needs", EN.get("graph.ui.needSender")));
    }

    @Test
    void aResumedSetupReachesDnsAndExportWithoutTheSecretAndTheStepsThatNeedItSaySo(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx);
        robot.click("#newButton");
        fillStepOne(robot);
        robot.click("#targetChoice");
        fx.clickOn(EN.get("domain.target.wpo365"));
        robot.next(EN.get("app.step.title"));
        robot.paste("#tenantField", "contoso.onmicrosoft.com");
        robot.paste("#clientIdField", UUID.randomUUID().toString());
        robot.paste("#secretField", SECRET);
        robot.next(EN.get("consent.step.title"));
        robot.next(EN.get("step.title.dns"));
        robot.waitUntil("the DNS check", () -> wizard.window.model().dnsFindings().size() == 6);
        fx.interact(wizard.stage::close);

        robot = open(fx);
        WizardRobot again = robot;
        again.click("#continueButton");

        // The DNS step, where the user stopped: it does not use the secret.
        again.waitUntil("the DNS step", () -> EN.get("step.title.dns").equals(again.title()));
        assertThat(notices(fx)).contains(EN.get("shell.resume.secret", step("app"),
                String.join(", ", step("consent"), step("mail"))));
        assertThat(again.text("#step-needs-mail")).isEqualTo(EN.get("shell.step.needsSecret", step("app")));
        assertThat(again.text("#step-needs-consent")).isEqualTo(EN.get("shell.step.needsSecret", step("app")));
        assertThat(again.exists("#step-needs-dns")).isFalse();
        again.click("#checkButton");
        again.waitUntil("DNS checked again", () -> !again.disabled("#nextButton")
                && wizard.window.model().dnsFindings().size() == 6);

        // Next passes over the test mail (it needs the secret) to the export, and says why.
        again.next(EN.get("export.step.title"));
        assertThat(notices(fx)).contains(EN.get("shell.blocked.secret", step("mail"), step("app")));
        // Back returns to the nearest step that can open: step 4, then step 2 (step 3 waits for the secret).
        again.click("#backButton");
        again.waitUntil("the DNS step", () -> EN.get("step.title.dns").equals(again.title()));
        again.click("#backButton");
        again.waitUntil("step 2", () -> EN.get("app.step.title").equals(again.title()));
        again.paste("#secretField", SECRET);
        again.waitUntil("the list without waits", () -> !again.exists("#step-needs-mail"));
        again.next(EN.get("consent.step.title"));
    }

    @Test
    void theSummaryCountsWarningsApartAndFinishNamesWhatIsMissingWithTheWayThere(FxRobot fx) throws Exception {
        WizardRobot robot = open(fx);
        robot.click("#newButton");
        fillStepOne(robot);
        fx.interact(() -> wizard.window.model().dnsFindings().setAll(
                Finding.of("dmarc", Status.WARN, "", List.of(), Message.of("x.dmarc.warn"))));
        fx.interact(() -> wizard.window.model().checkedForProperty("dns")
                .set(StepInputs.snapshot("dns", wizard.window.model())));
        robot.click("#stepList");
        fx.clickOn("7. " + EN.get("step.title.summary"));
        robot.waitUntil("the summary", () -> EN.get("step.title.summary").equals(robot.title()));

        // Step 1 has its card; the DMARC warning is a warning, not a problem (step 2's empty fields are one).
        assertThat(robot.text("#summary-status-domain")).isEqualTo(EN.get("step.state.passed"));
        assertThat(robot.text("#summary-status-dns")).isEqualTo(EN.get("step.state.warning"));
        assertThat(robot.text("#summaryTally")).isEqualTo(EN.get("summary.tally", 1, 1, 1, 3));
        assertThat(robot.text("#nextButton")).isEqualTo(EN.get("shell.finish"));
        assertThat(robot.disabled("#nextButton")).isFalse();

        // Fired (see the test below), and later: the question it opens waits for an answer on the FX thread.
        javafx.scene.control.Button finish = fx.lookup("#nextButton").queryButton();
        javafx.application.Platform.runLater(finish::fire);
        javafx.scene.control.Button goTo = robot.dialogButton(EN.get("shell.finish.goTo", step("app")));
        fx.interact(goTo::fire);

        robot.waitUntil("step 2", () -> EN.get("app.step.title").equals(robot.title()));
        assertThat(wizard.stage.isShowing()).isTrue();
    }

    @Test
    void finishOnAReadySetupSavesTheEntriesAndCloses(FxRobot fx) throws Exception {
        fx.interact(() -> wizard = WizardHarness.openWithPlaceholders(new Stage(), home, Language.ENGLISH));
        WizardRobot robot = new WizardRobot(fx);
        fx.interact(() -> {
            WizardModel m = wizard.window.model();
            m.domainProperty().set("contoso.com");
            m.senderProperty().set("web@contoso.com");
            m.siteUrlProperty().set("https://www.contoso.com");
            m.targetProperty().set(PluginTarget.WP_MAIL_SMTP);
            m.tenantProperty().set("contoso.onmicrosoft.com");
            m.clientIdProperty().set(UUID.randomUUID().toString());
            m.clientSecretProperty().set(SECRET);
            m.recipientsProperty().set("alice@example.org");
            for (String step : StepInputs.CHECKED_STEPS) {
                m.checkedForProperty(step).set(StepInputs.snapshot(step, m));
                Finding passed = Finding.of(step.equals("app") ? AppCheckIds.TOKEN : step, Status.PASS, "",
                        List.of(), Message.of("x.pass"));
                switch (step) {
                    case "app" -> m.appFindings().setAll(passed);
                    case "consent" -> m.consentFindings().setAll(passed);
                    case "dns" -> m.dnsFindings().setAll(passed);
                    case "mail" -> m.mailFindings().setAll(passed);
                    default -> m.exportedFileProperty().set(home.resolve("wp-mail-smtp.php"));
                }
            }
        });
        fx.interact(() -> wizard.window.shell().goTo("summary"));
        robot.waitUntil("the summary", () -> EN.get("step.title.summary").equals(robot.title()));
        assertThat(robot.text("#summaryOverall")).isEqualTo(EN.get("summary.overall.allGood"));

        // Fired, not clicked: xvfb-run's default screen (640x480) is smaller than the window, and a pointer
        // clamped to the screen's edge would land on another control.
        fx.interact(() -> fx.lookup("#nextButton").queryButton().fire());

        robot.waitUntil("the window closed", () -> !wizard.stage.isShowing());
        assertThat(Files.readString(wizard.dirs.setupFile())).contains("contoso.com").doesNotContain(SECRET);
    }
}
