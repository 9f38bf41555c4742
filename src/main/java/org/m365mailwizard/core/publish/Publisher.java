// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.m365mailwizard.core.check.ProblemException;

/**
 * Writes a confirmed plan one change at a time, journalling before the first write and after each
 * one, and stops at the first refusal so that what was applied is known and can be undone.
 */
public final class Publisher {

    /** One change's outcome. */
    public record ChangeResult(RecordChange change, Optional<ProblemException> failure) {
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /** What an apply or an undo did: the results in order; the last one failed if {@link #failure()} is present. */
    public record Outcome(List<ChangeResult> results, Journal journal) {
        public Optional<ProblemException> failure() {
            return results.stream().map(ChangeResult::failure).flatMap(Optional::stream).findFirst();
        }

        public long appliedCount() {
            return results.stream().filter(ChangeResult::ok).count();
        }
    }

    private final ObjectMapper mapper;
    private final Clock clock;

    public Publisher(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param journalFile written before the first change (a journal that cannot be written stops
     *                    everything: no write without a way back)
     * @param progress hears each change's result as it happens
     */
    public Outcome apply(DnsHostProvider provider, PublishPlan plan, Path journalFile, Consumer<ChangeResult> progress)
            throws ProblemException {
        Journal journal = Journal.start(plan, clock.instant());
        journal.write(journalFile, mapper);
        List<ChangeResult> results = new ArrayList<>();
        for (int i = 0; i < journal.changes().size(); i++) {
            RecordChange change = journal.changes().get(i);
            ChangeResult result = writeOne(provider, plan.zone(), change);
            if (result.ok()) {
                journal = journal.withApplied(i);
                journal.write(journalFile, mapper);
            }
            results.add(result);
            progress.accept(result);
            if (!result.ok()) {
                break;
            }
        }
        return new Outcome(results, journal);
    }

    /**
     * Puts back what the journal's applied changes replaced, last first, each against the records the
     * host holds now: values written since by someone else stay.
     */
    public Outcome undo(DnsHostProvider provider, Journal journal, Consumer<ChangeResult> progress)
            throws ProblemException {
        List<HostRecord> now = provider.records(journal.zone());
        List<ChangeResult> results = new ArrayList<>();
        for (RecordChange applied : journal.toUndo()) {
            ChangeResult result = writeOne(provider, journal.zone(), applied.inverse(now));
            results.add(result);
            progress.accept(result);
            if (!result.ok()) {
                break;
            }
        }
        return new Outcome(results, journal);
    }

    private static ChangeResult writeOne(DnsHostProvider provider, DnsZone zone, RecordChange change) {
        try {
            provider.write(zone, change);
            return new ChangeResult(change, Optional.empty());
        } catch (ProblemException e) {
            return new ChangeResult(change, Optional.of(e));
        }
    }
}
