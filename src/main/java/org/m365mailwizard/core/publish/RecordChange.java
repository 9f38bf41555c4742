// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a plan: the records of one name and type that the wizard manages, as they are and
 * as they will be. Records of the same name and type that the wizard does not manage (a site's
 * verification TXT beside the SPF record) are in {@code untouched} and are written back unchanged
 * by providers that store whole record sets.
 *
 * @param action add, change, keep or delete
 * @param checkId the DNS check this entry makes pass ({@code spf}, {@code mx}, …)
 * @param name absolute owner name
 * @param type record type
 * @param before the managed records now at the host (empty for add)
 * @param after the values to be there afterwards, in {@link HostRecord#value()} form (empty for delete)
 * @param untouched other records of the same name and type, never changed
 * @param ttl the TTL written
 * @param movesMail an MX change that takes mail delivery away from another provider: it needs its
 *                  own confirmation
 */
public record RecordChange(Action action, String checkId, String name, String type, List<HostRecord> before,
                           List<String> after, List<HostRecord> untouched, long ttl, boolean movesMail) {

    public enum Action {
        ADD, CHANGE, KEEP, DELETE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RecordChange {
        Objects.requireNonNull(action, "action");
        name = HostRecord.absolute(name);
        before = List.copyOf(before);
        after = List.copyOf(after);
        untouched = List.copyOf(untouched);
    }

    public boolean writes() {
        return action != Action.KEEP;
    }

    public List<String> beforeValues() {
        return before.stream().map(HostRecord::value).toList();
    }

    /** The change that puts back what this one replaced, given what the host holds now. */
    public RecordChange inverse(List<HostRecord> nowAtHost) {
        List<HostRecord> ours = nowAtHost.stream().filter(r -> r.sameSet(name, type) && after.contains(r.value())).toList();
        List<HostRecord> others = nowAtHost.stream().filter(r -> r.sameSet(name, type) && !after.contains(r.value())).toList();
        List<String> restore = beforeValues();
        Action undo = restore.isEmpty() ? Action.DELETE : ours.isEmpty() ? Action.ADD : Action.CHANGE;
        long oldTtl = before.isEmpty() ? ttl : before.get(0).ttl();
        return new RecordChange(undo, checkId, name, type, ours, restore, others, oldTtl, false);
    }
}
