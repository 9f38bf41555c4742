// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TXT data between its forms: the joined text the wizard keeps, and the RFC 1035 character-strings
 * of at most 255 octets that zone files, Cloudflare ({@code "…" "…"}) and Azure ({@code value[]}) use.
 */
public final class TxtValues {

    private static final int MAX_OCTETS = 255;

    private TxtValues() {
    }

    /** The text cut into strings of at most 255 octets, never inside a character. */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                parts.add(current.toString());
                current.setLength(0);
                octets = 0;
            }
            current.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        parts.add(current.toString());
        return parts;
    }

    /**
     * The joined text of zone-file style data ({@code "v=spf1 …" "…"}, escapes undone). Data that is
     * not quoted at all is taken as it is: Cloudflare has stored both forms over the years.
     */
    public static String joined(String data) {
        String s = data.trim();
        if (!s.startsWith("\"")) {
            return s;
        }
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                inside = !inside;
            } else if (inside && c == '\\' && i + 1 < s.length()) {
                text.append(s.charAt(++i));
            } else if (inside) {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** Zone-file form: each string quoted, {@code "} and {@code \} escaped, separated by a space. */
    public static String quoted(String text) {
        return String.join(" ", split(text).stream()
                .map(p -> "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList());
    }
}
