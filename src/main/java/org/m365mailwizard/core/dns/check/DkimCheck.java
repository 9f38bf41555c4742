// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.dkim.DkimKeyRecords;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.m365mailwizard.core.dns.ZoneText;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Type;

/**
 * {@code dkim-selector1}, {@code dkim-selector2}: the selector must be a CNAME to Microsoft's DKIM
 * host for the tenant, and the key behind it must exist and parse. One TXT question gets both: the
 * resolver follows the CNAME and returns the chain with the key.
 */
final class DkimCheck {

    private DkimCheck() {
    }

    static String id(int selector) {
        return "dkim-selector" + selector;
    }

    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request, int selector, DkimKeyRecords keys) {
        String name = "selector" + selector + "._domainkey." + request.domain().absolute();
        return dns.query(name, Type.TXT).thenApply(answer -> judge(request, selector, answer, keys));
    }

    static Finding judge(DnsCheckRequest request, int selector, DnsAnswer answer) {
        return judge(request, selector, answer, new DkimKeyRecords());
    }

    static Finding judge(DnsCheckRequest request, int selector, DnsAnswer answer, DkimKeyRecords keys) {
        String id = id(selector);
        String host = "selector" + selector + "._domainkey." + request.domain().ascii();
        String expected = MicrosoftHosts.dkimExpected(request.cloud(), selector, request.domain(), request.tenant());
        Fix fix = new Fix(Lookups.absolute(host), "CNAME",
                MicrosoftHosts.dkimSuggestion(request.cloud(), selector, request.domain(), request.tenant()), Fix.DEFAULT_TTL);
        List<Message> fixNotes = request.tenant().isPresent()
                ? List.of(Message.of("dns.dkim.note.exactValue", request.domain().ascii()))
                : List.of(Message.of("dns.dkim.note.exactValue", request.domain().ascii()),
                        Message.of("dns.dkim.note.tenantPlaceholder", request.cloud().initialDomainSuffix()));
        List<String> found = new ArrayList<>(ZoneText.of(answer.cnameChain()));
        found.addAll(ZoneText.of(answer.records()));

        if (answer.cnameChain().isEmpty()) {
            if (!answer.outcome().isDefinite()) {
                return Lookups.error(id, expected, answer, found);
            }
            Message why = answer.outcome() == DnsOutcome.ANSWER
                    ? Message.of("dns.dkim.txtInsteadOfCname", host)
                    : Message.of("dns.dkim.missing", host);
            return new Finding(id, Status.FAIL, expected, found, why, fixNotes, fix);
        }
        String target = Lookups.bare(((CNAMERecord) answer.cnameChain().get(0)).getTarget().toString());
        Optional<MicrosoftHosts.DkimTarget> shape = MicrosoftHosts.dkimTarget(target, request.cloud());
        if (shape.isEmpty()) {
            return new Finding(id, Status.FAIL, expected, found, Message.of("dns.dkim.notMicrosoft", host, target),
                    fixNotes, fix);
        }
        if (shape.get().selector() != selector) {
            return new Finding(id, Status.FAIL, expected, found,
                    Message.of("dns.dkim.wrongSelector", host, target, "selector" + selector), fixNotes, fix);
        }
        Optional<String> tenant = request.tenant();
        if (tenant.isPresent() && !tenant.get().equalsIgnoreCase(shape.get().tenant())) {
            return new Finding(id, Status.FAIL, expected, found,
                    Message.of("dns.dkim.otherTenant", host, shape.get().tenant(), tenant.get()), fixNotes, fix);
        }
        return DkimKeyJudge.judge(id, expected, found, request, target, answer, keys);
    }
}
