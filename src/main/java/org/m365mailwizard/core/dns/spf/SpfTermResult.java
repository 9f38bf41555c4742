// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns.spf;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.Message;

/**
 * What evaluating one term gave: the outcome and, for errors, the result and reason; the included
 * node for include; the DNS questions asked, for the tree.
 */
record SpfTermResult(Optional<String> target, SpfStep.Outcome outcome, SpfResult errorResult,
                     Message reason, Optional<SpfNode> child, List<String> log) {

    static SpfTermResult match(boolean matched, String target, List<String> log) {
        return new SpfTermResult(Optional.ofNullable(target),
                matched ? SpfStep.Outcome.MATCH : SpfStep.Outcome.NO_MATCH, null, null, Optional.empty(), log);
    }

    static SpfTermResult error(SpfResult result, Message reason, String target, List<String> log) {
        return new SpfTermResult(Optional.ofNullable(target), SpfStep.Outcome.ERROR, result, reason,
                Optional.empty(), log);
    }
}
