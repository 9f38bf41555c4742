// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link SpfEvaluator}. The RFC limits are fixed (10 DNS-querying terms, 2 void
 * lookups, 10 names per mx/ptr); these are the parts a receiver chooses.
 *
 * @param receiver the checking host's domain, expanded by {@code %{r}} in explanations
 * @param defaultExplanation the explanation for a {@code fail} without {@code exp=} (or whose
 *     {@code exp=} cannot be used); empty for none
 * @param clock the time for {@code %{t}}
 */
public record SpfOptions(String receiver, Optional<String> defaultExplanation, Clock clock) {

    public SpfOptions {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(defaultExplanation, "defaultExplanation");
        Objects.requireNonNull(clock, "clock");
    }

    /** {@code unknown} as receiver (RFC 7208 §7.3), no default explanation, the system clock. */
    public static SpfOptions defaults() {
        return new SpfOptions("unknown", Optional.empty(), Clock.systemUTC());
    }

    public SpfOptions withDefaultExplanation(String text) {
        return new SpfOptions(receiver, Optional.of(text), clock);
    }

    public SpfOptions withReceiver(String receiverDomain) {
        return new SpfOptions(receiverDomain, defaultExplanation, clock);
    }

    public SpfOptions withClock(Clock newClock) {
        return new SpfOptions(receiver, defaultExplanation, newClock);
    }
}
