// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to render an export.
 *
 * @param includeSecret write the client secret into the file (the user asked for it)
 * @param fileName the name the file will have, quoted in its own instructions (e.g. the {@code require_once}
 *                 line); a name with characters that could break those instructions is replaced by the default
 * @param today the date the reminders (secret expiry) are measured from
 */
public record ExportOptions(boolean includeSecret, String fileName, LocalDate today) {

    // Only names that are safe inside a PHP string, a PHP comment and a shell word are quoted back.
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public ExportOptions {
        Objects.requireNonNull(today, "today");
    }

    /** The file name to quote in instructions: the chosen one when harmless, else the target's default. */
    public String safeFileName(ExportTarget target) {
        return fileName != null && SAFE_NAME.matcher(fileName).matches() ? fileName : target.defaultFileName();
    }
}
