// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.util.ArrayList;
import java.util.List;
import org.m365mailwizard.core.config.MailConfig;

/** The parts every PHP export shares: how to require the file, and the secret's line with its reminder. */
final class PhpHeaders {

    private PhpHeaders() {
    }

    /**
     * The numbered instructions: 1. where the file goes, 2. the line to add to wp-config.php, then the
     * target's own steps (texts of the given keys), numbered on from 3.
     */
    static List<String> steps(FileNotes notes, String fileName, String... targetStepKeys) {
        List<String> lines = new ArrayList<>(List.of(
                "1. " + notes.text("export.php.step.upload", fileName),
                "2. " + notes.text("export.php.step.require"),
                "        require_once __DIR__ . " + PhpSource.string("/" + fileName) + ";",
                notes.text("export.php.step.readable")));
        for (int i = 0; i < targetStepKeys.length; i++) {
            lines.add((i + 3) + ". " + notes.text(targetStepKeys[i]));
        }
        return lines;
    }

    /**
     * The secret's {@code define()} with its expiry next to it, or, without the secret, a comment saying
     * where it goes and a commented-out line to fill in.
     */
    static void secret(PhpSource php, FileNotes notes, MailConfig config, ExportOptions options,
                       String constant, String secret) {
        secret(php, notes, config, options, constant, secret, "export.php.secretMissing");
    }

    /** As above, with the target's own words for where the secret goes when it is not in the file. */
    static void secret(PhpSource php, FileNotes notes, MailConfig config, ExportOptions options,
                       String constant, String secret, String missingKey) {
        php.lineComment(notes.expiry(config, options.today()));
        if (secret != null) {
            php.lineComment(notes.text("export.php.secretIncluded"));
            php.defineString(constant, secret);
        } else {
            php.lineComment(notes.text(missingKey));
            php.lineComment("define( " + PhpSource.string(constant) + ", 'PASTE-THE-CLIENT-SECRET-VALUE-HERE' );");
        }
    }
}
