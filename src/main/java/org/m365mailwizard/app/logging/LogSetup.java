// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.app.logging;

import java.nio.file.Path;

/** Points the log file at the per-user state folder; must run before the first logger is created. */
public final class LogSetup {

    /** The system property {@link LogConfiguration} reads for the log file's path. */
    public static final String LOG_FILE_PROPERTY = "m365wizard.logFile";

    private LogSetup() {
    }

    public static void useLogFile(Path logFile) {
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, logFile.toAbsolutePath().toString());
        }
    }
}
