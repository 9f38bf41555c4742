// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.TxtStrings;
import org.m365mailwizard.core.dns.dmarc.DmarcRecord;
import org.m365mailwizard.core.dns.dmarc.DmarcReportAuthorization;
import org.m365mailwizard.core.dns.dmarc.DmarcReportUri;
import org.xbill.DNS.Type;

/**
 * RFC 7489 §7.1 for a DMARC finding: every report destination in another organisational domain
 * must publish {@code <domain>._report._dmarc.<destination>}, or receivers send it nothing. All
 * destinations are asked at once. A missing authorisation is a warning (the policy works, the
 * reports do not arrive); a lookup that fails is said as such, never as "missing".
 */
final class DmarcReportCheck {

    private DmarcReportCheck() {
    }

    static CompletionStage<Finding> check(DnsClient dns, DmarcRecord record, String policyDomain, Finding finding) {
        Set<String> hosts = new LinkedHashSet<>();
        List<DmarcReportUri> uris = new ArrayList<>(record.aggregateReports());
        uris.addAll(record.failureReports());
        for (DmarcReportUri uri : uris) {
            uri.host().filter(h -> DmarcReportAuthorization.needsAuthorization(policyDomain, h)).ifPresent(hosts::add);
        }
        if (hosts.isEmpty()) {
            return CompletableFuture.completedFuture(finding);
        }
        List<CompletableFuture<Outcome>> asked = hosts.stream().map(host -> {
            String name = DmarcReportAuthorization.recordName(policyDomain, host);
            return dns.query(name, Type.TXT).thenApply(a -> new Outcome(host, name, a)).toCompletableFuture();
        }).toList();
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(done -> apply(finding, policyDomain, asked.stream().map(CompletableFuture::join).toList()));
    }

    private static Finding apply(Finding finding, String policyDomain, List<Outcome> outcomes) {
        Finding result = finding;
        for (Outcome o : outcomes) {
            if (!o.answer.outcome().isDefinite()) {
                result = result.withNote(Lookups.failure(o.answer));
                continue;
            }
            if (DmarcReportAuthorization.authorizes(TxtStrings.joined(o.answer.records()))) {
                continue;
            }
            Message why = Message.of("dns.dmarc.unauthorisedDestination", o.host, policyDomain, Lookups.bare(o.name));
            Fix fix = new Fix(Lookups.absolute(o.name), "TXT", "\"v=DMARC1\"", Fix.DEFAULT_TTL);
            if (result.status() == Status.PASS) {
                result = new Finding(result.id(), Status.WARN, result.expected(), result.found(), why, result.notes(), fix);
            } else {
                result = result.withNote(why);
            }
        }
        return result;
    }

    private record Outcome(String host, String name, DnsAnswer answer) {
    }
}
