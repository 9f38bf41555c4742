// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.testsupport.Screenshots;
import org.m365mailwizard.ui.common.FxTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The standalone DNS checker in a real window (Xvfb) against loopback DNS: a run fills the table,
 * fixes are copied, cancel works, and the FX thread stays free while DNS answers are pending.
 */
@ExtendWith(ApplicationExtension.class)
class DnsCheckerScreenTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();
    /** Every answer held back (never released): the robot presses Cancel while the check surely runs. */
    private static LoopbackDnsServer verySlow;

    private DnsStepController screen;
    private Stage stage;

    @BeforeAll
    static void startSlowServers() throws Exception {
        verySlow = LoopbackDnsServer.start(dns.zones()).holdAnswers();
    }

    @AfterAll
    static void stopSlowServers() {
        verySlow.releaseAnswers();
        verySlow.close();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        screen = DnsCheckerWindow.build(dns.checker(), EN, FxTasks.onFxThread(dns.executor()));
        DnsCheckerWindow.show(stage, screen, EN);
    }

    private void useServer(FxRobot robot, LoopbackDnsServer server) {
        DnsChecker slowChecker = new DnsChecker(dns.settings().withTimeout(Duration.ofSeconds(8)).withServers(
                List.of(new InetSocketAddress("127.0.0.1", server.port()))), dns.executor());
        robot.interact(() -> {
            screen = DnsCheckerWindow.build(slowChecker, EN, FxTasks.onFxThread(dns.executor()));
            DnsCheckerWindow.show(stage, screen, EN);
        });
    }

    private void waitUntilDone() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !screen.viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void checkShowsEveryCheckWithStatusExpectedFoundAndFix(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("tailspin.example");
        robot.clickOn("#checkButton");
        waitUntilDone();

        assertThat(screen.viewModel().rows()).hasSize(6);
        assertThat(robot.lookup(".dns-card").queryAll()).hasSize(6);
        Label mx = robot.lookup("#status-mx").queryAs(Label.class);
        assertThat(mx.getText()).isEqualTo("FAIL");
        assertThat(mx.getStyleClass()).contains("status-fail");
        assertThat(robot.lookup("#status-autodiscover").queryAs(Label.class).getText()).isEqualTo("FAIL");
        assertThat(robot.lookup("#checkButton").queryButton().getText()).isEqualTo("Check again");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("failed");

        TitledPane details = robot.lookup("#details-mx").queryAs(TitledPane.class);
        assertThat(details.isExpanded()).as("details open on demand").isFalse();
        robot.clickOn("#details-mx");
        assertThat(details.isExpanded()).isTrue();
        robot.clickOn("#copy-mx");
        assertThat(clipboard(robot)).isEqualTo("tailspin.example. 3600 IN MX 0 tailspin-example.mail.protection.outlook.com.");
        assertThat(robot.lookup("#copiedLabel").queryAs(Label.class).getText()).isEqualTo("Copied the record for Mail delivery (MX).");

        robot.clickOn("#copyAllButton");
        assertThat(clipboard(robot)).isEqualTo(screen.viewModel().zoneSnippetProperty().get())
                .contains("tailspin.example. 3600 IN MX").contains("autodiscover.tailspin.example. 3600 IN CNAME");
    }

    @Test
    void aRightZonePassesAndHasNothingToCopy(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#checkButton");
        waitUntilDone();

        assertThat(robot.lookup("#status-mx").queryAs(Label.class).getText()).isEqualTo("PASS");
        assertThat(robot.lookup("#status-spf").queryAs(Label.class).getText()).isEqualTo("PASS");
        assertThat(robot.lookup("#copy-mx").tryQuery()).isEmpty();
        assertThat(robot.lookup("#copyAllButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void invalidDomainIsExplainedNextToTheButton(FxRobot robot) {
        robot.clickOn("#domainField").write("contoso");
        robot.clickOn("#checkButton");
        Label problem = robot.lookup("#problemLabel").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo(EN.get("input.domain.noDot", "contoso"));
    }

    @Test
    void aDomainThatDoesNotExistGetsOneCardAndNothingToPublish(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("no-such-name.contoso.com");
        robot.clickOn("#checkButton");
        waitUntilDone();

        assertThat(robot.lookup(".dns-card").queryAll()).hasSize(1);
        assertThat(robot.lookup("#verdict-mx").queryAs(Label.class).getText())
                .isEqualTo(EN.get("dns.mx.noDomain", "no-such-name.contoso.com"));
        assertThat(robot.lookup("#dns-skipped").queryAs(Label.class).getText())
                .isEqualTo(EN.get("dnsui.noDomain.others", 5));
        assertThat(robot.lookup("#copy-mx").tryQuery()).isEmpty();
        assertThat(robot.lookup("#copyAllButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aPublicMailDomainIsRefusedAndAnEarlierResultDoesNotStayUnderTheRefusal(FxRobot robot) throws Exception {
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#checkButton");
        waitUntilDone();
        assertThat(robot.lookup("#status-mx").queryAs(Label.class).getText()).isEqualTo("PASS");

        robot.interact(() -> screen.viewModel().model().domainProperty().set("gmail.com"));
        robot.clickOn("#checkButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText())
                .isEqualTo(EN.get("input.domain.publicMail", "gmail.com"));
        assertThat(robot.lookup("#status-mx").queryAs(Label.class).getText())
                .isEqualTo(EN.get("dnsui.state.notChecked"));
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void theWindowClosesWithItsButtonEscapeAndCtrlW(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        robot.clickOn("#closeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();

        robot.interact(() -> DnsCheckerWindow.show(stage, screen, EN));
        robot.clickOn("#domainField").type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();

        robot.interact(() -> DnsCheckerWindow.show(stage, screen, EN));
        robot.clickOn("#domainField").press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void cancelStopsTheRunAndKeepsTheScreenUsable(FxRobot robot) throws Exception {
        useServer(robot, verySlow);
        robot.clickOn("#domainField").write("contoso.com");
        robot.clickOn("#checkButton");
        assertThat(robot.lookup("#cancelButton").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#progressBar").query().isVisible()).isTrue();

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.viewModel().runningProperty().get()).isFalse();
        assertThat(robot.lookup("#status-mx").queryAs(Label.class).getText()).isEqualTo("Cancelled");
        assertThat(robot.lookup("#checkButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#cancelButton").queryButton().isVisible()).isFalse();
    }

    @Test
    void theFxThreadStaysFreeWhileDnsIsSlow(FxRobot robot) throws Exception {
        // Proved by order, not by a clock: every DNS answer is held back until the FX thread has shown
        // that it works while the check waits. A blocked FX thread never gets there, and the test fails.
        try (LoopbackDnsServer held = LoopbackDnsServer.start(dns.zones()).holdAnswers()) {
            useServer(robot, held);
            // Seen on the FX thread as it happens, not sampled later: rows fill before the run ends.
            java.util.concurrent.atomic.AtomicBoolean filledWhileRunning = new java.util.concurrent.atomic.AtomicBoolean();
            robot.interact(() -> screen.viewModel().progressProperty().addListener((o, before, now) -> {
                if (now.doubleValue() > 0 && now.doubleValue() < 1 && screen.viewModel().runningProperty().get()) {
                    filledWhileRunning.set(true);
                }
            }));
            robot.clickOn("#domainField").write("contoso.com");
            robot.clickOn("#checkButton");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> held.queryCount() > 0);

            // The check is in flight and cannot end (its answers are held): the FX thread runs a task...
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(ran::countDown);
            assertThat(ran.await(30, TimeUnit.SECONDS)).as("FX thread ran a task while DNS was pending").isTrue();
            // ...and takes input: typing into the tenant field shows (then it is erased: the inputs stay those checked).
            robot.clickOn("#tenantField").write("x");
            assertThat(robot.lookup("#tenantField").queryTextInputControl().getText()).isEqualTo("x");
            robot.eraseText(1);
            assertThat(robot.lookup("#tenantField").queryTextInputControl().getText()).isEmpty();
            assertThat(robot.lookup("#cancelButton").queryButton().isVisible()).as("Cancel offered while waiting").isTrue();
            assertThat(screen.viewModel().runningProperty().get()).as("still waiting for DNS").isTrue();

            held.releaseAnswers();
            waitUntilDone();
            assertThat(filledWhileRunning).as("rows fill before the run ends").isTrue();
            assertThat(robot.lookup("#status-mx").queryAs(Label.class).getText()).isEqualTo("PASS");
        }
    }

    @Test
    void screenshotForTheReadme(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(860);
        });
        robot.clickOn("#domainField").write("tailspin.example");
        robot.clickOn("#tenantField").write("tailspintoys.onmicrosoft.com");
        robot.clickOn("#checkButton");
        waitUntilDone();
        robot.clickOn("#details-spf");
        robot.clickOn("#copy-spf");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(snapshot(robot, "dns-checker-en.png")).isNotEmptyFile();
    }

    @Test
    void chineseScreenRunsAndShowsChineseStatuses(FxRobot robot) throws Exception {
        Texts zh = new Texts(Language.SIMPLIFIED_CHINESE);
        robot.interact(() -> {
            screen = DnsCheckerWindow.build(dns.checker(), zh, FxTasks.onFxThread(dns.executor()));
            DnsCheckerWindow.show(stage, screen, zh);
            stage.setWidth(1280);
            stage.setHeight(860);
        });
        robot.clickOn("#domainField").write("northwind.example");
        robot.clickOn("#checkButton");
        waitUntilDone();

        assertThat(robot.lookup("#checkButton").queryButton().getText()).isEqualTo("重新检查");
        assertThat(robot.lookup("#status-mx").queryAs(Label.class).getText()).isEqualTo("警告");
        assertThat(robot.lookup("#status-dkim-selector1").queryAs(Label.class).getText()).isEqualTo("通过");
        assertThat(stage.getTitle()).isEqualTo("DNS 检查 - M365 Mail Wizard");
        snapshot(robot, "dns-checker-zh-CN.png");
    }

    private Path snapshot(FxRobot robot, String fileName) throws IOException {
        return Screenshots.save(robot, stage.getScene(), fileName);
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
