// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.m365mailwizard.core.check.Message;

/**
 * One domain whose SPF record was looked up during an evaluation: the domain checked, or the
 * target of an {@code include:} or {@code redirect=}. Nodes form the tree of the evaluation.
 *
 * @param domain the domain as looked up (lower-case ASCII, no trailing dot)
 * @param via how the evaluation got here
 * @param record the selected SPF record, parsed; empty when there was none, several, a syntax error
 *     or the lookup failed
 * @param result this domain's own {@code check_host()} result
 * @param reason why {@code result} is none, temperror or permerror (a {@code spf.problem.} message; for
 *     an error passed up from an include or redirect, the cause found below); empty otherwise
 * @param steps the terms evaluated, in record order (a redirect is the last step)
 */
public record SpfNode(String domain, Via via, Optional<SpfRecord> record, SpfResult result,
                      Optional<Message> reason, List<SpfStep> steps) {

    public SpfNode {
        steps = List.copyOf(steps);
    }

    /** How a node was reached. */
    public enum Via { ROOT, INCLUDE, REDIRECT }

    /** This node and all nodes below it, depth first, in evaluation order. */
    public Stream<SpfNode> descendantsAndSelf() {
        return Stream.concat(Stream.of(this),
                steps.stream().flatMap(s -> s.child().stream()).flatMap(SpfNode::descendantsAndSelf));
    }
}
