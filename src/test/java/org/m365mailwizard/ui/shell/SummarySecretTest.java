// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;

/** The secret's line of the summary and the start page, judged on an injected date. */
class SummarySecretTest {

    private final WizardModel model = new WizardModel();
    private final SummaryViewModel vm = new SummaryViewModel(model,
            Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC));

    @Test
    void aSecretExpiringWithinThirtyDaysWarnsWithTheDaysLeftAndWhatToDo() {
        model.clientSecretExpiresProperty().set(LocalDate.of(2026, 3, 13));

        SummaryViewModel.SecretRow row = vm.secret();

        assertThat(row.status()).isEqualTo(Status.WARN);
        assertThat(row.text()).isEqualTo(Message.of("app.expiry.soon", "2026-03-13", "12"));
        // What to do, then why 12 days is a warning: the threshold in words, not as "> 2026-03-31".
        assertThat(row.notes()).containsExactly(Message.of("app.expiry.renew.fix"),
                Message.of("app.expiry.threshold", "2026-03-31", "30"));
        assertThat(row.reminderPossible()).isTrue();
    }

    @Test
    void anExpiredSecretFailsAndAFarOneIsFine() {
        model.clientSecretExpiresProperty().set(LocalDate.of(2026, 2, 1));
        assertThat(vm.secret().status()).isEqualTo(Status.FAIL);
        model.clientSecretExpiresProperty().set(LocalDate.of(2026, 9, 1));
        assertThat(vm.secret().status()).isEqualTo(Status.PASS);
        assertThat(vm.secret().text()).isEqualTo(Message.of("app.expiry.ok", "2026-09-01", "184"));
    }

    @Test
    void withoutADateNoReminderCanBeMadeAndTheSummarySaysSo() {
        SummaryViewModel.SecretRow row = vm.secret();

        assertThat(row.status()).isEqualTo(Status.WARN);
        assertThat(row.text().key()).isEqualTo("app.expiry.unknown");
        assertThat(row.reminderPossible()).isFalse();
        assertThat(vm.dependencies()).contains(model.clientSecretExpiresProperty());
    }
}
