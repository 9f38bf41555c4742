// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.shell;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.auth.AppCheckIds;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.ui.common.StepStatus;

/**
 * One step's state, the same rule for every step: no result is "not checked"; a result whose
 * inputs have changed since is "stale", with the reason in words, and its findings no longer count;
 * otherwise the worst finding decides. The step list, the summary and the shell's banner read this.
 *
 * @param status the state
 * @param staleReason why the result no longer holds ("Checked for site@contoso.com; the sender has
 *     changed since."), or null when it is not stale
 */
public record StepState(StepStatus status, Message staleReason) {

    /** The state of step {@code stepId} as the model holds it now. */
    public static StepState of(String stepId, WizardModel model) {
        List<Finding> findings = model.findings(stepId);
        CheckedFor checked = StepInputs.CHECKED_STEPS.contains(stepId) ? model.checkedForProperty(stepId).get() : null;
        if (checked != null) {
            Optional<CheckedFor.Input> changed = checked.firstChangeIn(StepInputs.snapshot(stepId, model));
            if (changed.isPresent()) {
                return new StepState(StepStatus.STALE, StepInputs.staleReason(changed.get()));
            }
        }
        if (stepId.equals("app") && findings.stream().noneMatch(f -> f.id().equals(AppCheckIds.TOKEN))) {
            // Step 2 judges what is typed at once; only Microsoft's answer makes it checked.
            return new StepState(worst(findings) == Status.FAIL ? StepStatus.FAILED : StepStatus.NOT_CHECKED, null);
        }
        if (findings.isEmpty()) {
            return new StepState(StepStatus.NOT_CHECKED, null);
        }
        return new StepState(switch (worst(findings)) {
            case PASS -> StepStatus.PASSED;
            case WARN -> StepStatus.WARNING;
            case FAIL, ERROR -> StepStatus.FAILED;
        }, null);
    }

    /** True when the step's findings describe the inputs as they are now (checked and not stale). */
    public boolean current() {
        return status != StepStatus.STALE && status != StepStatus.NOT_CHECKED;
    }

    private static Status worst(List<Finding> findings) {
        return findings.isEmpty() ? Status.PASS : Status.worst(findings.stream().map(Finding::status).toList());
    }
}
