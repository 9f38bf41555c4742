// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.auth.consent;

import com.google.common.html.HtmlEscapers;
import java.util.Objects;
import org.m365mailwizard.core.check.Message;
import org.m365mailwizard.core.i18n.Texts;

/**
 * The small page the loopback listener shows in the browser after the redirect: what happened and
 * what to do next, in the user's language. Built only from message keys and values the wizard
 * checked (never from request text), and HTML-escaped all the same.
 *
 * @param success whether the browser part went well (chooses the wording and colour)
 * @param heading one line, e.g. "Consent granted"
 * @param detail what it means and what to do now
 * @param fix what to do about a failure, or null
 */
public record BrowserPage(boolean success, Message heading, Message detail, Message fix) {

    public BrowserPage {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(detail, "detail");
    }

    public BrowserPage(boolean success, Message heading, Message detail) {
        this(success, heading, detail, null);
    }

    /** The complete HTML document, UTF-8, no scripts, no external resources. */
    public String html(Texts texts) {
        String lang = texts.language().tag();
        String title = escape(texts.format(heading));
        String body = escape(texts.format(detail));
        String remedy = fix == null ? "" : "<p><strong>" + escape(texts.format(fix)) + "</strong></p>";
        String close = escape(texts.get("consent.page.close"));
        String footer = escape(texts.get("consent.page.footer"));
        String colour = success ? "#1a7f37" : "#b42318";
        return "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:3em auto;max-width:40em;padding:0 1em;"
                + "line-height:1.5}h1{color:" + colour + ";font-size:1.5em}</style></head>"
                + "<body><main><h1>" + title + "</h1><p>" + body + "</p>" + remedy + "<p>" + close + "</p>"
                + "<p><small>" + footer + "</small></p></main></body></html>\n";
    }

    private static String escape(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }
}
