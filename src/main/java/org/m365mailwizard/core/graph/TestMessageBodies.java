// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import org.m365mailwizard.core.text.Html;
import java.util.List;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.config.Grant;
import org.m365mailwizard.core.i18n.Texts;

/** Writes the test mail's report twice: as escaped HTML and as plain text, with the same sentences. */
final class TestMessageBodies {

    private final Texts texts;
    private final String product;
    private final String domain;
    private final String sender;
    private final String time;
    private final Grant grant;
    private final String testId;
    private final List<Finding> findings;
    private final List<String> attachmentNames;

    TestMessageBodies(Texts texts, String product, String domain, String sender, String time, Grant grant,
                      String testId, List<Finding> findings, List<String> attachmentNames) {
        this.texts = texts;
        this.product = product;
        this.domain = domain;
        this.sender = sender;
        this.time = time;
        this.grant = grant;
        this.testId = testId;
        this.findings = findings;
        this.attachmentNames = attachmentNames;
    }

    String text() {
        StringBuilder b = new StringBuilder();
        String heading = texts.get("graph.mail.heading", product);
        b.append(heading).append('\n').append("=".repeat(Math.max(8, heading.length()))).append("\n\n");
        b.append(intro()).append("\n\n").append(details()).append("\n\n");
        b.append(texts.get("graph.mail.checks.heading")).append('\n');
        if (findings.isEmpty()) {
            b.append(texts.get("graph.mail.checks.none")).append('\n');
        }
        for (Finding f : findings) {
            b.append("- [").append(status(f)).append("] ").append(f.id()).append(": ")
                    .append(texts.format(f.message())).append('\n');
        }
        if (!attachmentNames.isEmpty()) {
            b.append('\n').append(attachments()).append('\n');
        }
        b.append('\n').append(texts.get("graph.mail.footer", TestMessage.TEST_HEADER)).append('\n');
        return b.toString();
    }

    String html(String subject) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"").append(texts.language().tag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(escape(subject)).append("</title>\n</head>\n")
                .append("<body style=\"font-family:sans-serif\">\n");
        b.append("<h1>").append(escape(texts.get("graph.mail.heading", product))).append("</h1>\n");
        b.append("<p>").append(escape(intro())).append("</p>\n");
        b.append("<p>").append(escape(details())).append("</p>\n");
        b.append("<h2>").append(escape(texts.get("graph.mail.checks.heading"))).append("</h2>\n");
        if (findings.isEmpty()) {
            b.append("<p>").append(escape(texts.get("graph.mail.checks.none"))).append("</p>\n");
        } else {
            b.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr><th>")
                    .append(escape(texts.get("graph.mail.checks.column.check"))).append("</th><th>")
                    .append(escape(texts.get("graph.mail.checks.column.result"))).append("</th><th>")
                    .append(escape(texts.get("graph.mail.checks.column.details"))).append("</th></tr>\n");
            for (Finding f : findings) {
                b.append("<tr><td>").append(escape(f.id())).append("</td><td>").append(escape(status(f)))
                        .append("</td><td>").append(escape(texts.format(f.message()))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!attachmentNames.isEmpty()) {
            b.append("<p>").append(escape(attachments())).append("</p>\n");
        }
        b.append("<p><small>").append(escape(texts.get("graph.mail.footer", TestMessage.TEST_HEADER)))
                .append("</small></p>\n</body>\n</html>\n");
        return b.toString();
    }

    private String intro() {
        return texts.get("graph.mail.intro", product, sender, domain);
    }

    private String details() {
        return texts.get("graph.mail.details", time, texts.get("graph.mail.grant." + grant.id()), testId);
    }

    private String attachments() {
        return texts.get("graph.mail.attachments", String.join(", ", attachmentNames));
    }

    private String status(Finding f) {
        return texts.get("graph.mail.status." + f.status().jsonName());
    }

    static String escape(String value) {
        return Html.escape(value);
    }
}
