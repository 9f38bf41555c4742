// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Records in the form people paste into a zone editor: {@code owner TYPE data}. TXT data is shown
 * as the joined text (what SPF, DKIM and DMARC read), quoted, not as dnsjava's escaped strings.
 */
public final class ZoneText {

    /** RFC 1035: one character-string holds at most 255 octets. */
    static final int MAX_STRING_OCTETS = 255;

    private ZoneText() {
    }

    /** One record as {@code owner. TYPE data}, without TTL and class (they never matter to a check). */
    public static String of(Record record) {
        String data = record instanceof TXTRecord txt ? quoted(TxtStrings.joined(txt)) : record.rdataToString();
        return record.getName() + " " + Type.string(record.getType()) + " " + data;
    }

    /** Several records, in order. */
    public static List<String> of(List<? extends Record> records) {
        return records.stream().map(ZoneText::of).toList();
    }

    /**
     * TXT data for a zone file: quoted, with {@code "} and {@code \} escaped, split into strings of at
     * most 255 octets (never inside a UTF-8 sequence or an escape), separated by a space.
     */
    public static String txtData(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int octets = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            String ch = new String(Character.toChars(codePoint));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_STRING_OCTETS) {
                parts.add(current.toString());
                current.setLength(0);
                octets = 0;
            }
            current.append(ch.equals("\"") || ch.equals("\\") ? "\\" + ch : ch);
            octets += size;
            i += Character.charCount(codePoint);
        }
        parts.add(current.toString());
        return String.join(" ", parts.stream().map(p -> "\"" + p + "\"").toList());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
