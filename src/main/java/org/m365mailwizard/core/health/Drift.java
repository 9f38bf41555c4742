// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;

/**
 * Compares a run with the previous one. A regression is a check that passed (pass or warn) last time
 * and fails now; "could not be checked" is not one, since a network outage is no change to the setup.
 * A regression is named in the run that first sees it only: the next run finds the check failing
 * already. Checks that did not run this time (e.g. the mailbox when no token was issued) keep their
 * earlier state, so a later regression still knows when they last passed.
 */
final class Drift {

    /** The regressions of this run and the check states to keep. */
    record Outcome(List<Regression> regressions, Map<String, HealthState.CheckState> checks) {
    }

    private Drift() {
    }

    static Outcome compare(HealthState previous, List<Finding> findings, Instant now) {
        Map<String, HealthState.CheckState> checks = new LinkedHashMap<>(previous.checks());
        List<Regression> regressions = new ArrayList<>();
        for (Finding f : findings) {
            HealthState.CheckState before = previous.checks().get(f.id());
            boolean passing = HealthState.passing(f.status());
            Instant lastPassed = passing ? now : before == null ? null : before.lastPassed();
            if (before != null && HealthState.passing(before.status()) && f.status() == Status.FAIL) {
                regressions.add(new Regression(f.id(), before.lastPassed()));
            }
            checks.put(f.id(), new HealthState.CheckState(f.status(), lastPassed));
        }
        return new Outcome(regressions, checks);
    }
}
