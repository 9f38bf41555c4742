// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.List;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;

/**
 * What the headers say, for every face: the findings (one per method, then the cross-checks), the
 * receiver's verdict, and the wizard's test ID when the message is the wizard's own test mail.
 *
 * @param testId the value of the test header, or null
 */
public record HeaderAnalysis(HeaderVerdict verdict, List<Finding> findings, String testId, Receiver receiver) {

    public HeaderAnalysis {
        findings = List.copyOf(findings);
    }

    /** 0 when the receiver's DMARC verdict is pass (see {@link HeaderVerdict#passed()}), else 1. */
    public int exitCode() {
        return verdict.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
