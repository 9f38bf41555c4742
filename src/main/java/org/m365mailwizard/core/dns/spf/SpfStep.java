// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.List;
import java.util.Optional;

/**
 * One term evaluated inside an {@link SpfNode}.
 *
 * @param term the term as parsed
 * @param target the expanded target domain (include, a, mx, ptr, exists, redirect); empty otherwise
 * @param outcome whether the term matched
 * @param afterDecision true when the term was evaluated only to audit the whole tree
 *     ({@link SpfEvaluator#audit}) after an earlier term had already decided the result
 * @param child the included or redirected-to domain's node (include and redirect only)
 * @param lookups DNS questions this term caused beyond the SPF record lookup of a child, e.g. the
 *     A lookups of an {@code mx} ({@code "mail.example.com. A NXDOMAIN"}), for display
 */
public record SpfStep(SpfTerm term, Optional<String> target, Outcome outcome, boolean afterDecision,
                      Optional<SpfNode> child, List<String> lookups) {

    public SpfStep {
        lookups = List.copyOf(lookups);
    }

    /** What evaluating the term gave. */
    public enum Outcome {
        /** The mechanism matched (an include: its target returned pass). */
        MATCH,
        /** The mechanism did not match (or the modifier was processed). */
        NO_MATCH,
        /** Evaluation of the term raised temperror or permerror (see the node's reason). */
        ERROR
    }
}
