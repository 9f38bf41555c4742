// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how often to wait when Graph asks for it (429, and 503/504 where a retry is safe).
 * Bounded both ways, after Microsoft's RetryHandler design: a server asking for more than
 * {@code maxWait} at once, or a run that would wait more than {@code maxTotalWait}, ends in a result
 * the user sees instead of a silent long wait.
 *
 * @param maxRetries retries after the first attempt
 * @param fallbackDelay the first wait when Graph sends no usable {@code Retry-After}; doubled per retry
 * @param maxWait the longest single wait honoured
 * @param maxTotalWait the longest total waiting in one operation
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer to one request
 */
public record RetryPolicy(int maxRetries, Duration fallbackDelay, Duration maxWait, Duration maxTotalWait,
                          Duration connectTimeout, Duration requestTimeout) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries < 0");
        }
        Objects.requireNonNull(fallbackDelay, "fallbackDelay");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Microsoft's SDK defaults (3 retries, 3 s first delay, 180 s cap), with a 5 minute total. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(3), Duration.ofSeconds(180), Duration.ofMinutes(5),
                Duration.ofSeconds(15), Duration.ofSeconds(90));
    }

    /** The wait before retry number {@code retry} (1-based) when Graph gave no {@code Retry-After}. */
    public Duration fallbackFor(int retry) {
        return fallbackDelay.multipliedBy(1L << Math.min(retry - 1, 16));
    }

    public RetryPolicy withRequestTimeout(Duration timeout) {
        return new RetryPolicy(maxRetries, fallbackDelay, maxWait, maxTotalWait, connectTimeout, timeout);
    }
}
