// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.appsetup;

import java.util.List;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;

/**
 * Everything that will change, listed before anything is written.
 *
 * @param findings for a repair, what is wrong with the app (each fixed by a change); empty for a create
 * @param changes the changes in the order they are applied; empty when nothing needs doing
 * @param notes what the admin must know first (a role that is missing, what is left to someone else)
 * @param existing the app as found (repair), or null (create)
 * @param consentNeedsOtherAdmin true when the signed-in admin cannot grant Mail.Send (application)
 */
public record AppPlan(SetupRequest.Mode mode, List<Finding> findings, List<PlannedChange> changes,
                      List<Message> notes, ExistingApp existing, boolean consentNeedsOtherAdmin) {

    public AppPlan {
        findings = List.copyOf(findings);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
