// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.health;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.graph.TestMessage;
import org.m365mailwizard.core.i18n.Texts;
import org.m365mailwizard.core.text.Html;

/**
 * The alert mail: what broke, since when, and what to do, in text and in escaped HTML. It travels
 * as a {@link TestMessage} (Graph's JSON sendMail) with its own header, and is not kept in Sent
 * Items: a daily job should not fill the sender's mailbox.
 */
final class AlertMail {

    /** Marks the alert so that mail rules can file it. */
    static final String HEADER = "x-m365-mail-wizard-health";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private AlertMail() {
    }

    static TestMessage build(Texts texts, Clock clock, MailConfig config, List<Alerts.Problem> problems, String to) {
        String product = texts.get("app.title");
        String domain = config.domain() == null ? String.valueOf(config.sender()) : config.domain();
        String now = time(ZonedDateTime.now(clock));
        String subject = texts.get("health.alert.subject", product, domain, problems.size());
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        String intro = texts.get("health.alert.intro", domain, now, config.sender(), config.clientId(), config.tenantId());
        text.append(intro).append("\n\n");
        html.append("<!DOCTYPE html>\n<html lang=\"").append(texts.language().tag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(Html.escape(subject)).append("</title>\n</head>\n")
                .append("<body style=\"font-family:sans-serif\">\n<p>").append(Html.escape(intro)).append("</p>\n<ul>\n");
        for (Alerts.Problem p : problems) {
            String head = "[" + texts.get("health.alert.status." + p.finding().status().jsonName()) + "] "
                    + p.finding().id() + ": " + texts.format(p.finding().message());
            text.append("- ").append(head).append('\n');
            html.append("<li><p><strong>").append(Html.escape(head)).append("</strong></p>\n");
            if (p.regression() != null) {
                String since = p.regression().lastPassed() == null ? texts.get("health.alert.sinceUnknown")
                        : texts.get("health.alert.since", time(p.regression().lastPassed().atZone(ZoneOffset.UTC)));
                text.append("  ").append(since).append('\n');
                html.append("<p>").append(Html.escape(since)).append("</p>\n");
            }
            for (Message note : p.finding().notes()) {
                String fix = texts.get("health.alert.fix", texts.format(note));
                text.append("  ").append(fix).append('\n');
                html.append("<p>").append(Html.escape(fix)).append("</p>\n");
            }
            html.append("</li>\n");
        }
        String footer = texts.get("health.alert.footer", product);
        text.append('\n').append(footer).append('\n');
        html.append("</ul>\n<p><small>").append(Html.escape(footer)).append("</small></p>\n</body>\n</html>\n");
        String id = UUID.randomUUID().toString();
        return new TestMessage(id, subject, html.toString(), text.toString(), List.of(to),
                List.of(new TestMessage.Header(HEADER, id)), false, List.of());
    }

    private static String time(ZonedDateTime at) {
        return at.withZoneSameInstant(ZoneOffset.UTC).format(TIME);
    }
}
