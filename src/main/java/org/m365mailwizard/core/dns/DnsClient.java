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
}
