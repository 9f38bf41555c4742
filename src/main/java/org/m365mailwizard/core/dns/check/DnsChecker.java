// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.dns.DnsClient;
import org.m365mailwizard.core.dns.DnsSettings;
import org.m365mailwizard.core.dns.DnsjavaClient;
import org.m365mailwizard.core.dns.SharedAnswers;
import org.m365mailwizard.core.dns.SharedQuestions;
import org.m365mailwizard.core.dns.dkim.DkimKeyRecords;
import org.m365mailwizard.core.dns.spf.SpfRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a domain's DNS against what Microsoft 365 expects for its cloud: {@code mx}, {@code spf},
 * {@code dkim-selector1}, {@code dkim-selector2}, {@code dmarc}, {@code autodiscover}. All checks
 * start at once and each runs its own chain of dependent lookups, so a full check takes about as
 * long as the longest chain. Every run gets a fresh DNS client: no answer outlives a run, so a
 * re-check after a fix sees the fix (as far as the resolver's own cache allows; authoritative mode
 * avoids that too).
 */
public final class DnsChecker {

    /** The check ids in report order; part of the JSON contract. */
    public static final List<String> CHECK_IDS = List.of(
            MxCheck.ID, SpfCheck.ID, DkimCheck.id(1), DkimCheck.id(2), DmarcCheck.ID, AutodiscoverCheck.ID);

    /**
     * Looked up when something is logged, not in a static field: this class is built at start, and a logger
     * there would set logging up on the command line's critical path instead of beside it.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(DnsChecker.class);
    }

    private final DnsSettings settings;
    private final Executor executor;
    /** The batch's shared answers ({@link #forBatch()}); null: every check asks afresh. */
    private final SharedAnswers batchAnswers;
    /** The batch's parsed SPF records (a pure function of their text); null: each check parses its own. */
    private final SpfRecords batchSpf;
    /** The batch's parsed DKIM keys (likewise); null: each check parses its own. */
    private final DkimKeyRecords batchDkim;

    /**
     * @param settings how questions are asked (resolvers, authoritative mode, timeout)
     * @param executor where DNS completions and check logic run (the application's background executor)
     */
    public DnsChecker(DnsSettings settings, Executor executor) {
        this(settings, executor, null, null, null);
    }

