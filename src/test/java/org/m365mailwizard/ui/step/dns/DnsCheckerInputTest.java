// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.step.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.check.ZoneFixture;
import org.m365mailwizard.core.i18n.Language;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.ui.common.FxTasks;

/**
 * What the standalone DNS checker does with what is typed (issue 14, R4): a result never passes for
 * other inputs than it was checked for, and a web or mail address offers the domain it names.
 */
class DnsCheckerInputTest {

    private static final Texts EN = new Texts(Language.ENGLISH);
    @RegisterExtension
    static final ZoneFixture DNS = ZoneFixture.perTestClass();

    private final DnsStepViewModel vm = DnsStepViewModel.standalone(DNS.checker(), EN, FxTasks.sameThread(),
            Runnable::run);

    /** The check runs on the checker's own threads; its end is a condition, polled. */
    private static void await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    private void checkAndWait(String domain) throws InterruptedException {
        vm.model().domainProperty().set(domain);
        vm.check();
        await(() -> !vm.runningProperty().get() && vm.rows().stream().allMatch(r -> r.status() != null));
    }

    @Test
    void aResultSaysItIsOutOfDateOnceTheDomainOrCloudChangesAndHoldsAgainWhenChangedBack() throws Exception {
        checkAndWait("contoso.com");
        assertThat(vm.staleLineProperty().get()).isEmpty();

        vm.model().domainProperty().set("fabrikam.com");
        assertThat(vm.staleLineProperty().get()).isEqualTo(EN.get("result.stale.domain", "contoso.com"));

        vm.model().domainProperty().set("contoso.com");
        assertThat(vm.staleLineProperty().get()).isEmpty();

        vm.model().cloudProperty().set(Cloud.CHINA);
        assertThat(vm.staleLineProperty().get())
                .isEqualTo("Checked for the cloud “Worldwide (Microsoft 365)”; the cloud has changed since.");
    }

    @Test
    void anInvalidInputCheckedAfterAResultLeavesNoResultUnderTheRefusal() throws Exception {
        checkAndWait("contoso.com");

        vm.model().domainProperty().set("https://www.contoso.com/");
        vm.check();

        assertThat(vm.problemProperty().get()).isNotEmpty();
        assertThat(vm.rows()).allMatch(r -> r.status() == null);
        assertThat(vm.statusLineProperty().get()).isEmpty();
        assertThat(vm.model().dnsFindings()).isEmpty();
        assertThat(vm.staleLineProperty().get()).as("nothing shown, so nothing out of date").isEmpty();
    }

    @Test
    void aWebOrMailAddressOffersItsDomainAndOneClickChecksIt() throws Exception {
        vm.model().domainProperty().set("https://www.contoso.com/");
        assertThat(vm.suggestionProperty().get()).isEqualTo("contoso.com");
        vm.model().domainProperty().set("me@contoso.com");
        assertThat(vm.suggestionProperty().get()).isEqualTo("contoso.com");

        vm.useSuggestion();

        assertThat(vm.model().domainProperty().get()).isEqualTo("contoso.com");
        assertThat(vm.suggestionProperty().get()).isEmpty();
        await(() -> !vm.runningProperty().get() && vm.rows().stream().allMatch(r -> r.status() != null));
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.model().dnsFindings()).hasSize(6);
    }

    @Test
    void aPublicMailAddressOffersNothing() {
        vm.model().domainProperty().set("me@gmail.com");
        assertThat(vm.suggestionProperty().get()).isEmpty();
        vm.useSuggestion();
        assertThat(vm.model().domainProperty().get()).isEqualTo("me@gmail.com");
    }
}
