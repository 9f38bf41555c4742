// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

import java.util.List;
import java.util.Optional;
import org.m365mailwizard.core.check.ExitCode;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.config.Cloud;

/**
 * Everything {@code check-app} (and the wizard step) learned about an app registration.
 *
 * @param tenantId the tenant GUID when discovery resolved it, else the tenant as given
 * @param cloud the cloud the tenant lives in per its metadata, else the configured one
 * @param findings local checks first, then discovery, token and permission, in that order
 * @param token the client-credentials token, when one was issued (never shown or logged)
 * @param inputInvalid true when a typed value was wrong and nothing was sent
 */
public record AppCheckResult(String tenantId, Cloud cloud, List<Finding> findings, AccessToken token,
                             boolean inputInvalid) {

    public AppCheckResult {
        findings = List.copyOf(findings);
    }

    public Optional<AccessToken> tokenIfIssued() {
        return Optional.ofNullable(token);
    }

    /** 2 when nothing was sent because of wrong input; otherwise 3, 1 or 0 from the findings. */
    public int exitCode() {
        return inputInvalid ? ExitCode.INVALID_INPUT : ExitCode.of(findings);
    }
}