    private DnsChecker(DnsSettings settings, Executor executor, SharedAnswers batchAnswers, SpfRecords batchSpf,
                       DkimKeyRecords batchDkim) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.batchAnswers = batchAnswers;
        this.batchSpf = batchSpf;
        this.batchDkim = batchDkim;
    }

    /**
     * A checker for one batch of domains: its checks share one {@link SharedAnswers}, so a question
     * that several domains ask (Microsoft's SPF include, a mailing service's include) is sent once
     * while its answer lives. In authoritative mode each domain asks its own name servers, so
     * nothing is shared between domains there. Parsed SPF records and DKIM keys are shared in both
     * modes: a record's meaning depends only on its text.
     */
    public DnsChecker forBatch() {
        SharedAnswers answers = settings.authoritative() ? null : new SharedAnswers(settings.newClient("", executor));
        return new DnsChecker(settings, executor, answers, new SpfRecords(), new DkimKeyRecords());
    }

    /** The batch's shared answers, when this checker is one of {@link #forBatch()}. */
    public java.util.Optional<SharedAnswers> batchAnswers() {
        return java.util.Optional.ofNullable(batchAnswers);
    }

    public DnsSettings settings() {
        return settings;
    }

    /** Where this checker's completions and check logic run (the application's background executor). */
    public Executor executor() {
        return executor;
    }

    /** The same checker asking questions another way. */
    public DnsChecker withSettings(DnsSettings newSettings) {
        return new DnsChecker(newSettings, executor, null, null, null);
    }

    public CompletionStage<DnsReport> check(DnsCheckRequest request) {
        return check(request, finding -> { });
    }

    /**
     * Runs every check; {@code onFinding} hears each finding as soon as its check ends (on a
     * background thread), for progress displays. The stage never fails: a check that breaks
     * unexpectedly yields an {@code error} finding.
     */
    public CompletionStage<DnsReport> check(DnsCheckRequest request, Consumer<Finding> onFinding) {
        DnsClient client = batchAnswers != null ? batchAnswers : settings.newClient(request.domain().ascii(), executor);
        SpfRecords spf = batchSpf != null ? batchSpf : new SpfRecords();
        DkimKeyRecords dkim = batchDkim != null ? batchDkim : new DkimKeyRecords();
        return check(client, request, onFinding, spf, dkim).thenApply(report -> NoServerAnswered.rewrite(report, settings,
                DnsjavaClient::systemServers));
    }

    /**
     * Runs every check through the given client (tests, or callers with their own client). A question
     * two checks share is sent once ({@link SharedQuestions}).
     */
    public static CompletionStage<DnsReport> check(DnsClient client, DnsCheckRequest request, Consumer<Finding> onFinding) {
        return check(client, request, onFinding, new SpfRecords(), new DkimKeyRecords());
    }

    private static CompletionStage<DnsReport> check(DnsClient client, DnsCheckRequest request, Consumer<Finding> onFinding,
                                                    SpfRecords spf, DkimKeyRecords dkim) {
        DnsClient dns = new SharedQuestions(client);
        List<CompletableFuture<Finding>> running = new ArrayList<>();
        running.add(guarded(MxCheck.ID, () -> MxCheck.run(dns, request), onFinding));
        running.add(guarded(SpfCheck.ID, () -> SpfCheck.run(dns, request, spf), onFinding));
        for (int selector = 1; selector <= 2; selector++) {
            int s = selector;
            running.add(guarded(DkimCheck.id(s), () -> DkimCheck.run(dns, request, s, dkim), onFinding));
        }
        // Autodiscover starts before DMARC, whose start does more work (see DmarcCheck.run); the report keeps its order.
        CompletableFuture<Finding> autodiscover = guarded(AutodiscoverCheck.ID, () -> AutodiscoverCheck.run(dns, request), onFinding);
        running.add(guarded(DmarcCheck.ID, () -> DmarcCheck.run(dns, request), onFinding));
        running.add(autodiscover);
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .thenApply(done -> new DnsReport(request.domain(), request.cloud(),
                        whenDomainMissing(request, running.stream().map(CompletableFuture::join).toList())));
    }

    /**
     * A domain that does not exist cannot hold any record: the MX check says so once, and no check
     * asks the user to publish records for a name that is not registered (the other checks only
     * point at that one finding).
     */
    static List<Finding> whenDomainMissing(DnsCheckRequest request, List<Finding> findings) {
        if (!new DnsReport(request.domain(), request.cloud(), findings).domainMissing()) {
            return findings;
        }
        return findings.stream().map(f -> f.id().equals(MxCheck.ID) ? f.withFix(null)
                : new Finding(f.id(), Status.FAIL, f.expected(), List.of(),
                        Message.of("dns.noDomain.other", request.domain().ascii()), List.of(), null)).toList();
    }

    private static CompletableFuture<Finding> guarded(String id, java.util.function.Supplier<CompletionStage<Finding>> check,
                                                      Consumer<Finding> onFinding) {
        CompletableFuture<Finding> started;
        try {
            started = check.get().toCompletableFuture();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        return started.exceptionally(error -> {
            log().error("DNS check {} broke", id, error);
            return Finding.of(id, Status.ERROR, "", List.of(), Message.of("dns.error.internal", id));
        }).thenApply(finding -> {
            try {
                onFinding.accept(finding);
            } catch (RuntimeException e) {
                log().warn("Progress listener failed for {}", id, e);
            }
            return finding;
        });
    }
}
