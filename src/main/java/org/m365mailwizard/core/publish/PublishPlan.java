// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.List;
import org.m365mailwizard.core.check.Message;

/**
 * What publishing would do at one zone: an entry per managed record set, and notes on what was
 * left out (a DKIM record that needs the tenant, a record outside the zone).
 *
 * @param domain the mail domain (ASCII)
 * @param provider the provider id ({@code cloudflare}, {@code azure})
 * @param zone the zone written to
 * @param verifiable the checks that pass once the plan is written, judged beforehand: what verifying
 *                   waits for (a DKIM CNAME published before DKIM is enabled in Microsoft 365 points
 *                   at no key yet, and waiting for it would only time out)
 * @param leftAlone how many records of the zone the plan does not manage: never touched
 */
public record PublishPlan(String domain, String provider, DnsZone zone, List<RecordChange> changes,
                          List<Message> notes, List<String> verifiable, int leftAlone) {

    public PublishPlan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        verifiable = List.copyOf(verifiable);
    }

    public List<RecordChange> writes() {
        return changes.stream().filter(RecordChange::writes).toList();
    }

    public boolean nothingToDo() {
        return writes().isEmpty();
    }

    public boolean movesMail() {
        return changes.stream().anyMatch(RecordChange::movesMail);
    }
}
