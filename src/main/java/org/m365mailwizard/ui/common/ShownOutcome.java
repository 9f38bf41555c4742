// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

import java.util.List;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;

/**
 * The last outcome a step showed for an attempt, as facts (message keys and arguments), not words:
 * kept in the wizard model so that a page rebuilt in another language shows the same outcome again,
 * worded anew. Whether it still holds is the step's {@code StepState}, judged when it is shown.
 *
 * @param status the outcome's state; null for one that is neither (a cancelled attempt)
 * @param message what happened
 * @param fix what to do, or null
 * @param proof what was proven (a token's claims, the test id), or null
 * @param details further lines, in order
 */
public record ShownOutcome(Status status, Message message, Message fix, Message proof, List<Message> details) {

    public ShownOutcome {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
