// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header fields of a message as an admin pastes them or as an {@code .eml} holds them. Reading
 * is tolerant because pasted text is rarely clean: lines before the first field (a mail client's
 * banner), stray lines that are neither a field nor a continuation, and CRLF, LF or CR endings are
 * all accepted. The block ends at the first empty line after a field, where the body begins.
 */
public record HeaderBlock(List<HeaderField> fields) {

    // RFC 5322 field names: printable ASCII except colon; no spaces (but "Name :" from old MTAs is kept).
    private static final Pattern FIELD = Pattern.compile("^([!-9;-~]+)[ \\t]*:(.*)$");

    public HeaderBlock {
        fields = List.copyOf(fields);
    }

    public static HeaderBlock parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<HeaderField> fields = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                if (name != null) {
                    break;
                }
                continue;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation && name != null) {
                // Unfolding (RFC 5322 §2.2.3): the line break goes, the whitespace stays.
                value.append(line);
                continue;
            }
            var matcher = FIELD.matcher(line);
            if (matcher.matches()) {
                if (name != null) {
                    fields.add(field(fields.size(), name, value));
                }
                name = matcher.group(1);
                value.setLength(0);
                value.append(matcher.group(2));
            }
        }
        if (name != null) {
            fields.add(field(fields.size(), name, value));
        }
        return new HeaderBlock(fields);
    }

    private static HeaderField field(int index, String name, CharSequence value) {
        return new HeaderField(index, Visible.of(name), Visible.of(value.toString().strip()));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public List<HeaderField> all(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }

    public Optional<HeaderField> first(String name) {
        return fields.stream().filter(f -> f.is(name)).findFirst();
    }
}
