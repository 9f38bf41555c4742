// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import org.m365mailwizard.core.i18n.Texts;

/**
 * Writes the setup report, for the admin's records or for whoever runs the DNS: the domain, tenant and
 * app, every check with its status and fix, the test-mail result and the date. Never the secret.
 */
public final class ReportWriter {

    private final Texts texts;

    public ReportWriter(Texts texts) {
        this.texts = texts;
    }

    public String render(SetupReport report, ReportFormat format) {
        ReportModel model = ReportModel.of(report, texts);
        return switch (format) {
            case MARKDOWN -> MarkdownReport.render(model);
            case HTML -> HtmlReport.render(model);
        };
    }
}
