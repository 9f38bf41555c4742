// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;

/**
 * The Microsoft 365 records a domain needs, for files other tools read (zone file, dnscontrol,
 * octoDNS, Terraform): what the DNS step's checks ask for when the zone holds nothing yet, worked
 * out without any network (every question is answered "no such name"). A DKIM target that needs
 * the tenant keeps its {@code <tenant>} placeholder only when the initial domain is unknown.
 */
public final class SuggestedRecords {

    private SuggestedRecords() {
    }

    public static List<HostRecord> of(DnsCheckRequest request) {
        DnsZone zone = new DnsZone("-", request.domain().ascii());
        DnsClient nothing = (name, type) -> CompletableFuture.completedFuture(DnsAnswer.of(name, type, DnsOutcome.NXDOMAIN));
        DnsReport report;
        try {
            report = DnsChecker.check(new ZoneView(zone, List.of(), nothing), request, f -> { })
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the checks answer an empty zone without waiting", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<HostRecord> records = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (finding.fix() != null) {
                String value = finding.fix().type().equals("TXT") ? TxtValues.joined(finding.fix().value())
                        : finding.fix().value();
                records.add(new HostRecord(finding.fix().host(), finding.fix().type(), value, finding.fix().ttl(),
                        finding.id()));
            }
        }
        return records;
    }
}
