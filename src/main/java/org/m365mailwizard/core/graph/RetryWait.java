// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.time.Duration;
import org.m365mailwizard.core.check.Message;

/**
 * One wait Graph asked for before a retry, reported to the user while it lasts.
 *
 * @param status the HTTP status that asked for it (429, 503, 504), or 0 after a timeout
 * @param delay how long
 * @param retry which retry follows (1-based)
 * @param maxRetries how many retries are allowed in all
 * @param fromHeader true when the time came from {@code Retry-After}, false when it is our own back-off
 */
public record RetryWait(int status, Duration delay, int retry, int maxRetries, boolean fromHeader) {

    /** "Microsoft 365 asked to wait 30 s (HTTP 429). Retry 1 of 3 follows." */
    public Message message() {
        String key = status == 0 ? "graph.wait.timeout" : fromHeader ? "graph.wait.asked" : "graph.wait.backoff";
        return Message.of(key, seconds(), status, retry, maxRetries);
    }

    /** The wait in whole seconds, rounded up, for people. */
    public long seconds() {
        long s = delay.getSeconds();
        return delay.getNano() > 0 ? s + 1 : s;
    }
}
