// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.headers;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.headers.HeaderSetup;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.ScriptedFileDialogs;
import org.m365mailwizard.ui.common.FxTasks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Check a received mail" in a real window (Xvfb): paste and explain, open a file, a .msg refused,
 * and a report written only when the admin saves it.
 */
@ExtendWith(ApplicationExtension.class)
class HeaderCheckUiTest {

    private static final Texts EN = new Texts(Language.ENGLISH);

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private HeaderCheckController screen;
    private final List<String> dnsOpened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        screen = HeaderCheckWindow.build(() -> new HeaderSetup("contoso.com", "web@contoso.com", null), EN,
                FxTasks.onFxThread(background), dialogs, (domain, owner) -> dnsOpened.add(domain));
        HeaderCheckWindow.show(stage, screen, EN);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void waitUntilDone() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !screen.viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String corpus(String name) throws Exception {
        return Files.readString(Path.of(HeaderCheckUiTest.class.getResource("/headers/corpus/" + name).toURI()));
    }

    @Test
    void pastedHeadersAreExplainedOneRowPerMethod(FxRobot robot) throws Exception {
        String headers = corpus("msdocs-compauth-fail-001-no-records.txt").replace("fabrikam.com", "contoso.com");
        robot.interact(() -> screen.viewModel().inputProperty().set(headers));
        robot.clickOn("#checkButton");
        waitUntilDone();

        List<HeaderCheckViewModel.Row> rows = screen.viewModel().rows();
        assertThat(rows).extracting(HeaderCheckViewModel.Row::check)
                .containsExactly("Receiver", "SPF", "DKIM", "DMARC", "Microsoft compauth", "Sender", "Signing domain");
        HeaderCheckViewModel.Row spf = rows.get(1);
        assertThat(spf.status()).isEqualTo(Status.WARN);
        assertThat(spf.identity()).contains("spf=none", "smtp.mailfrom=contoso.com");
        assertThat(spf.meaning()).contains("has no SPF record");
        assertThat(spf.fix()).contains("include:spf.protection.outlook.com");
        assertThat(rows.get(2).fix()).contains("selector1._domainkey.contoso.com");
        assertThat(rows.get(4).fix()).contains("failed implicit authentication");
        assertThat(robot.lookup(".headers-status-cell").queryAll()).hasSize(7);
        assertThat(robot.lookup("#status-headers-spf").queryAs(Label.class).getText()).isEqualTo(EN.get(org.m365mailwizard.ui.common.StatusBadge.wordKey(Status.WARN)));
        assertThat(robot.lookup("#status-headers-compauth").queryAs(Label.class).getText()).isEqualTo(EN.get(org.m365mailwizard.ui.common.StatusBadge.wordKey(Status.FAIL)));
        assertThat(robot.lookup("#verdictLabel").queryAs(Label.class).getText())
                .contains("Microsoft 365", "compauth=fail 001", "did not authenticate");

        robot.clickOn("#dnsButton");
        assertThat(dnsOpened).containsExactly("contoso.com");
    }

    @Test
    void anOpenedFileIsReadAndAMsgIsRefusedWithTheWayOut(FxRobot robot) throws Exception {
        Path eml = dir.resolve("gmail.eml");
        Files.writeString(eml, corpus("blaze-004-gmail-discourse.eml"));
        dialogs.willOpen(eml);
        robot.clickOn("#openButton");
        waitUntilDone();
        assertThat(robot.lookup("#verdictLabel").queryAs(Label.class).getText())
                .contains("mx.google.com", "authenticated the mail");
        assertThat(screen.viewModel().rows().get(0).meaning()).contains("mx.google.com");
        // The mail passed, but it is not signed by the setup's domain: the DNS fix is for contoso.com.
        assertThat(robot.lookup("#dnsButton").queryButton().getText()).contains("contoso.com");

        Path msg = dir.resolve("mail.msg");
        Files.write(msg, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        robot.interact(() -> screen.dropped(List.of(msg.toFile())));
        waitUntilDone();
        Label problem = robot.lookup("#problemLabel").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains(".msg", "Internet headers");
        assertThat(screen.viewModel().rows()).isEmpty();
    }

    @Test
    void nothingIsWrittenUntilTheReportIsSaved(FxRobot robot) throws Exception {
        robot.interact(() -> screen.viewModel().inputProperty().set("no headers here"));
        robot.clickOn("#checkButton");
        waitUntilDone();
        assertThat(robot.lookup("#problemLabel").queryAs(Label.class).getText()).contains("No header fields");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();

        robot.interact(() -> {
            try {
                screen.viewModel().inputProperty().set(corpus("blaze-005-kernelorg-forwarded-gmail-arc.eml"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.clickOn("#checkButton");
        waitUntilDone();
        assertThat(dir.toFile().list()).isEmpty();

        Path report = dir.resolve("report.txt");
        dialogs.willSaveTo(report);
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(report));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(report).contains("ARC"));
        assertThat(Files.readString(report)).contains("Check a received mail", "DMARC failed for gmail.com", "forwarded");
    }
}
