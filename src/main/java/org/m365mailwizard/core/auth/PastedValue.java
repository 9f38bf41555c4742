// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth;

/**
 * A value as pasted and as cleaned: surrounding whitespace (including no-break and zero-width spaces
 * that come along from web pages and chat tools) and surrounding quotes removed. Inner characters are
 * never changed: a secret with a space in the middle is wrong, not to be repaired silently.
 *
 * @param raw what the user gave, possibly null
 * @param value the cleaned value, empty when nothing is left
 */
public record PastedValue(String raw, String value) {

    private static final String QUOTES = "\"'`\u201C\u201D\u2018\u2019\u00AB\u00BB\u300C\u300D\uFF02\uFF07";

    public static PastedValue of(String raw) {
        if (raw == null) {
            return new PastedValue(null, "");
        }
        String s = raw;
        String before;
        do {
            before = s;
            s = stripSpace(s);
            if (s.length() >= 1 && QUOTES.indexOf(s.charAt(0)) >= 0) {
                s = s.substring(1);
            }
            if (s.length() >= 1 && QUOTES.indexOf(s.charAt(s.length() - 1)) >= 0) {
                s = s.substring(0, s.length() - 1);
            }
        } while (!s.equals(before));
        return new PastedValue(raw, s);
    }

    /** True when cleaning removed something: the user is told, so the site gets the clean value too. */
    public boolean wasTrimmed() {
        return raw != null && !raw.equals(value);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || c == '\u200C' || c == '\u200D' || c == '\u2060';
    }

    private static String stripSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
