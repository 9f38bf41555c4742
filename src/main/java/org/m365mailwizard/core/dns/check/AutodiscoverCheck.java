// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.m365mailwizard.core.dns.ZoneText;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** {@code autodiscover}: {@code autodiscover.<domain>} must be a CNAME to the cloud's autodiscover host. */
final class AutodiscoverCheck {

    static final String ID = "autodiscover";

    private AutodiscoverCheck() {
    }

    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request) {
        String name = "autodiscover." + request.domain().absolute();
        return dns.query(name, Type.CNAME).thenCompose(answer -> answer.outcome() == DnsOutcome.NODATA
                // The name exists without a CNAME: show what is there instead (usually an A record).
                ? dns.query(name, Type.A).thenApply(other -> judge(request, answer, other.records()))
                : CompletableFuture.completedFuture(judge(request, answer, List.of())))
                .thenApply(f -> Lookups.listedByMicrosoft(f, request.microsoft().autodiscoverTarget()));
    }

    static Finding judge(DnsCheckRequest request, DnsAnswer answer, List<Record> otherRecords) {
        String target = request.autodiscoverTarget();
        String host = "autodiscover." + request.domain().ascii();
        String expected = "CNAME " + target;
        Fix fix = new Fix(Lookups.absolute(host), "CNAME", target + ".", Fix.DEFAULT_TTL);
        if (!answer.outcome().isDefinite()) {
            return Lookups.error(ID, expected, answer, List.of());
        }
        List<String> found = answer.outcome() == DnsOutcome.NODATA ? ZoneText.of(otherRecords) : ZoneText.of(answer.records());
        if (answer.outcome() == DnsOutcome.NXDOMAIN) {
            return new Finding(ID, Status.FAIL, expected, found, Message.of("dns.autodiscover.missing", host, target),
                    List.of(), fix);
        }
        if (answer.outcome() == DnsOutcome.NODATA) {
            return new Finding(ID, Status.FAIL, expected, found, Message.of("dns.autodiscover.notCname", host, target),
                    List.of(), fix);
        }
        String actual = Lookups.bare(((CNAMERecord) answer.records().get(0)).getTarget().toString());
        if (MicrosoftHosts.sameName(actual, target)) {
            return Finding.of(ID, Status.PASS, expected, found, Message.of("dns.autodiscover.ok", host, target));
        }
        return new Finding(ID, Status.FAIL, expected, found, Message.of("dns.autodiscover.wrongTarget", host, actual, target),
                List.of(), fix);
    }
}
