// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.input.DomainName;
import org.m365mailwizard.core.publish.HostRecord;
import org.m365mailwizard.core.publish.SuggestedRecords;

/**
 * The records the DNS exports write, from the setup: its domain and cloud, and its tenant domain
 * when that is the initial one (for the DKIM targets).
 *
 * @param domain the mail domain, ASCII, without trailing dot
 * @param records in check order: MX, SPF, DKIM 1 and 2, DMARC, autodiscover
 */
record DnsRecordsSource(String domain, List<HostRecord> records) {

    /** A DNS file never holds the secret; asking for one that is missing is refused like every export does. */
    static DnsRecordsSource of(MailConfig config, ExportOptions options, ExportTarget target) throws ProblemException {
        if (options.includeSecret() && config.secret().isEmpty()) {
            throw ProblemException.invalidInput("export.error.noSecret");
        }
        if (config.domain() == null || !(DomainName.parse(config.domain()) instanceof DomainName.Valid valid)) {
            throw ProblemException.invalidInput("export.error.missingField", "domain", target.id());
        }
        DomainName domain = valid.name();
        Optional<DomainName> initial = Optional.ofNullable(config.tenantDomain())
                .map(DomainName::parse).filter(DomainName.Valid.class::isInstance).map(v -> ((DomainName.Valid) v).name())
                .filter(d -> DnsCheckRequest.tenantOf(d, config.cloud()).isEmpty());
        return new DnsRecordsSource(domain.ascii(),
                SuggestedRecords.of(new DnsCheckRequest(domain, config.cloud(), initial)));
    }

    /** The owner relative to the domain: {@code @} for the apex, else e.g. {@code _dmarc}. */
    String relative(HostRecord record) {
        String name = record.name();
        String apex = domain + ".";
        return name.equals(apex) ? "@" : name.substring(0, name.length() - apex.length() - 1);
    }

    /** A resource-safe name for the record's check: {@code mx}, {@code spf}, {@code dkim_selector1}. */
    static String label(HostRecord record) {
        return record.ref().replace('-', '_');
    }
}
