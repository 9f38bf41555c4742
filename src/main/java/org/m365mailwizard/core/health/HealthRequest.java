// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.m365mailwizard.core.config.MailConfig;

/**
 * What one health run is asked to do.
 *
 * @param config the setup, secret included (from the environment or the file)
 * @param warnDays warn this many days before the secret expires
 * @param sendTo a recipient for a real test mail, if wanted
 * @param notifyTo where to send the alert mail, if anywhere
 * @param stateFile the file that keeps the last results between runs, if any
 */
public record HealthRequest(MailConfig config, int warnDays, Optional<String> sendTo, Optional<String> notifyTo,
                            Optional<Path> stateFile) {

    public HealthRequest {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sendTo, "sendTo");
        Objects.requireNonNull(notifyTo, "notifyTo");
        Objects.requireNonNull(stateFile, "stateFile");
    }
}
