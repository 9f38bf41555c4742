// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mailwizard.core.check.Status;

/**
 * The report as CommonMark. Values go into code spans (literal, no HTML), prose is backslash-escaped,
 * and line breaks inside values become spaces, so nothing a check or a field holds can add markup,
 * raw HTML or structure.
 */
final class MarkdownReport {

    // The ASCII punctuation that could start markup inline (CommonMark allows escaping any of it);
    // "(" only matters after "]", which is escaped.
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>#!|~&]");
    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\d+)([.)])");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private MarkdownReport() {
    }

    static String render(ReportModel model) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(text(model.title())).append("\n\n");
        out.append(text(model.generated())).append("\n\n");
        for (ReportModel.Row row : model.summary()) {
            out.append("- **").append(text(row.label())).append(":** ")
                    .append(row.code() ? code(row.value()) : text(row.value())).append('\n');
        }
        for (ReportModel.Section section : model.sections()) {
            out.append("\n## ").append(text(section.title())).append("\n\n");
            if (section.checks().isEmpty()) {
                out.append(text(model.labels().noChecks())).append('\n');
            }
            for (ReportModel.Check check : section.checks()) {
                out.append("### ").append(icon(check.status())).append(' ').append(text(check.statusText()))
                        .append(": ").append(code(check.id())).append("\n\n");
                out.append(text(check.message())).append("\n");
                if (!check.notes().isEmpty() || check.expected() != null || !check.found().isEmpty()
                        || check.fix() != null) {
                    out.append('\n');
                }
                for (String note : check.notes()) {
                    out.append("- ").append(text(note)).append('\n');
                }
                if (check.expected() != null) {
                    out.append("- ").append(text(model.labels().expected())).append(": ").append(code(check.expected()))
                            .append('\n');
                }
                for (String found : check.found()) {
                    out.append("- ").append(text(model.labels().found())).append(": ").append(code(found)).append('\n');
                }
                if (check.fix() != null) {
                    out.append("- ").append(text(model.labels().fix())).append(": ").append(code(check.fix())).append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String icon(Status status) {
        return switch (status) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
            case ERROR -> "❓";
        };
    }

    /** Prose: one line, markup characters escaped, and no list or heading marker at its start. */
    static String text(String value) {
        String line = oneLine(value).strip();
        String escaped = SPECIAL.matcher(line).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
        if (!escaped.isEmpty() && "-+=".indexOf(escaped.charAt(0)) >= 0) {
            return "\\" + escaped;
        }
        return ORDERED_LIST.matcher(escaped).replaceFirst("$1\\\\$2");
    }

    /** A code span that holds the value literally, whatever backticks it contains. */
    static String code(String value) {
        String line = oneLine(value);
        int longest = 0;
        Matcher m = BACKTICKS.matcher(line);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String body = line;
        boolean pad = body.startsWith("`") || body.endsWith("`") || body.isBlank();
        return fence + (pad ? " " + body + " " : body) + fence;
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\u2028\\u2029\\u0000]+", " ");
    }
}
