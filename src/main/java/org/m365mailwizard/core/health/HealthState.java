// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.m365mailwizard.core.check.Status;

/**
 * What one run leaves for the next (the {@code --state} file): each check's last status and when it
 * last passed, and the problems already announced by mail. Holds ids, statuses and times only: no
 * secret, token or address.
 *
 * @param lastRun when the run that wrote it started, or {@code null} for no earlier run
 * @param checks by check id
 * @param alerted keys of the problems a mail was sent for and that still persist
 */
public record HealthState(Instant lastRun, Map<String, CheckState> checks, Set<String> alerted) {

    public static final String SCHEMA = "m365-mail-wizard-health/1";

    public HealthState {
        checks = Map.copyOf(new LinkedHashMap<>(checks));
        alerted = Set.copyOf(new TreeSet<>(alerted));
    }

    public static HealthState empty() {
        return new HealthState(null, Map.of(), Set.of());
    }

    /**
     * @param lastPassed the start of the last run in which the check passed (pass or warn), or {@code null}
     */
    public record CheckState(Status status, Instant lastPassed) {
    }

    /** A check that passed (warnings included): a warning is advice, not a broken setup. */
    static boolean passing(Status status) {
        return status == Status.PASS || status == Status.WARN;
    }

    /** The alerted keys in a stable order, for the file. */
    List<String> alertedSorted() {
        return List.copyOf(new TreeSet<>(alerted));
    }
}
