// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.text;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Text from strangers (DNS records, file lines, command-line values, server answers) made safe to
 * show: every character a terminal or a label would act on instead of showing becomes a visible
 * escape. Whoever controls a checked zone must not be able to move the cursor, clear the screen,
 * set the window title or add a line that looks like the tool's own ("PASS spf"), nor reorder what
 * is shown with bidirectional overrides. The one place both faces do this.
 *
 * <p>C0 controls (newline and tab too), DEL and C1 controls show as {@code \x1b}, {@code \x7f},
 * {@code \x9b}; bidirectional marks, embeddings, overrides and isolates and the Unicode line and
 * paragraph separators as {@code \u202e}. Everything else, including CJK and other scripts, is kept.
 */
public final class TerminalSafe {

    private TerminalSafe() {
    }

    /** The text with every unsafe character shown as an escape; {@code null} stays {@code null}. */
    public static String render(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c < 0xA0) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** For a JavaFX label or text field showing an outside value: the same rendering as the terminal's. */
    public static String forLabel(String text) {
        return render(text);
    }

    /**
     * For JSON printed to a terminal: Jackson escapes C0 controls itself; these escapes add DEL, the C1
     * controls and the bidi characters as {@code \\uXXXX}, so the JSON still reads back exactly.
     */
    public static CharacterEscapes jsonEscapes() {
        return JSON_ESCAPES;
    }

    private static final CharacterEscapes JSON_ESCAPES = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && unsafe((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    };

    /** True when {@code c} would be acted on rather than shown. */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c < 0xA0) || bidiOrSeparator(c);
    }

    private static boolean bidiOrSeparator(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
