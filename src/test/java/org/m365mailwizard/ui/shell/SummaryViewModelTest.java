// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.ui.common.StepStatus;

class SummaryViewModelTest {

    private final WizardModel model = new WizardModel();
    private final SummaryViewModel vm = new SummaryViewModel(model,
            Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    private static Finding finding(String id, Status status) {
        return Finding.of(id, status, "", List.of(), Message.of("x." + id));
    }

    private SummaryViewModel.Section section(String stepId) {
        return vm.sections().stream().filter(s -> s.stepId().equals(stepId)).findFirst().orElseThrow();
    }

    @Test
    void nothingCheckedYetIsSaidForEveryStepWithChecks() {
        assertThat(vm.sections()).extracting(SummaryViewModel.Section::stepId)
                .containsExactly("domain", "app", "consent", "dns", "mail", "export");
        assertThat(vm.sections()).allMatch(s -> s.state() == StepStatus.NOT_CHECKED && s.incomplete()
                && !s.hasProblem());
        assertThat(vm.ending(vm.sections())).isEqualTo(new SummaryViewModel.Ending("domain",
                Message.of("summary.notChecked")));
    }

    @Test
    void passesAreCountedAndEverythingElseListedWorstFirst() {
        model.dnsFindings().setAll(finding("mx", Status.PASS), finding("spf", Status.WARN),
                finding("dmarc", Status.FAIL), finding("dkim-selector1", Status.ERROR), finding("autodiscover", Status.PASS));

        SummaryViewModel.Section dns = section("dns");

        assertThat(dns.state()).isEqualTo(StepStatus.FAILED);
        assertThat(dns.passed()).isEqualTo(2);
        assertThat(dns.rows()).extracting(SummaryViewModel.Row::status)
                .containsExactly(Status.FAIL, Status.ERROR, Status.WARN);
        assertThat(dns.hasProblem()).isTrue();
    }

    @Test
    void theAppStepIsNotDoneUntilMicrosoftWasAsked() {
        model.appFindings().setAll(finding(AppCheckIds.TENANT, Status.PASS), finding(AppCheckIds.SECRET, Status.PASS));
        assertThat(section("app").incomplete()).isTrue();
        assertThat(section("app").rows()).extracting(SummaryViewModel.Row::text)
                .containsExactly(Message.of("summary.app.notWithMicrosoft"));

        model.appFindings().add(finding(AppCheckIds.TOKEN, Status.PASS));
        assertThat(section("app").incomplete()).isFalse();
        assertThat(section("app").rows()).isEmpty();
    }

    @Test
    void aWarningIsNoProblem() {
        model.dnsFindings().setAll(finding("mx", Status.PASS), finding("dmarc", Status.WARN));
        assertThat(section("dns").state()).isEqualTo(StepStatus.WARNING);
        assertThat(section("dns").hasProblem()).isFalse();
        assertThat(section("dns").incomplete()).isFalse();
    }

    @Test
    void readyOnlyWhenEveryStepRanAndPassedAndTheFileWasSaved() {
        model.domainFindings().setAll(finding("domain-domain", Status.PASS));
        model.appFindings().setAll(finding(AppCheckIds.TOKEN, Status.PASS));
        model.consentFindings().setAll(finding("consent-admin", Status.PASS));
        model.dnsFindings().setAll(finding("mx", Status.PASS));
        model.mailFindings().setAll(finding("send", Status.PASS));
        assertThat(vm.ending(vm.sections())).isEqualTo(new SummaryViewModel.Ending("export",
                Message.of("summary.export.none")));

        model.exportedFileProperty().set(Path.of("site.php"));
        assertThat(vm.ending(vm.sections())).isEqualTo(new SummaryViewModel.Ending(null,
                Message.of("summary.end.next", Path.of("site.php"))));
        assertThat(section("export").rows()).extracting(SummaryViewModel.Row::text)
                .containsExactly(Message.of("summary.export.saved", Path.of("site.php")));
    }
}
