// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.config.MailConfig;

/** Renders a setup in one target's format. Implementations are pure: no files, no clock, no network. */
public interface Exporter {

    ExportTarget target();

    /**
     * @throws ProblemException exit 2 when the config lacks a value this format needs, or the secret was
     *         asked for but the config has none
     */
    ExportedFile render(MailConfig config, ExportOptions options) throws ProblemException;
}
