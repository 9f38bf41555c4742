// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.ProblemException;

/**
 * A DNS host with an API. A new host (Route 53, a registrar) is one class implementing this.
 * Every failure is a {@link ProblemException}: exit 1 when the host refused (bad token, missing
 * permission, a concurrent change), 2 when the zone is not there, 3 when the host cannot be reached.
 * Implementations never put the credential into a message, a log line or an exception.
 */
public interface DnsHostProvider {

    /** {@code cloudflare}, {@code azure}: the {@code --provider} value and the journal's. */
    String id();

    /**
     * The zone that holds {@code domain}: the one named {@code zoneName} if given, else the closest
     * enclosing zone the credential can see.
     */
    DnsZone findZone(String domain, Optional<String> zoneName) throws ProblemException;

    /** Every record of the zone. */
    List<HostRecord> records(DnsZone zone) throws ProblemException;

    /** Makes the host hold {@code change.after()} instead of {@code change.before()}, nothing else. */
    void write(DnsZone zone, RecordChange change) throws ProblemException;
}
