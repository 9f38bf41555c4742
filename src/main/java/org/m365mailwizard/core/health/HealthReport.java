// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;

/**
 * One health run, for every output format.
 *
 * @param runAt when the run started
 * @param took how long it took
 * @param findings every check, in the shape of the other commands
 * @param secretDaysLeft days until the secret expires (negative once past), empty when unknown
 * @param warnDays the warning period for the secret, in days
 * @param regressions checks that passed last run and fail now (only with a state file)
 * @param alert what became of the alert mail, or {@code null} when none was due
 */
public record HealthReport(Instant runAt, Duration took, List<Finding> findings, OptionalLong secretDaysLeft,
                           int warnDays, List<Regression> regressions, AlertOutcome alert) {

    public HealthReport {
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(took, "took");
        findings = List.copyOf(findings);
        regressions = List.copyOf(regressions);
    }

    /** The project's exit code: 3 if any check could not be made, else 1 if any failed, else 0. */
    public int exitCode() {
        return ExitCode.of(findings);
    }
}
