// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsAnswer;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.TxtStrings;
import org.m365mailwizard.core.dns.ZoneText;
import org.m365mailwizard.core.dns.dmarc.DmarcParseResult;
import org.m365mailwizard.core.dns.dmarc.DmarcPolicy;
import org.m365mailwizard.core.dns.dmarc.DmarcRecord;
import org.m365mailwizard.core.dns.dmarc.OrganizationalDomain;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * {@code dmarc}: one valid record at {@code _dmarc.<domain>}, or else at the organisational
 * domain's (RFC 7489 §6.6.3), with a policy that acts on failing mail; external report
 * destinations authorised ({@link DmarcReportCheck}). Both record names are asked at once, so the
 * fallback costs no extra round trip.
 */
final class DmarcCheck {

    static final String ID = "dmarc";
    static final String EXPECTED = "TXT \"v=DMARC1; p=quarantine\" | TXT \"v=DMARC1; p=reject\"";

    private DmarcCheck() {
    }

    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request) {
        String domain = request.domain().ascii();
        // The question first: for a name of three labels or more, the organisational domain's first use
        // builds Guava's public suffix list (tens of milliseconds in a fresh process), which then happens
        // while the answer travels.
        CompletableFuture<DnsAnswer> own = dns.query("_dmarc." + domain + ".", Type.TXT).toCompletableFuture();
        String org = OrganizationalDomain.orSelf(domain);
        CompletableFuture<DnsAnswer> ofOrg = org.equals(domain) ? own
                : dns.query("_dmarc." + org + ".", Type.TXT).toCompletableFuture();
        return own.thenCompose(answer -> {
            if (!answer.outcome().isDefinite()) {
                return done(Lookups.error(ID, EXPECTED, answer, List.of()));
            }
            if (!candidates(answer).isEmpty() || org.equals(domain)) {
                return judge(dns, request, domain, answer, false);
            }
            return ofOrg.thenCompose(orgAnswer -> orgAnswer.outcome().isDefinite()
                    ? judge(dns, request, org, orgAnswer, true)
                    : done(Lookups.error(ID, EXPECTED, orgAnswer, List.of())));
        });
    }

    private static CompletionStage<Finding> judge(DnsClient dns, DnsCheckRequest request, String policyDomain,
                                                  DnsAnswer answer, boolean fromOrg) {
        String domain = request.domain().ascii();
        List<String> texts = candidates(answer);
        List<Record> published = answer.records().stream()
                .filter(r -> r instanceof TXTRecord t && texts.contains(TxtStrings.joined(t))).toList();
        List<String> found = ZoneText.of(published);
        if (texts.isEmpty()) {
            return done(new Finding(ID, Status.FAIL, EXPECTED, found, Message.of("dns.dmarc.missing", domain),
                    List.of(Message.of("dns.dmarc.note.path"), Message.of("dns.dmarc.note.ruaMailbox", domain)),
                    txtFix("_dmarc." + domain + ".", "v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain)));
        }
        if (texts.size() > 1) {
            return done(new Finding(ID, Status.FAIL, EXPECTED, found,
                    Message.of("dns.dmarc.several", "_dmarc." + policyDomain, texts.size()), List.of(), null));
        }
        DmarcParseResult parsed = DmarcRecord.parse(texts.get(0));
        List<Message> notes = new ArrayList<>();
        if (fromOrg) {
            notes.add(Message.of("dns.dmarc.note.fromOrgDomain", domain, policyDomain));
        }
        if (parsed.record().isEmpty()) {
            notes.addAll(parsed.errors());
            notes.addAll(parsed.warnings());
            return done(new Finding(ID, Status.FAIL, EXPECTED, found,
                    Message.of("dns.dmarc.invalid", "_dmarc." + policyDomain), notes, null));
        }
        DmarcRecord record = parsed.record().get();
        notes.addAll(parsed.warnings());
        DmarcPolicy policy = fromOrg ? record.effectiveSubdomainPolicy() : record.policy();
        if (record.percent() < 100 && policy != DmarcPolicy.NONE) {
            notes.add(Message.of("dns.dmarc.note.percent", record.percent()));
        }
        if (record.testing()) {
            notes.add(Message.of("dns.dmarc.note.testing"));
        }
        Finding finding;
        if (policy == DmarcPolicy.NONE) {
            notes.add(Message.of("dns.dmarc.note.path"));
            Fix fix = fromOrg ? null : txtFix("_dmarc." + domain + ".", withPolicy(record.text(), "quarantine"));
            finding = new Finding(ID, Status.WARN, EXPECTED, found, Message.of("dns.dmarc.monitorOnly", policyDomain),
                    notes, fix);
        } else {
            finding = new Finding(ID, Status.PASS, EXPECTED, found,
                    Message.of("dns.dmarc.ok", policy.tagValue(), "_dmarc." + policyDomain), notes, null);
        }
        return DmarcReportCheck.check(dns, record, policyDomain, finding);
    }

    static List<String> candidates(DnsAnswer answer) {
        return DmarcRecord.candidates(TxtStrings.joined(answer.records()));
    }

    /**
     * The record with its {@code p=} tag set to {@code policy}, other tags as written: the next step
     * on Microsoft's path from monitoring to enforcement.
     */
    static String withPolicy(String text, String policy) {
        List<String> tags = new ArrayList<>();
        for (String tag : text.split(";")) {
            String t = tag.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            String name = eq < 0 ? t : t.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            tags.add(name.equals("p") ? "p=" + policy : t);
        }
        return String.join("; ", tags);
    }

    static Fix txtFix(String host, String text) {
        return new Fix(host, "TXT", ZoneText.txtData(text), Fix.DEFAULT_TTL);
    }

    private static CompletionStage<Finding> done(Finding finding) {
        return CompletableFuture.completedFuture(finding);
    }
}
