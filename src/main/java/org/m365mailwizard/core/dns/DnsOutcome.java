// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

/** How a DNS question ended. A failure to get an answer is never the same as "no record". */
public enum DnsOutcome {
    /** Records of the asked type (possibly behind a CNAME chain). */
    ANSWER,
    /** The name does not exist (NXDOMAIN). */
    NXDOMAIN,
    /** The name exists but has no record of the asked type (NOERROR, empty answer). */
    NODATA,
    /** The server could not answer (SERVFAIL). */
    SERVFAIL,
    /** The server refused to answer (REFUSED). */
    REFUSED,
    /** No server answered in time. */
    TIMEOUT,
    /**
     * The server said its answer was cut short (TC) even over TCP, for example an RRset over 64 KB:
     * what arrived is not the whole truth, so it is never read as "no record".
     */
    TRUNCATED,
    /** The name is a CNAME chain that comes back on itself (or is too long to follow): a zone error. */
    CNAME_LOOP,
    /** Any other failure: network unreachable, other rcodes, malformed answers. */
    ERROR;

    /** True for outcomes that say something about the records (answer, NXDOMAIN, NODATA). */
    public boolean isDefinite() {
        return this == ANSWER || this == NXDOMAIN || this == NODATA;
    }

    /** RFC 7208 void lookup: NXDOMAIN or NODATA. */
    public boolean isVoid() {
        return this == NXDOMAIN || this == NODATA;
    }
}
