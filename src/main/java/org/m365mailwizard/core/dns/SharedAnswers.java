// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.xbill.DNS.Record;

/**
 * The answers of one batch ({@code check-dns --domains-file}): a {@link DnsClient} shared by the
 * checks of all the batch's domains, so that a question many domains ask (Microsoft's SPF include,
 * a mailing service's include, the autodiscover host) is sent once per batch instead of once per
 * domain, as {@link SharedQuestions} does within one domain's check.
 *
 * <p>What is kept, and how long: a question in flight is shared by everyone who asks it meanwhile.
 * A positive answer is then kept for its time to live, the smallest TTL of its records and of the
 * CNAMEs on the way (a record with TTL 0 is not kept), as a resolver would. NXDOMAIN, "no such
 * record", SERVFAIL and timeouts are not kept beyond the question (the answer carries no SOA, so
 * the negative TTL is unknown; a failure may be passing). At most {@code capacity} answers are
 * kept, the least recently used leaving first, so memory stays bounded however long the list.
 *
 * <p>Only a batch uses this: the wizard's check and a single {@code check-dns} ask afresh every
 * time, so a re-check after a fix sees the new records at once.
 */
public final class SharedAnswers implements DnsClient {

    /** Enough for every shared name of a batch many times over; each domain's own answers age out first. */
    public static final int DEFAULT_CAPACITY = 4_096;

    private final DnsClient next;
    private final LongSupplier nanoTime;
    private final Map<QuestionKey, Kept> kept;
    private int sent;

    /** @param next the client that really asks; {@link #DEFAULT_CAPACITY}; the system's monotonic clock */
    public SharedAnswers(DnsClient next) {
        this(next, DEFAULT_CAPACITY, System::nanoTime);
    }

    /**
     * @param capacity the most answers kept at once
     * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime()}; tests pass their own)
     */
    public SharedAnswers(DnsClient next, int capacity, LongSupplier nanoTime) {
        this.next = Objects.requireNonNull(next, "next");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.kept = new BoundedLru<>(capacity);
    }

    @Override
    public CompletionStage<DnsAnswer> query(String absoluteName, int type) {
        // DNS names are case-insensitive (RFC 4343): Contoso.com. and contoso.com. are one question.
        QuestionKey question = QuestionKey.of(absoluteName, type);
        CompletableFuture<DnsAnswer> answer;
        synchronized (this) {
            Kept earlier = kept.get(question);
            if (earlier != null && (earlier.inFlight() || nanoTime.getAsLong() - earlier.expiresAt < 0)) {
                // A copy each: an asker that completes or times out its stage cannot change the others' answer.
                return earlier.answer.copy();
            }
            answer = new CompletableFuture<>();
            kept.put(question, new Kept(answer, 0, true));
            sent++;
        }
        try {
            next.query(absoluteName, type).whenComplete((a, failure) -> settle(question, answer, a, failure));
        } catch (RuntimeException e) {
            settle(question, answer, null, e);
        }
        return answer.copy();
    }

    @Override
    public long lostSends() {
        return next.lostSends();
    }

    /** How many questions were sent on to the next client (the rest were answered here). */
    public synchronized int questionsSent() {
        return sent;
    }

    /** How many answers are kept now (in flight included). */
    public synchronized int size() {
        return kept.size();
    }

    private void settle(QuestionKey question, CompletableFuture<DnsAnswer> answer, DnsAnswer a, Throwable failure) {
        long ttlSeconds = failure == null ? keepSeconds(a) : 0;
        synchronized (this) {
            Kept mine = kept.get(question);
            if (mine != null && mine.answer == answer) {
                if (ttlSeconds > 0) {
                    kept.put(question, new Kept(answer, nanoTime.getAsLong() + TimeUnit.SECONDS.toNanos(ttlSeconds), false));
                } else {
                    kept.remove(question);
                }
            }
        }
        if (failure != null) {
            answer.completeExceptionally(failure);
        } else {
            answer.complete(a);
        }
    }

    /** The answer's time to live in seconds: 0 (do not keep) unless a positive answer with records. */
    static long keepSeconds(DnsAnswer answer) {
        if (answer.outcome() != DnsOutcome.ANSWER || answer.records().isEmpty()) {
            return 0;
        }
        long ttl = Long.MAX_VALUE;
        for (Record r : answer.records()) {
            ttl = Math.min(ttl, r.getTTL());
        }
        for (Record r : answer.cnameChain()) {
            ttl = Math.min(ttl, r.getTTL());
        }
        return ttl;
    }


    /** An answer in flight, or a settled one kept until {@code expiresAt} ({@link System#nanoTime()} scale). */
    private record Kept(CompletableFuture<DnsAnswer> answer, long expiresAt, boolean inFlight) {
    }
}
