// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.ui.common;

/**
 * A whole step's state as the step list and the summary show it. Stale is its own state: a result
 * for inputs that have changed since is neither a pass nor a failure of what is typed now.
 */
public enum StepStatus {
    PASSED("pass"),
    WARNING("warn"),
    FAILED("fail"),
    NOT_CHECKED("pending"),
    STALE("stale");

    private final String kind;

    StepStatus(String kind) {
        this.kind = kind;
    }

    /** The style-class suffix, shared with {@link StatusBadge}: {@code pass} ... {@code stale}. */
    public String kind() {
        return kind;
    }

    /** The key of the state's word. */
    public String wordKey() {
        return "step.state." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
