// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.dmarc;

import java.util.List;

/**
 * RFC 7489 §7.1: a report destination in another organisational domain must publish
 * {@code <policy-domain>._report._dmarc.<destination-host>} TXT starting with {@code v=DMARC1},
 * or receivers send it no reports.
 */
public final class DmarcReportAuthorization {

    private DmarcReportAuthorization() {
    }

    /**
     * True when reports for {@code policyDomain} sent to {@code destinationHost} need the
     * authorisation record: the two have different organisational domains.
     */
    public static boolean needsAuthorization(String policyDomain, String destinationHost) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The absolute name to query: {@code <policyDomain>._report._dmarc.<destinationHost>.}. */
    public static String recordName(String policyDomain, String destinationHost) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * True when the TXT records found at {@link #recordName} authorise the destination: exactly one
     * of them starts with {@code v=DMARC1} (§7.1: none or several means not authorised).
     */
    public static boolean authorizes(List<String> txtRecords) {
        throw new UnsupportedOperationException("not yet");
    }
}
