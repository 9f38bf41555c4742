// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.time.Duration;

/**
 * When to send a question again to one server that has not answered yet: an estimate of the
 * server's round trips as TCP keeps one (RFC 6298: smoothed time plus four times its variation,
 * here at least twice the smoothed time), so a lost datagram costs about two usual answers' time,
 * not a fixed two seconds, and a slow server is not asked again before its usual answers are in. Each further retransmission of the same question
 * waits twice as long (RFC 1536's exponential back-off). Thread-safe; one per server of a client.
 */
final class RetransmitTimer {

    /** Before any answer: RFC 6298's initial retransmission time. */
    static final Duration INITIAL = Duration.ofSeconds(1);
    /**
     * Never sooner than this: a recursive resolver may take a few hundred milliseconds for a name it
     * has not cached, and on a busy machine an answer on loopback can wait as long for a processor;
     * sending again sooner mostly adds load (at 200 ms a batch of --parallel 128 at load 8 sent one
     * question in nine twice). RFC 1536: do not retransmit faster than answers can come.
     */
    static final Duration MIN = Duration.ofMillis(400);

    private final long maxNanos;
    private long smoothedNanos = -1;
    private long variationNanos;

    /** @param max the longest wait between two sends of one question */
    RetransmitTimer(Duration max) {
        this.maxNanos = Math.max(max.toNanos(), MIN.toNanos());
    }

    /** One round trip measured on a try that was answered (each try has its own ID, so it is unambiguous). */
    synchronized void answered(long roundTripNanos) {
        long rtt = Math.max(0, roundTripNanos);
        if (smoothedNanos < 0) {
            smoothedNanos = rtt;
            variationNanos = rtt / 2;
        } else {
            variationNanos = (3 * variationNanos + Math.abs(smoothedNanos - rtt)) / 4;
            smoothedNanos = (7 * smoothedNanos + rtt) / 8;
        }
    }

    /** How long to wait for an answer to send number {@code sent} (0 for the first send) before sending again. */
    synchronized long waitNanos(int sent) {
        // Twice the usual time at least: answers through one busy server vary little, and a wait just
        // above them would send again whenever one is a little late.
        long base = smoothedNanos < 0 ? INITIAL.toNanos()
                : Math.max(smoothedNanos + 4 * variationNanos, 2 * smoothedNanos);
        long wait = Math.max(MIN.toNanos(), Math.min(base, maxNanos));
        for (int i = 0; i < sent && wait < maxNanos; i++) {
            wait *= 2;
        }
        return Math.min(wait, maxNanos);
    }
}
