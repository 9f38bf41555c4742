// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.List;
import java.util.Objects;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.input.DomainName;

/**
 * The outcome of one full DNS check: a finding per check, always in the order of {@link DnsChecker#CHECK_IDS}.
 *
 * @param domain the domain checked
 * @param cloud the cloud whose expected values were applied
 * @param findings one per check id
 */
public record DnsReport(DomainName domain, Cloud cloud, List<Finding> findings) {

    public DnsReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(cloud, "cloud");
        findings = List.copyOf(findings);
    }

    /** True when the domain does not exist at all (NXDOMAIN): then only the MX finding says anything. */
    public boolean domainMissing() {
        return findings.stream().anyMatch(f -> f.id().equals(MxCheck.ID) && f.message().key().equals(MxCheck.NO_DOMAIN));
    }

    /** 3 if any check could not be determined, else 1 if any failed, else 0. */
    public int exitCode() {
        return ExitCode.of(findings);
    }

    /**
     * Every fix as one BIND zone-file snippet, ready to paste: a comment line naming the domain,
     * then one line per record. Empty when nothing needs to change.
     */
    public String zoneSnippet() {
        List<String> lines = findings.stream().filter(f -> f.fix() != null).map(f -> f.fix().zoneLine()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        return "; Microsoft 365 (" + cloud.id() + ") records for " + domain.ascii() + "\n"
                + String.join("\n", lines) + "\n";
    }
}
