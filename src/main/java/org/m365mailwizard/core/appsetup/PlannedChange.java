// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.util.Objects;
import org.m365mailwizard.core.check.Message;

/**
 * One change the plan lists before anything is written.
 *
 * @param description what it does, in the admin's words (a message key)
 * @param argument the value it needs (a redirect URI, an audience, a secret's key id), or empty
 */
public record PlannedChange(ChangeKind kind, Message description, String argument) {

    public PlannedChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        argument = argument == null ? "" : argument;
    }
}
