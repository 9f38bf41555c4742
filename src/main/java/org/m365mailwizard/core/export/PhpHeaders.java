// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.List;
import org.m365mailwizard.core.config.MailConfig;

/** The parts every PHP export shares: how to require the file, and the secret's line with its reminder. */
final class PhpHeaders {

    private PhpHeaders() {
    }

    /** Steps 1 and 2: where the file goes and the line to add to wp-config.php. */
    static List<String> requireSteps(FileNotes notes, String fileName) {
        return List.of(
                notes.text("export.php.step.upload", fileName),
                notes.text("export.php.step.require"),
                "        require_once __DIR__ . " + PhpSource.string("/" + fileName) + ";",
                notes.text("export.php.step.readable"));
    }

    /**
     * The secret's {@code define()} with its expiry next to it, or, without the secret, a comment saying
     * where it goes and a commented-out line to fill in.
     */
    static void secret(PhpSource php, FileNotes notes, MailConfig config, ExportOptions options,
                       String constant, String secret) {
        php.lineComment(notes.expiry(config, options.today()));
        if (secret != null) {
            php.lineComment(notes.text("export.php.secretIncluded"));
            php.defineString(constant, secret);
        } else {
            php.lineComment(notes.text("export.php.secretMissing"));
            php.lineComment("define( " + PhpSource.string(constant) + ", 'PASTE-THE-CLIENT-SECRET-VALUE-HERE' );");
        }
    }
}
