// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/**
 * The app as the tenant-aware formats need it: tenant and client ID (refused when missing) and the
 * secret when it is to be written, else {@code null}.
 */
record AppIdentity(String tenant, String clientId, String secret) {

    static AppIdentity of(MailConfig config, ExportOptions options, ExportTarget target) throws ProblemException {
        return new AppIdentity(
                FileNotes.require(FileNotes.tenant(config), "tenantId", target),
                FileNotes.require(config.clientId(), "clientId", target),
                FileNotes.secretToWrite(config, options));
    }

    @Override
    public String toString() {
        return "AppIdentity[tenant=" + tenant + ", clientId=" + clientId + ", secret=" + (secret == null ? "(none)" : "(set)") + "]";
    }
}
