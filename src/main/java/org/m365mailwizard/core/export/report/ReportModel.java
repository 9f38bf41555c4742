// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.export.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.config.MailConfig;
import org.m365mailwizard.core.i18n.Texts;

/**
 * A report in words, before any markup: every text localised and every value from the setup or a
 * check freed of the secret. The Markdown and HTML forms only format this, so they cannot differ in content.
 */
record ReportModel(String languageTag, String title, String generated, List<Row> summary, List<Section> sections,
                   Labels labels) {

    private static final String NONE = "—";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    /** One line of the summary; {@code code} values are identifiers shown verbatim. */
    record Row(String label, String value, boolean code) {
    }

    record Section(String title, List<Check> checks) {
    }

    record Check(String id, Status status, String statusText, String message, List<String> notes, String expected,
                 List<String> found, String fix) {
    }

    record Labels(String expected, String found, String fix, String notes, String check, String status,
                  String details, String noChecks) {
    }

    static ReportModel of(SetupReport report, Texts texts) {
        Redactor redact = new Redactor(report.config().secret().orElse(null));
        MailConfig c = report.config();
        List<Row> summary = new ArrayList<>();
        summary.add(new Row(texts.get("export.report.domain"), redact.orNone(c.domain()), true));
        summary.add(new Row(texts.get("export.report.tenant"), redact.orNone(c.tenantId()), true));
        summary.add(new Row(texts.get("export.report.tenantDomain"), redact.orNone(c.tenantDomain()), true));
        summary.add(new Row(texts.get("export.report.cloud"), c.cloud().id(), true));
        summary.add(new Row(texts.get("export.report.clientId"), redact.orNone(c.clientId()), true));
        summary.add(new Row(texts.get("export.report.secret"), c.clientSecretExpires() == null
                ? texts.get("export.report.secretNoExpiry")
                : texts.get("export.report.secretExpires", c.clientSecretExpires().toString()), false));
        summary.add(new Row(texts.get("export.report.redirectUri"), redact.orNone(c.redirectUri()), true));
        summary.add(new Row(texts.get("export.report.grant"), c.effectiveGrant().id(), true));
        summary.add(new Row(texts.get("export.report.target"), c.target() == null ? NONE : c.target().id(), true));
        summary.add(new Row(texts.get("export.report.sender"), redact.orNone(c.sender()), true));
        summary.add(new Row(texts.get("export.report.senderName"), redact.orNone(c.senderName()), false));
        summary.add(new Row(texts.get("export.report.testMail"), testMail(report, texts, redact), false));
        summary.add(new Row(texts.get("export.report.overall"), overall(report, texts), false));

        List<Section> sections = new ArrayList<>();
        for (String id : ReportSection.IDS) {
            List<Finding> findings = report.findings(id);
            if (findings.isEmpty() && id.equals(ReportSection.OTHER)) {
                continue;
            }
            List<Check> checks = new ArrayList<>();
            for (Finding f : findings) {
                checks.add(new Check(redact.apply(f.id()), f.status(), statusText(f.status(), texts),
                        redact.apply(texts.format(f.message())),
                        f.notes().stream().map(n -> redact.apply(texts.format(n))).toList(),
                        f.expected().isEmpty() ? null : redact.apply(f.expected()),
                        f.found().stream().map(redact::apply).toList(),
                        f.fix() == null ? null : redact.apply(f.fix().zoneLine())));
            }
            sections.add(new Section(texts.get("export.report.section." + id), checks));
        }
        Labels labels = new Labels(texts.get("export.report.expected"), texts.get("export.report.found"),
                texts.get("export.report.fix"), texts.get("export.report.notes"), texts.get("export.report.check"),
                texts.get("export.report.status"), texts.get("export.report.details"),
                texts.get("export.report.noChecks"));
        return new ReportModel(texts.locale().toLanguageTag(), texts.get("export.report.title"),
                texts.get("export.report.generated", report.generated().format(WHEN)), summary, sections, labels);
    }

    static String statusText(Status status, Texts texts) {
        return texts.get("export.report.status." + status.jsonName());
    }

    private static String testMail(SetupReport report, Texts texts, Redactor redact) {
        List<Finding> mail = report.findings(ReportSection.MAIL);
        if (mail.isEmpty()) {
            return texts.get("export.report.testMail.notRun");
        }
        Finding worst = mail.get(0);
        for (Finding f : mail) {
            if (f.status().ordinal() > worst.status().ordinal()) {
                worst = f;
            }
        }
        return texts.get("export.report.testMail." + worst.status().jsonName(), redact.apply(texts.format(worst.message())));
    }

    private static String overall(SetupReport report, Texts texts) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (ReportSection s : report.sections()) {
            for (Finding f : s.findings()) {
                counts.merge(f.status(), 1, Integer::sum);
            }
        }
        return texts.get("export.report.counts", counts.getOrDefault(Status.PASS, 0),
                counts.getOrDefault(Status.WARN, 0), counts.getOrDefault(Status.FAIL, 0),
                counts.getOrDefault(Status.ERROR, 0));
    }

    /** Replaces the secret wherever a check's text might carry it; the setup's own secret field is never read. */
    private record Redactor(String secret) {
        String apply(String text) {
            if (text == null || secret == null || secret.isEmpty()) {
                return text;
            }
            return text.replace(secret, "[secret hidden]");
        }

        String orNone(String text) {
            return text == null ? NONE : apply(text);
        }
    }
}
