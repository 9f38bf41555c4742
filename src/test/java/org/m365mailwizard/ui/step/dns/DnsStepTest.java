// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.BackgroundWork;
import org.m365mailwizard.testsupport.CountingExecutor;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.common.ViewLoader;
import org.m365mailwizard.ui.shell.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The DNS step as the wizard hosts it (through {@link org.m365mailwizard.ui.common.WizardStep}), in
 * a real window: domain and cloud from the shared model, a check when the step is entered, the
 * findings stored in the model, Next held while checking, work cancelled when leaving.
 */
@ExtendWith(ApplicationExtension.class)
class DnsStepTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    private final WizardModel model = new WizardModel();
    /** The FX thread as the step's progress sees it: counts the findings a run hands over. */
    private final CountingExecutor handed = new CountingExecutor(Platform::runLater);
    private DnsStepController step;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model.domainProperty().set("fabrikam.com");
        model.cloudProperty().set(Cloud.GLOBAL);
        model.tenantDomainProperty().set("fabrikam.onmicrosoft.com");
        ViewLoader loader = new ViewLoader(EN, type -> new DnsStepController(DnsStepViewModel.forWizard(model,
                dns.checker(), EN, FxTasks.onFxThread(dns.executor()), handed), EN));
        step = loader.load(DnsStepController.class, "DnsStep.fxml").controller();
        stage.setScene(new Scene(step.view(), 1200, 800));
        stage.show();
    }

    @Test
    void enteringTheStepChecksTheWizardsDomainAndStoresTheFindings(FxRobot robot) throws Exception {
        assertThat(step.titleKey()).isEqualTo("step.title.dns");
        assertThat(robot.lookup("#inputPane").query().isVisible()).as("the wizard's domain is not edited here").isFalse();

        robot.interact(step::entered);
        assertThat(robot.lookup("#subjectLabel").queryAs(Label.class).getText())
                .isEqualTo("Domain fabrikam.com, Worldwide (also GCC)");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> step.canAdvance().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.dnsFindings()).hasSize(6).allMatch(f -> f.status() == Status.PASS);
        assertThat(robot.lookup("#status-dkim-selector1").queryAs(Label.class).getText()).isEqualTo("PASS");
        assertThat(robot.lookup("#checkButton").queryButton().getText()).isEqualTo("Check again");

        int asked = dns.server().queryCount();
        robot.interact(step::entered);
        assertThat(dns.server().queryCount()).as("nothing changed: no new check").isEqualTo(asked);
    }

    @Test
    void leavingTheStepKeepsTheCheckRunningAndClosingCancelsIt(FxRobot robot) {
        // Going to another step must not throw away a check in flight (its result is announced there);
        // closing or rebuilding the window must stop it.
        // Answers held back, so the run is surely still in flight when the step is left.
        dns.server().holdAnswers();
        try {
            robot.interact(() -> {
                step.entered();
                step.left();
            });
            assertThat(step.viewModel().runningProperty().get()).isTrue();

            robot.interact(step::disposed);
            assertThat(step.canAdvance().get()).isTrue();
            assertThat(step.viewModel().runningProperty().get()).isFalse();
        } finally {
            dns.server().releaseAnswers();
        }
        // The cancelled run now gets its answers: once all six checks have handed their findings to
        // the FX thread and the pool is idle, everything it could deliver is queued; it must be dropped.
        BackgroundWork.await("all six findings handed over", () -> handed.count() >= DnsChecker.CHECK_IDS.size());
        dns.executor().awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.dnsFindings()).isEmpty();
        assertThat(step.viewModel().rows()).allMatch(r -> r.status() == null);
    }
}
