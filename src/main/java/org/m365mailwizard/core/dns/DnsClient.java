// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.util.concurrent.CompletionStage;

/**
 * Asks one DNS question. Implementations never cache across checks (a re-check after a fix must
 * see the new records) and never complete exceptionally for DNS outcomes: NXDOMAIN, SERVFAIL,
 * timeouts and the rest arrive as a {@link DnsAnswer} with the matching {@link DnsOutcome}.
 */
public interface DnsClient {

    /**
     * @param absoluteName a fully qualified name with the trailing dot, in ASCII form
     * @param type a {@link org.xbill.DNS.Type} constant
     */
    CompletionStage<DnsAnswer> query(String absoluteName, int type);

    /**
     * How many sends so far look lost: a question answered only through a later send while an
     * earlier one stayed silent, or not answered at all. A sign that the server or the path is
     * overloaded (a public resolver drops what exceeds its rate limit), for callers that pace
     * themselves by it (a batch). A merely slow answer is not a loss. Zero for clients that do not
     * send anything themselves.
     */
    default long lostSends() {
        return 0;
    }
}
