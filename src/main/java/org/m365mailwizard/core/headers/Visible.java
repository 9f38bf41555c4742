// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

/**
 * Pasted headers are data from outside: a control character in them must never reach a terminal
 * or a label as itself (an escape sequence could recolour or rewrite the screen). This renders each
 * one visibly, e.g. {@code \x1b}.
 */
public final class Visible {

    private Visible() {
    }

    public static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control || c == '\t') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                // A tab is folding whitespace in a header, not an attack: it becomes a plain space.
                out.append(c == '\t' ? " " : String.format("\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
