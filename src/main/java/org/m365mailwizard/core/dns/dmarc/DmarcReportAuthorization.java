// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 7489 §7.1: a report destination in another organisational domain must publish
 * {@code <policy-domain>._report._dmarc.<destination-host>} TXT starting with {@code v=DMARC1},
 * or receivers send it no reports.
 */
public final class DmarcReportAuthorization {

    private static final Pattern AUTHORIZING = Pattern.compile("v[ \\t]*=[ \\t]*DMARC1(?:[ \\t]*;.*|[ \\t]*)",
            Pattern.DOTALL);

    private DmarcReportAuthorization() {
    }

    /**
     * True when reports for {@code policyDomain} sent to {@code destinationHost} need the
     * authorisation record: the two have different organisational domains (or one of them has
     * none, e.g. a bare public suffix, which is never the same organisation).
     */
    public static boolean needsAuthorization(String policyDomain, String destinationHost) {
        return !OrganizationalDomain.same(policyDomain, destinationHost);
    }

    /** The absolute name to query: {@code <policyDomain>._report._dmarc.<destinationHost>.}. */
    public static String recordName(String policyDomain, String destinationHost) {
        return OrganizationalDomain.normalised(policyDomain) + "._report._dmarc."
                + OrganizationalDomain.normalised(destinationHost) + ".";
    }

    /**
     * True when the TXT records found at {@link #recordName} authorise the destination: exactly one
     * of them is a {@code v=DMARC1} record (§7.1: none or several means not authorised).
     */
    public static boolean authorizes(List<String> txtRecords) {
        return txtRecords.stream().filter(t -> AUTHORIZING.matcher(t).matches()).count() == 1;
    }


}
