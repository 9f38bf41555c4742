// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Fix;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.check.DnsCheckRequest;
import org.m365mailwizard.core.dns.check.DnsChecker;
import org.m365mailwizard.core.dns.check.DnsReport;
import org.m365mailwizard.core.publish.RecordChange.Action;

/**
 * Works out the dry run: the DNS step's own checks judge the zone as the host holds it
 * ({@link ZoneView}); each fix they suggest for a name inside the zone becomes an add or a change
 * of exactly the records it replaces, and the result is judged again, so that a merged SPF record
 * over the 10-lookup limit is refused before anything is written. The rules of issue 19: SPF is
 * merged into the one existing record, an existing DMARC record is kept unless asked, an MX change
 * that moves mail away from another provider is flagged, other records are never touched.
 */
public final class Planner {

    private static final long CHECK_SECONDS = 60;

    private final DnsSettings outsideDns;
    private final Executor executor;

    /**
     * @param outsideDns how names outside the zone are asked (SPF includes, Microsoft's DKIM keys)
     */
    public Planner(DnsSettings outsideDns, Executor executor) {
        this.outsideDns = outsideDns.withAuthoritative(false);
        this.executor = executor;
    }

    /**
     * @param replaceDmarc publish the suggested DMARC record even where one exists
     */
    public PublishPlan plan(DnsHostProvider provider, DnsCheckRequest request, Optional<String> zoneName,
                            boolean replaceDmarc) throws ProblemException, InterruptedException {
        String domain = request.domain().ascii();
        DnsZone zone = provider.findZone(domain, zoneName);
        if (!zone.contains(request.domain().absolute())) {
            throw ProblemException.invalidInput("publish.error.zoneMismatch", zone.name(), domain);
        }
        List<HostRecord> records = provider.records(zone);
        ZoneView view = new ZoneView(zone, records, outsideDns.newClient(domain, executor));
        DnsReport report = check(view, request);
        List<RecordChange> changes = new ArrayList<>();
        List<Message> notes = new ArrayList<>();
        for (Finding finding : report.findings()) {
            entry(zone, records, request, finding, replaceDmarc, notes).ifPresent(changes::add);
        }
        List<String> verifiable = refuseUnsafe(check(view.after(changes), request), changes, notes);
        long managed = records.stream().filter(r -> changes.stream().anyMatch(c -> c.before().contains(r))).count();
        return new PublishPlan(domain, provider.id(), zone, changes, notes, verifiable, (int) (records.size() - managed));
    }

    private Optional<RecordChange> entry(DnsZone zone, List<HostRecord> records, DnsCheckRequest request,
                                         Finding finding, boolean replaceDmarc, List<Message> notes)
            throws ProblemException {
        String id = finding.id();
        Fix fix = finding.fix();
        ManagedSet set = ManagedSet.of(id, request.domain().ascii());
        if (fix == null) {
            List<HostRecord> now = set.members(records);
            if (finding.status() == Status.FAIL || finding.status() == Status.ERROR) {
                notes.add(Message.of("publish.note.noFix", id));
            }
            return now.isEmpty() ? Optional.empty() : Optional.of(keep(id, set, now, records));
        }
        if (!zone.contains(fix.host())) {
            notes.add(Message.of("publish.note.outsideZone", id, fix.host(), zone.name()));
            return Optional.empty();
        }
        if (fix.value().contains("<")) {
            notes.add(Message.of("publish.note.needsTenant", id));
            return Optional.empty();
        }
        String value = fix.type().equals("TXT") ? TxtValues.joined(fix.value()) : fix.value().toLowerCase(Locale.ROOT);
        ManagedSet target = set.at(fix.host(), fix.type(), value);
        List<HostRecord> before = target.members(records);
        List<HostRecord> untouched = records.stream().filter(r -> r.sameSet(fix.host(), fix.type()) && !before.contains(r))
                .toList();
        if (id.equals("dmarc") && !before.isEmpty() && !replaceDmarc) {
            notes.add(Message.of("publish.note.dmarcKept"));
            return Optional.of(keep(id, target, before, records));
        }
        if (id.equals("spf") && before.size() > 1) {
            throw ProblemException.invalidInput("publish.error.severalSpf", before.size());
        }
        if (fix.type().equals("CNAME") && records.stream().anyMatch(r -> r.name().equals(HostRecord.absolute(fix.host()))
                && !r.type().equals("CNAME"))) {
            throw ProblemException.invalidInput("publish.error.cnameConflict", fix.host());
        }
        boolean movesMail = id.equals("mx") && before.stream().anyMatch(r -> !r.value().trim().endsWith(" ."));
        return Optional.of(new RecordChange(before.isEmpty() ? Action.ADD : Action.CHANGE, id, fix.host(), fix.type(),
                before, List.of(value), untouched, fix.ttl(), movesMail));
    }

    private static RecordChange keep(String id, ManagedSet set, List<HostRecord> now, List<HostRecord> records) {
        List<HostRecord> untouched = records.stream().filter(r -> r.sameSet(set.name(), set.type()) && !now.contains(r))
                .toList();
        return new RecordChange(Action.KEEP, id, set.name(), set.type(), now,
                now.stream().map(HostRecord::value).toList(), untouched, now.get(0).ttl(), false);
    }

    /**
     * The merged SPF record is refused when it breaks the lookup limit; other checks only noted.
     * Returns the checks of the writes that pass afterwards.
     */
    private static List<String> refuseUnsafe(DnsReport after, List<RecordChange> changes, List<Message> notes)
            throws ProblemException {
        List<String> passing = new ArrayList<>();
        for (RecordChange change : changes) {
            if (!change.writes()) {
                continue;
            }
            Finding judged = after.findings().stream().filter(f -> f.id().equals(change.checkId())).findFirst().orElse(null);
            if (judged != null && (judged.status() == Status.PASS || judged.status() == Status.WARN)) {
                passing.add(change.checkId());
            }
            if (judged == null || judged.status() != Status.FAIL) {
                continue;
            }
            List<Message> said = new ArrayList<>(judged.notes());
            said.add(0, judged.message());
            Optional<Message> tooMany = said.stream().filter(m -> m.key().equals("dns.spf.tooManyLookups")).findFirst();
            if (tooMany.isPresent()) {
                throw ProblemException.invalidInput("publish.error.spfTooManyLookups",
                        tooMany.get().args().get(0), tooMany.get().args().get(1), String.join(" ", change.after()));
            }
            notes.add(Message.of("publish.note.stillFails", change.checkId()));
        }
        return passing;
    }

    private static DnsReport check(ZoneView view, DnsCheckRequest request) throws ProblemException, InterruptedException {
        try {
            return DnsChecker.check(view, request, f -> { }).toCompletableFuture().get(CHECK_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw ProblemException.unavailable(e, "publish.error.checkFailed");
        }
    }
}
