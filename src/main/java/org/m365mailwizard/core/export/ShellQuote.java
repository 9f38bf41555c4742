// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export;

/**
 * Quoting for POSIX shells. Inside single quotes every character is literal except the single quote
 * itself, which is written as {@code '\''} (close, escaped quote, reopen).
 */
final class ShellQuote {

    private ShellQuote() {
    }

    /** One shell word that reads back as exactly {@code value} (NUL aside, which no shell string can hold). */
    static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
