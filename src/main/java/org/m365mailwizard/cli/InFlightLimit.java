// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.util.function.LongSupplier;

/**
 * How many domains a batch checks at once, paced by its resolver as TCP paces itself by its path
 * (RFC 5681): it starts at {@link #START}, grows by one for each domain that ends while no question
 * was lost (doubling per round, "slow start"), by one per round once one was, and halves, at most
 * once per round, whenever a send was lost (dropped or throttled: see DnsClient#lostSends). So a
 * loopback or LAN resolver is given up to the ceiling ({@code --parallel}), and a public resolver that drops what exceeds its rate limit is
 * given about what it answers. Without a signal (authoritative mode asks many servers) the limit
 * stays at its start.
 */
final class InFlightLimit {

    /** Where a batch starts: what {@code --parallel} allowed before the limit adapted. */
    static final int START = 64;

    private final int ceiling;
    private final LongSupplier lostSends;
    private int limit;
    private int inFlight;
    private long lostCounted;
    private boolean lossSeen;
    private int endedSinceDecrease;
    private int endedSinceIncrease;

    /** @param lostSends the DNS client's running count of lost sends; null: no signal */
    InFlightLimit(int ceiling, LongSupplier lostSends) {
        this.ceiling = ceiling;
        this.lostSends = lostSends;
        this.limit = Math.min(START, ceiling);
        this.endedSinceDecrease = limit;
    }

    /** Waits for a free slot and takes it. */
    synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
    }

    /** Gives a slot back when a domain has ended, and adapts the limit. */
    synchronized void release() {
        inFlight--;
        endedSinceDecrease++;
        endedSinceIncrease++;
        if (lostSends != null) {
            adapt(lostSends.getAsLong());
        }
        notifyAll();
    }

    private void adapt(long lost) {
        if (lost > lostCounted) {
            lostCounted = lost;
            lossSeen = true;
            if (endedSinceDecrease >= limit) { // once per round: the losses of one burst count once
                limit = Math.max(1, limit / 2);
                endedSinceDecrease = 0;
                endedSinceIncrease = 0;
            }
        } else if (limit < ceiling && (!lossSeen || endedSinceIncrease >= limit)) {
            limit++;
            endedSinceIncrease = 0;
        }
    }

    /** Waits until every slot taken has been given back. */
    synchronized void awaitAll() throws InterruptedException {
        while (inFlight > 0) {
            wait();
        }
    }

    synchronized int limit() {
        return limit;
    }
}
