// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a wait at the loopback listener ended. {@link #toString()} names the parameters but never shows
 * their values (a code is a credential for ten minutes).
 *
 * @param outcome received, timed out or cancelled
 * @param parameters the redirect's parameters with a matching {@code state} (which is left out);
 *        empty unless {@link Outcome#RECEIVED}
 */
public record CallbackResult(Outcome outcome, Map<String, String> parameters) {

    /** Why the wait ended. */
    public enum Outcome { RECEIVED, TIMED_OUT, CANCELLED }

    /** The {@code error} value a redirect carries when an answer arrived but could not be read. */
    public static final String MALFORMED = "malformed_response";

    public CallbackResult {
        Objects.requireNonNull(outcome, "outcome");
        parameters = Map.copyOf(parameters);
    }

    static CallbackResult ended(Outcome outcome) {
        return new CallbackResult(outcome, Map.of());
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isEmpty());
    }

    /** The OAuth {@code error} of a received answer, if any. */
    public Optional<String> error() {
        return parameter("error");
    }

    @Override
    public String toString() {
        return "CallbackResult[" + outcome + ", parameters=" + parameters.keySet() + "]";
    }
}
