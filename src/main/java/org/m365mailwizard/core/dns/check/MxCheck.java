// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.Cloud;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsOutcome;
import org.m365mailwizard.core.dns.ZoneText;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/**
 * {@code mx}: the domain's mail must go to Microsoft 365 of its cloud, through exactly one MX
 * (Microsoft: several MX "can cause problems for mail delivery").
 */
final class MxCheck {

    static final String ID = "mx";
    /** The message key of a domain that does not exist at all (NXDOMAIN). */
    static final String NO_DOMAIN = "dns.mx.noDomain";

    private MxCheck() {
    }

    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request) {
        return dns.query(request.domain().absolute(), Type.MX).thenApply(answer -> judge(request, answer));
    }

    static Finding judge(DnsCheckRequest request, DnsAnswer answer) {
        Optional<String> listed = request.microsoft().mxHost();
        Finding finding = Lookups.listedByMicrosoft(judgeAgainst(request, answer, listed), listed);
        // Microsoft lists a verification record only while the domain is unverified: mail cannot flow until it is.
        return request.microsoft().verificationText().map(text -> finding.withNote(
                Message.of("dns.note.unverified", request.domain().ascii(), text))).orElse(finding);
    }

    private static Finding judgeAgainst(DnsCheckRequest request, DnsAnswer answer, Optional<String> listed) {
        Cloud cloud = request.cloud();
        String domain = request.domain().ascii();
        String expected = listed.map(host -> "MX 0 " + host).orElse(MicrosoftHosts.mxExpected(cloud));
        String host = listed.map(h -> h + ".").orElseGet(() -> MicrosoftHosts.mxSuggestion(cloud, request.domain(), request.tenant()));
        Fix fix = new Fix(request.domain().absolute(), "MX", "0 " + host, Fix.DEFAULT_TTL);
        // With Microsoft's own value there is nothing to guess, so no "copy it from the admin center" note.
        List<Message> exactValue = listed.isPresent() ? List.of() : List.of(Message.of("dns.mx.note.exactValue"));
        if (!answer.outcome().isDefinite()) {
            return Lookups.error(ID, expected, answer, List.of());
        }
        List<String> found = ZoneText.of(answer.records());
        Finding finding;
        if (answer.outcome() == DnsOutcome.NXDOMAIN) {
            finding = new Finding(ID, Status.FAIL, expected, found, Message.of(NO_DOMAIN, domain),
                    exactValue, fix);
        } else if (answer.outcome() == DnsOutcome.NODATA) {
            finding = new Finding(ID, Status.FAIL, expected, found, Message.of("dns.mx.none", domain),
                    exactValue, fix);
        } else {
            finding = judgeHosts(request, answer, expected, found, fix, exactValue, listed);
        }
        if (request.domain().isInternationalized()) {
            finding = finding.withNote(Message.of("dns.note.idn", request.domain().unicode(), domain));
        }
        return finding;
    }

    private static Finding judgeHosts(DnsCheckRequest request, DnsAnswer answer, String expected, List<String> found,
                                      Fix fix, List<Message> exactValue, Optional<String> listed) {
        Cloud cloud = request.cloud();
        List<MXRecord> mx = answer.records().stream().filter(MXRecord.class::isInstance).map(MXRecord.class::cast)
                .sorted(Comparator.comparingInt(MXRecord::getPriority)).toList();
        if (mx.size() == 1 && mx.get(0).getTarget().equals(org.xbill.DNS.Name.root)) {
            return new Finding(ID, Status.FAIL, expected, found, Message.of("dns.mx.nullMx", request.domain().ascii()),
                    exactValue, fix);
        }
        List<String> microsoft = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Optional<Cloud> otherCloud = Optional.empty();
        for (MXRecord r : mx) {
            String host = Lookups.bare(r.getTarget().toString());
            Optional<Cloud> of = MicrosoftHosts.mxCloud(host, cloud);
            if (listed.map(host::equals).orElse(false) || of.isPresent() && of.get() == cloud) {
                microsoft.add(host);
            } else {
                others.add(host);
                if (of.isPresent() && otherCloud.isEmpty()) {
                    otherCloud = of;
                }
            }
        }
        if (listed.isPresent() && !microsoft.isEmpty() && !microsoft.contains(listed.get())) {
            // Right shape, wrong host: Microsoft derives the token differently (hyphens, suffixes).
            return new Finding(ID, Status.FAIL, expected, found,
                    Message.of("dns.mx.notListed", String.join(", ", microsoft), listed.get()), List.of(), fix);
        }
        if (microsoft.isEmpty()) {
            Message why = otherCloud.isPresent()
                    ? Message.of("dns.mx.otherCloud", String.join(", ", others), otherCloud.get().id(), cloud.id())
                    : Message.of("dns.mx.notMicrosoft", String.join(", ", others));
            return new Finding(ID, Status.FAIL, expected, found, why, exactValue, fix);
        }
        if (!others.isEmpty()) {
            Finding warn = Finding.of(ID, Status.WARN, expected, found,
                    Message.of("dns.mx.extraHosts", String.join(", ", others), String.join(", ", microsoft)));
            boolean microsoftFirst = MicrosoftHosts.isMx(mx.get(0).getTarget().toString(), cloud);
            return microsoftFirst ? warn : warn.withNote(Message.of("dns.mx.note.notPreferred", microsoft.get(0)));
        }
        Finding pass = Finding.of(ID, Status.PASS, expected, found, Message.of("dns.mx.ok", String.join(", ", microsoft)));
        return microsoft.size() > 1 ? pass.withNote(Message.of("dns.mx.note.severalMicrosoft")) : pass;
    }
}
