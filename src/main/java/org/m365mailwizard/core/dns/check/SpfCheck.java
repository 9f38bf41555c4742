// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.m365mailwizard.core.dns.ZoneText;
import org.m365mailwizard.core.dns.spf.SpfEvaluation;
import org.m365mailwizard.core.dns.spf.SpfEvaluator;
import org.m365mailwizard.core.dns.spf.SpfQualifier;
import org.m365mailwizard.core.dns.spf.SpfOptions;
import org.m365mailwizard.core.dns.spf.SpfRecord;
import org.m365mailwizard.core.dns.spf.SpfRecords;
import org.m365mailwizard.core.dns.spf.SpfResult;
import org.m365mailwizard.core.dns.spf.SpfTerm;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * {@code spf}: exactly one SPF record that authorises Microsoft 365's outbound servers of the
 * cloud, within RFC 7208's limits, and closed with {@code -all} (or {@code ~all}, with a note).
 *
 * <p>Whether Microsoft 365 is authorised is decided the way a receiver decides it: the record is
 * evaluated ({@link SpfEvaluator#audit}) for a real sending address of the cloud, taken from the
 * first {@code ip4:} range of the cloud's live include record, so an include nested in another
 * include, or reached through {@code redirect=}, counts. Only when that record cannot be read does
 * the check fall back to asking whether the evaluation reached the include at all.
 */
final class SpfCheck {

    static final String ID = "spf";

    /** TEST-NET-1: an address no SPF record authorises, for evaluating without a sample. */
    private static final String NO_SAMPLE = "192.0.2.1";
    /** Problems of the evaluator this check reports in its own words. */
    private static final Set<String> COVERED = Set.of("spf.problem.tooManyLookups",
            "spf.problem.tooManyVoidLookups", "spf.problem.ptrUsed", "spf.problem.multipleRecords",
            "spf.problem.noRecord", "spf.problem.loop");

    private SpfCheck() {
    }

    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request) {
        return run(dns, request, new SpfRecords());
    }

    /** @param parsed the SPF records parsed so far (this check's, or its batch's) */
    static CompletionStage<Finding> run(DnsClient dns, DnsCheckRequest request, SpfRecords parsed) {
        String include = request.spfInclude();
        CompletableFuture<DnsAnswer> published = dns.query(request.domain().absolute(), Type.TXT).toCompletableFuture();
        // Asked now, the includes are answered by the time the evaluation reaches them (SpfPrefetch).
        SpfPrefetch prefetch = new SpfPrefetch(dns, parsed);
        published.thenAccept(txt -> prefetch.follow(request.domain().ascii(), txt));
        SpfEvaluator evaluator = new SpfEvaluator(dns, SpfOptions.defaults(), parsed);
        // One question when Microsoft's record lists its ranges itself (it does today); the evaluator's
        // own search through nested includes only when it does not.
        CompletableFuture<Optional<InetAddress>> sample = dns.query(include + ".", Type.TXT)
                .thenCompose(answer -> {
                    Optional<InetAddress> direct = sampleAddress(include, answer, parsed);
                    return direct.isPresent() ? CompletableFuture.completedFuture(direct)
                            : evaluator.sampleAddress(include);
                }).toCompletableFuture();
        CompletableFuture<SpfEvaluation> evaluation = sample.thenCompose(ip ->
                evaluator.audit(ip.orElseGet(SpfCheck::noSample), request.domain().ascii()));
        return published.thenCombine(evaluation, (txt, eval) -> Lookups.listedByMicrosoft(
                judge(request, txt, sample.join(), eval), request.microsoft().spfInclude().map(i -> "include:" + i)));
    }

    /**
     * A Microsoft 365 sending address: the first address of the first {@code ip4:} range in the
     * cloud's include record, read live (Microsoft changes these ranges; never hard-coded).
     */
    static Optional<InetAddress> sampleAddress(String include, DnsAnswer answer, SpfRecords parsed) {
        for (String text : TxtStrings.joined(answer.records())) {
            if (!SpfRecord.isSpfRecord(text)) {
                continue;
            }
            Optional<SpfRecord> record = parsed.parse(include, text).record();
            Optional<String> range = record.stream().flatMap(r -> r.mechanisms().stream())
                    .filter(m -> m.kind() == SpfTerm.Kind.IP4 && m.qualifier() == SpfQualifier.PASS)
                    .flatMap(m -> m.domainSpec().stream()).findFirst();
            if (range.isPresent()) {
                try {
                    return Optional.of(InetAddress.getByName(range.get()));
                } catch (UnknownHostException e) {
                    return Optional.empty(); // an ip4 term always holds a literal; never a name lookup
                }
            }
        }
        return Optional.empty();
    }

    private static InetAddress noSample() {
        try {
            return InetAddress.getByName(NO_SAMPLE);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Finding judge(DnsCheckRequest request, DnsAnswer txt, Optional<InetAddress> sample, SpfEvaluation eval) {
        String include = request.spfInclude();
        String host = request.domain().absolute();
        String expected = "TXT \"v=spf1 include:" + include + " -all\"";
        if (!txt.outcome().isDefinite()) {
            return Lookups.error(ID, expected, txt, List.of());
        }
        List<TXTRecord> spfRecords = txt.records().stream().filter(TXTRecord.class::isInstance)
                .map(TXTRecord.class::cast).filter(r -> SpfRecord.isSpfRecord(TxtStrings.joined(r))).toList();
        List<String> found = ZoneText.of(spfRecords);
        if (spfRecords.isEmpty()) {
            return new Finding(ID, Status.FAIL, expected, found, Message.of("dns.spf.missing", request.domain().ascii(), include),
                    List.of(), txtFix(host, "v=spf1 include:" + include + " -all"));
        }
        Optional<SpfRecord> first = SpfRecord.parse(request.domain().ascii(), TxtStrings.joined(spfRecords.get(0))).record();
        if (spfRecords.size() > 1) {
            Fix merged = first.map(r -> txtFix(host, merge(r, include, true, false))).orElse(null);
            return new Finding(ID, Status.FAIL, expected, found, Message.of("dns.spf.several", spfRecords.size()),
                    List.of(Message.of("dns.spf.note.deleteOthers")), merged);
        }
        if (first.isEmpty()) {
            List<Message> why = eval.reason().map(List::of).orElse(List.of());
            return new Finding(ID, Status.FAIL, expected, found, Message.of("dns.spf.invalid"), why, null);
        }
        if (eval.result() == SpfResult.TEMPERROR) {
            List<Message> why = eval.reason().map(List::of).orElse(List.of());
            return new Finding(ID, Status.ERROR, expected, found, Message.of("dns.spf.temperror"), why, null);
        }
        return judgeRecord(request, first.get(), expected, found, sample, eval);
    }

    private static Finding judgeRecord(DnsCheckRequest request, SpfRecord record, String expected, List<String> found,
                                       Optional<InetAddress> sample, SpfEvaluation eval) {
        String include = request.spfInclude();
        List<Problem> problems = new ArrayList<>();
        boolean authorised = sample.isPresent() ? eval.result() == SpfResult.PASS : eval.reaches(include);
        // A loop is the record's own error and the first thing to fix: "add the include" would mislead when
        // the include is there, and any fix that keeps the looping term keeps the permerror.
        Optional<Message> loop = eval.problems().stream().filter(p -> p.key().equals("spf.problem.loop")).findFirst();
        loop.ifPresent(l -> problems.add(new Problem(authorised ? Status.WARN : Status.FAIL,
                Message.of("dns.spf.loop", l.args().toArray()))));
        boolean listsMicrosoft = record.terms().stream().anyMatch(t -> t instanceof SpfTerm.Mechanism m
                && m.kind() == SpfTerm.Kind.INCLUDE && m.domainSpec().map(d -> MicrosoftHosts.sameName(d, include)).orElse(false));
        if (eval.dnsLookupCount() > SpfEvaluation.DNS_LOOKUP_LIMIT) {
            problems.add(new Problem(Status.FAIL, Message.of("dns.spf.tooManyLookups", eval.dnsLookupCount(),
                    SpfEvaluation.DNS_LOOKUP_LIMIT)));
        }
        if (eval.voidLookupCount() > SpfEvaluation.VOID_LOOKUP_LIMIT) {
            problems.add(new Problem(Status.FAIL, Message.of("dns.spf.tooManyVoid", eval.voidLookupCount(),
                    SpfEvaluation.VOID_LOOKUP_LIMIT)));
        }
        // After the limits: a limit reached makes receivers stop with permerror, often the reason this fails.
        if (!authorised && !(loop.isPresent() && listsMicrosoft)) {
            problems.add(new Problem(Status.FAIL, Message.of("dns.spf.microsoftMissing", include,
                    sample.map(InetAddress::getHostAddress).orElse("-"), eval.result().rfcName())));
        }
        if (authorised && eval.result() == SpfResult.PERMERROR) {
            problems.add(new Problem(Status.FAIL, Message.of("dns.spf.permerror")));
        }
        Optional<SpfQualifier> all = eval.allQualifier();
        boolean openAll = all.isEmpty() || all.get() == SpfQualifier.PASS || all.get() == SpfQualifier.NEUTRAL;
        if (openAll) {
            String written = all.map(q -> q.symbol() + "all").orElse("");
            problems.add(new Problem(Status.FAIL, all.isEmpty() ? Message.of("dns.spf.noAll")
                    : Message.of("dns.spf.openAll", written)));
        }
        if (eval.usesPtr()) {
            problems.add(new Problem(Status.WARN, Message.of("dns.spf.ptr")));
        }

        List<Message> notes = new ArrayList<>();
        if (!authorised) {
            notes.add(Message.of("spf.result." + eval.result().rfcName())); // what the result word means
        }
        if (sample.isEmpty()) {
            notes.add(Message.of("dns.spf.note.noSample", include));
        }
        if (all.isPresent() && all.get() == SpfQualifier.SOFTFAIL && problems.isEmpty()) {
            notes.add(Message.of("dns.spf.note.softfail"));
        }
        notes.add(Message.of("dns.spf.note.counts", eval.dnsLookupCount(), SpfEvaluation.DNS_LOOKUP_LIMIT,
                eval.voidLookupCount(), SpfEvaluation.VOID_LOOKUP_LIMIT));
        eval.problems().stream().filter(p -> !COVERED.contains(p.key())).forEach(notes::add);

        Status status = Status.worst(problems.stream().map(Problem::status).toList());
        if (problems.isEmpty()) {
            return new Finding(ID, Status.PASS, expected, found,
                    Message.of("dns.spf.ok", include, eval.dnsLookupCount(), eval.voidLookupCount()), notes, null);
        }
        Problem main = problems.stream().filter(p -> p.status() == status).findFirst().orElseThrow();
        List<Message> otherNotes = new ArrayList<>();
        problems.stream().filter(p -> p != main).map(Problem::message).forEach(otherNotes::add);
        otherNotes.addAll(notes);
        boolean rootHasAllOrNone = record.all().isPresent() || record.modifier("redirect").isEmpty();
        boolean fixable = loop.isEmpty() && (!authorised || (openAll && rootHasAllOrNone));
        Fix fix = fixable ? txtFix(request.domain().absolute(), merge(record, include, !authorised, openAll && rootHasAllOrNone))
                : null;
        return new Finding(ID, status, expected, found, main.message(), otherNotes, fix);
    }

    /**
     * The record with Microsoft's include added as the first term (so that it is evaluated before any
     * {@code all}) and, when asked, an open {@code +all}/{@code ?all}/missing all replaced by
     * {@code ~all}: the least disruptive closing, since senders the record forgot were passing before.
     */
    static String merge(SpfRecord record, String include, boolean addInclude, boolean closeAll) {
        List<String> terms = new ArrayList<>();
        terms.add("v=spf1");
        if (addInclude) {
            terms.add("include:" + include);
        }
        boolean allSeen = false;
        for (SpfTerm term : record.terms()) {
            if (addInclude && term instanceof SpfTerm.Mechanism m && m.kind() == SpfTerm.Kind.INCLUDE
                    && m.domainSpec().map(d -> MicrosoftHosts.sameName(d, include)).orElse(false)) {
                continue; // replaced by the one in front
            }
            if (closeAll && term instanceof SpfTerm.Mechanism m && m.kind() == SpfTerm.Kind.ALL) {
                terms.add("~all");
                allSeen = true;
                continue;
            }
            terms.add(term.text());
        }
        if (closeAll && !allSeen) {
            terms.add("~all");
        }
        return String.join(" ", terms);
    }

    private static Fix txtFix(String host, String text) {
        return new Fix(host, "TXT", ZoneText.txtData(text), Fix.DEFAULT_TTL);
    }

    private record Problem(Status status, Message message) {
    }
}
