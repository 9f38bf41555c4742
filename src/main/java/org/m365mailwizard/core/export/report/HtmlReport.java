// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import org.m365mailwizard.core.text.Html;

/**
 * The report as one standalone HTML page (inline style, no scripts, no external resources). Every text
 * is escaped for element content; no value is ever put into an attribute.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;line-height:1.4}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
            th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}
            th{background:#f3f3f3}
            code{font-family:ui-monospace,monospace;word-break:break-all}
            .pass{color:#176f2c}.warn{color:#8a5a00}.fail{color:#b00020}.error{color:#5a5a5a}
            ul{margin:.3rem 0;padding-left:1.2rem}
            """;

    private HtmlReport() {
    }

    static String render(ReportModel model) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(escape(model.languageTag())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\" />\n<title>").append(escape(model.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(model.title())).append("</h1>\n");
        out.append("<p>").append(escape(model.generated())).append("</p>\n<table>\n");
        for (ReportModel.Row row : model.summary()) {
            String value = row.code() ? "<code>" + escape(row.value()) + "</code>" : escape(row.value());
            out.append("<tr><th scope=\"row\">").append(escape(row.label())).append("</th><td>").append(value)
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
        ReportModel.Labels labels = model.labels();
        for (ReportModel.Section section : model.sections()) {
            out.append("<h2>").append(escape(section.title())).append("</h2>\n");
            if (section.checks().isEmpty()) {
                out.append("<p>").append(escape(labels.noChecks())).append("</p>\n");
                continue;
            }
            out.append("<table>\n<tr><th>").append(escape(labels.check())).append("</th><th>")
                    .append(escape(labels.status())).append("</th><th>").append(escape(labels.details()))
                    .append("</th><th>").append(escape(labels.fix())).append("</th></tr>\n");
            for (ReportModel.Check check : section.checks()) {
                out.append("<tr><td><code>").append(escape(check.id())).append("</code></td>")
                        .append("<td class=\"").append(check.status().jsonName()).append("\">")
                        .append(MarkdownReport.icon(check.status())).append(' ').append(escape(check.statusText()))
                        .append("</td><td>").append(escape(check.message()));
                details(out, check, labels);
                out.append("</td><td>");
                out.append(check.fix() == null ? "—" : "<code>" + escape(check.fix()) + "</code>");
                out.append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void details(StringBuilder out, ReportModel.Check check, ReportModel.Labels labels) {
        if (check.notes().isEmpty() && check.expected() == null && check.found().isEmpty()) {
            return;
        }
        out.append("<ul>");
        for (String note : check.notes()) {
            out.append("<li>").append(escape(note)).append("</li>");
        }
        if (check.expected() != null) {
            out.append("<li>").append(escape(labels.expected())).append(": <code>").append(escape(check.expected()))
                    .append("</code></li>");
        }
        for (String found : check.found()) {
            out.append("<li>").append(escape(labels.found())).append(": <code>").append(escape(found))
                    .append("</code></li>");
        }
        out.append("</ul>");
    }

    static String escape(String value) {
        return Html.escape(value);
    }
}
