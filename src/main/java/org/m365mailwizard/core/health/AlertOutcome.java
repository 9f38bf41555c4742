// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.util.List;
import java.util.Objects;
import org.m365mailwizard.core.check.Message;

/**
 * What became of the alert mail of one run.
 *
 * @param sent Microsoft 365 accepted the alert mail
 * @param checks the ids of the checks the alert is (or would have been) about
 * @param message what happened, in words
 */
public record AlertOutcome(boolean sent, List<String> checks, Message message) {

    public AlertOutcome {
        Objects.requireNonNull(message, "message");
        checks = List.copyOf(checks);
    }
}
