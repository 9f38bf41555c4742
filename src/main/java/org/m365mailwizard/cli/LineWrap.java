// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wraps text for a terminal in English and Chinese alike. Break opportunities come from the locale's
 * line {@link BreakIterator} (which knows that Chinese may break between characters), narrowed by
 * the rules a reader expects:
 * <ul>
 *   <li>never inside a Latin word or token (a domain, a record, "v=spf1"): only at a space or where
 *       Latin text meets Chinese; a token wider than the whole line is the one exception;</li>
 *   <li>never between a word and the number that belongs to it ("Microsoft 365", "HTTP 404");</li>
 *   <li>kinsoku: no line starts with closing punctuation (，。、；：？！）」』 …) and none ends with
 *       opening punctuation (（「『 …).</li>
 * </ul>
 * Widths count East Asian wide characters as two columns.
 */
final class LineWrap {

    /** Chinese and Western closing punctuation that must stay at the end of the line before it. */
    static final String NO_LINE_START = "，。、；：？！）」』】〕〉》”’…‥・·%,.;:?!)]}>";
    /** Opening punctuation that must stay with what follows it. */
    static final String NO_LINE_END = "（「『【〔〈《“‘([{<";

    private LineWrap() {
    }

    /** The lines of {@code text}, none wider than {@code room} columns; spaces at a break are dropped. */
    static List<String> wrap(String text, int room, Locale locale) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String segment : segments(text, locale)) {
            String bare = segment.stripTrailing();
            if (line.length() > 0 && width(line + bare) > room) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (line.length() == 0 && width(bare) > room) {
                // Wider than a whole line: the one place where a token is cut, at the room's edge.
                List<String> pieces = hardBreak(bare, room);
                lines.addAll(pieces.subList(0, pieces.size() - 1));
                line.append(pieces.get(pieces.size() - 1)).append(segment.substring(bare.length()));
                continue;
            }
            line.append(segment);
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    /** The text cut at every allowed break; each piece keeps the spaces that follow it. */
    static List<String> segments(String text, Locale locale) {
        BreakIterator breaks = BreakIterator.getLineInstance(locale);
        breaks.setText(text);
        List<String> segments = new ArrayList<>();
        int start = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (end < text.length() && !allowed(text, end)) {
                continue;
            }
            segments.add(text.substring(start, end));
            start = end;
        }
        if (start < text.length()) {
            segments.add(text.substring(start));
        }
        return segments;
    }

    /** Whether a line may break before {@code text.charAt(at)} (0 < at < length). */
    static boolean allowed(String text, int at) {
        int before = text.codePointBefore(at);
        int after = text.codePointAt(at);
        if (NO_LINE_START.indexOf(after) >= 0 || NO_LINE_END.indexOf(lastVisibleBefore(text, at)) >= 0) {
            return false;
        }
        if (Character.isWhitespace(before)) {
            // A space: a break unless it only separates a word from its number ("Microsoft 365").
            return !(endsWithLetter(text, at) && numberFollows(text, at));
        }
        // No space: only where Chinese is on at least one side, never inside Latin text.
        return wide(before) || wide(after);
    }

    private static boolean endsWithLetter(String text, int at) {
        int last = lastVisibleBefore(text, at);
        return Character.isLetter(last) && !wide(last);
    }

    /** The last character before {@code at} that is not a space (what would end the line), or -1. */
    private static int lastVisibleBefore(String text, int at) {
        int i = at;
        while (i > 0 && Character.isWhitespace(text.codePointBefore(i))) {
            i -= Character.charCount(text.codePointBefore(i));
        }
        return i > 0 ? text.codePointBefore(i) : -1;
    }

    private static boolean numberFollows(String text, int at) {
        int i = at;
        boolean digits = false;
        while (i < text.length() && Character.isDigit(text.codePointAt(i))) {
            digits = true;
            i += Character.charCount(text.codePointAt(i));
        }
        return digits && (i == text.length() || !Character.isLetter(text.codePointAt(i)) || wide(text.codePointAt(i)));
    }

    private static List<String> hardBreak(String token, int room) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int w = 0;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            int cw = width(cp);
            if (w + cw > room && w > 0) {
                // Kinsoku here too: a closing mark takes the character before it to the next line.
                String carried = "";
                if (NO_LINE_START.indexOf(cp) >= 0 && piece.codePointCount(0, piece.length()) > 1) {
                    int last = piece.offsetByCodePoints(piece.length(), -1);
                    carried = piece.substring(last);
                    piece.setLength(last);
                }
                pieces.add(piece.toString());
                piece.setLength(0);
                piece.append(carried);
                w = width(carried);
            }
            piece.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        pieces.add(piece.toString());
        return pieces;
    }

    static int width(String text) {
        return text.codePoints().map(LineWrap::width).sum();
    }

    /** East Asian wide and full-width characters take two columns in a terminal. */
    static int width(int cp) {
        return wide(cp) ? 2 : 1;
    }

    static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
