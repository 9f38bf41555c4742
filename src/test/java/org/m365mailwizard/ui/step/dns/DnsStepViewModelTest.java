// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.testsupport.BackgroundWork;
import org.m365mailwizard.testsupport.CountingExecutor;
import org.m365mailwizard.testsupport.LoopbackDnsServer;
import org.m365mailwizard.ui.common.FxTasks;
import org.m365mailwizard.ui.shell.WizardModel;

/** The DNS screen's view model without a toolkit: runs, progress, cancel, wizard state. */
class DnsStepViewModelTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    @RegisterExtension
    static final ZoneFixture dns = ZoneFixture.perTestClass();

    private static DnsStepViewModel standalone(DnsChecker checker) {
        return DnsStepViewModel.standalone(checker, EN, FxTasks.sameThread(), Runnable::run);
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aRunFillsEveryRowTheSnippetAndTheModel() throws Exception {
        DnsStepViewModel vm = standalone(dns.checker());
        vm.model().domainProperty().set("tailspin.example");

        vm.check();
        await(() -> !vm.runningProperty().get());

        assertThat(vm.rows()).extracting(DnsCheckRow::id).containsExactlyElementsOf(DnsChecker.CHECK_IDS);
        assertThat(vm.rows()).allMatch(r -> r.status() != null);
        DnsCheckRow mx = vm.rows().get(0);
        assertThat(mx.status()).isEqualTo(Status.FAIL);
        assertThat(mx.statusText()).isEqualTo("FAIL");
        assertThat(mx.name()).isEqualTo("Mail delivery (MX)");
        assertThat(mx.fix()).isEqualTo("tailspin.example. 3600 IN MX 0 tailspin-example.mail.protection.outlook.com.");
        assertThat(vm.zoneSnippetProperty().get()).startsWith("; Microsoft 365 (global) records for tailspin.example\n")
                .contains(mx.fix());
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.model().dnsFindings()).hasSize(6);
        assertThat(vm.statusLineProperty().get()).contains("failed");
    }

    @Test
    void invalidInputExplainsAndStartsNothing() {
        DnsStepViewModel vm = standalone(dns.checker());
        vm.model().domainProperty().set("https://contoso.com/");
        vm.check();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("without \"https://\"");

        vm.model().domainProperty().set("contoso.com");
        vm.model().tenantDomainProperty().set("contoso.com");
        vm.check();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("is not an initial domain");
    }

    @Test
    void cancelKeepsAnswersAndIgnoresLateOnes() throws Exception {
        try (LoopbackDnsServer held = LoopbackDnsServer.start(dns.zones()).holdAnswers()) {
            DnsChecker checker = new DnsChecker(dns.settings().withServers(java.util.List.of(
                    new java.net.InetSocketAddress("127.0.0.1", held.port()))), dns.executor());
            CountingExecutor handed = new CountingExecutor(Runnable::run);
            DnsStepViewModel vm = DnsStepViewModel.standalone(checker, EN, FxTasks.sameThread(), handed);
            vm.model().domainProperty().set("contoso.com");
            vm.check();
            vm.cancel();

            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.rows()).allMatch(r -> r.statusText().equals("Cancelled"));
            // The answers arrive now; once every check has handed its finding over and the pool is
            // idle, the run is over, and all of it must have been dropped.
            held.releaseAnswers();
            BackgroundWork.await("all six findings handed over", () -> handed.count() >= DnsChecker.CHECK_IDS.size());
            dns.executor().awaitIdle();
            assertThat(vm.rows()).allMatch(r -> r.statusText().equals("Cancelled"));
            assertThat(vm.model().dnsFindings()).isEmpty();
            assertThat(vm.statusLineProperty().get()).contains("cancelled");
        }
    }

    @Test
    void wizardStepReadsTheSharedModelAndChecksAgainOnlyAfterAChange() throws Exception {
        WizardModel model = new WizardModel();
        model.domainProperty().set("contoso.com");
        model.cloudProperty().set(Cloud.GLOBAL);
        DnsStepViewModel vm = DnsStepViewModel.forWizard(model, dns.checker(), EN, FxTasks.sameThread(), Runnable::run);
        assertThat(vm.subject()).isEqualTo("Domain contoso.com, Worldwide (also GCC)");

        vm.checkIfChanged();
        await(() -> !vm.runningProperty().get());
        assertThat(model.dnsFindings()).hasSize(6);
        assertThat(model.dnsFindings().get(0).status()).isEqualTo(Status.PASS);

        int before = dns.server().queryCount();
        vm.checkIfChanged();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(dns.server().queryCount()).isEqualTo(before);

        model.domainProperty().set("tailspin.example");
        model.tenantDomainProperty().set("tailspin.example"); // not an initial domain: ignored, not blocking
        vm.checkIfChanged();
        await(() -> !vm.runningProperty().get());
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(model.dnsFindings().get(0).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aStepBuiltAgainForAnotherLanguageShowsTheResultWithoutAskingAgain() throws Exception {
        WizardModel model = new WizardModel();
        model.domainProperty().set("contoso.com");
        DnsStepViewModel vm = DnsStepViewModel.forWizard(model, dns.checker(), EN, FxTasks.sameThread(), Runnable::run);
        vm.checkIfChanged();
        await(() -> !vm.runningProperty().get());
        int before = dns.server().queryCount();

        DnsStepViewModel rebuilt = DnsStepViewModel.forWizard(model, dns.checker(),
                new Texts(Language.SIMPLIFIED_CHINESE), FxTasks.sameThread(), Runnable::run);
        rebuilt.checkIfChanged();

        assertThat(rebuilt.runningProperty().get()).isFalse();
        assertThat(dns.server().queryCount()).isEqualTo(before);
        assertThat(rebuilt.rows()).extracting(DnsCheckRow::status).doesNotContainNull();
        assertThat(rebuilt.rows().get(0).statusText()).isEqualTo(new Texts(Language.SIMPLIFIED_CHINESE)
                .get("findings.status.pass"));
    }
}
