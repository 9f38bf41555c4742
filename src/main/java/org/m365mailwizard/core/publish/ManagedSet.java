// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.List;
import java.util.Locale;

/**
 * Which records at the host a check owns: all of its name and type for MX and CNAME, but only the
 * TXT records of its own kind ({@code v=spf1}, {@code v=DMARC1}), so that a site verification
 * string beside the SPF record is never touched.
 *
 * @param tag the TXT prefix that marks the kind, lower case; empty for other types
 */
record ManagedSet(String name, String type, String tag) {

    static ManagedSet of(String checkId, String domain) {
        String apex = domain + ".";
        return switch (checkId) {
            case "mx" -> new ManagedSet(apex, "MX", "");
            case "spf" -> new ManagedSet(apex, "TXT", "v=spf1");
            case "dmarc" -> new ManagedSet("_dmarc." + apex, "TXT", "v=dmarc1");
            case "autodiscover" -> new ManagedSet("autodiscover." + apex, "CNAME", "");
            default -> checkId.startsWith("dkim-selector")
                    ? new ManagedSet(checkId.substring("dkim-".length()) + "._domainkey." + apex, "CNAME", "")
                    : new ManagedSet(apex, "NONE", "");
        };
    }

    /** The set a fix writes: its own name and type, the kind read from the value it writes. */
    ManagedSet at(String host, String newType, String value) {
        String kind = newType.equals("TXT") ? tagOf(value) : "";
        return new ManagedSet(HostRecord.absolute(host), newType, kind);
    }

    List<HostRecord> members(List<HostRecord> records) {
        return records.stream().filter(r -> r.sameSet(name, type))
                .filter(r -> tag.isEmpty() || tagOf(r.value()).equals(tag)).toList();
    }

    private static String tagOf(String txt) {
        String lower = txt.trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < lower.length() && lower.charAt(end) != ' ' && lower.charAt(end) != ';') {
            end++;
        }
        return lower.startsWith("v=") ? lower.substring(0, end) : "";
    }
}
