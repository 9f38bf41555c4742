// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A check that passed in the previous run and fails now.
 *
 * @param id the check's id
 * @param lastPassed the start of the last run in which it passed, or {@code null} when the state did not know
 */
public record Regression(String id, Instant lastPassed) {

    public Regression {
        Objects.requireNonNull(id, "id");
    }
}
