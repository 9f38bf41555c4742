// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.List;
import java.util.Optional;

/**
 * The inputs a step's result was checked for, as they were when the check started. A result belongs
 * to these values: once one of them differs from what is typed now, the result is stale.
 *
 * @param inputs in the order the step names them (the first is the one a stale message quotes)
 */
public record CheckedFor(List<Input> inputs) {

    /**
     * One input.
     *
     * @param staleKey the key of what to say when it has changed, {0} being the value as checked
     *     ("Checked for {0}; the sender has changed since.")
     * @param value the value as checked; for a secret only a fingerprint, never the secret
     * @param secret true when {@code value} must not be shown
     */
    public record Input(String staleKey, String value, boolean secret) {
    }

    public CheckedFor {
        inputs = List.copyOf(inputs);
    }

    /** The first input whose value in {@code now} differs from the checked one, if any. */
    public Optional<Input> firstChangeIn(CheckedFor now) {
        for (Input checked : inputs) {
            boolean same = now.inputs().stream()
                    .anyMatch(i -> i.staleKey().equals(checked.staleKey()) && i.value().equals(checked.value()));
            if (!same) {
                return Optional.of(checked);
            }
        }
        return Optional.empty();
    }
}
