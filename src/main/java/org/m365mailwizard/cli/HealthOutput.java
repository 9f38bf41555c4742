// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.m365mailwizard.core.check.Finding;
import org.m365mailwizard.core.check.ProblemException;
import org.m365mailwizard.core.check.Status;
import org.m365mailwizard.core.health.HealthReport;
import org.m365mailwizard.core.health.Regression;
import org.m365mailwizard.core.i18n.Texts;

/**
 * {@code health}'s four outputs: the findings table and the findings JSON of the other commands (plus
 * the secret's days left, regressions and the alert), the Prometheus text exposition format for
 * node_exporter's textfile collector, and the one-line status of a Nagios plugin with performance data.
 */
final class HealthOutput {

    /** The output formats. */
    enum Format {
        TEXT, JSON, PROMETHEUS, NAGIOS;

        static Optional<Format> fromId(String id) {
            return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(id)).findFirst();
        }
    }

    static final int NAGIOS_OK = 0;
    static final int NAGIOS_WARNING = 1;
    static final int NAGIOS_CRITICAL = 2;
    static final int NAGIOS_UNKNOWN = 3;
    private static final List<String> NAGIOS_WORDS = List.of("OK", "WARNING", "CRITICAL", "UNKNOWN");
    private static final String METRIC = "m365_mail_health";

    private final Texts texts;
    private final FindingsJson json;
    private final FindingsTable table;

    HealthOutput(Texts texts, FindingsJson json, FindingsTable table) {
        this.texts = texts;
        this.json = json;
        this.table = table;
    }

    void print(Format format, HealthReport report, PrintWriter out) {
        switch (format) {
            case TEXT -> text(report, out);
            case JSON -> out.println(json.line(json(report)));
            case PROMETHEUS -> out.print(prometheus(report));
            case NAGIOS -> out.println(nagios(report));
        }
        out.flush();
    }

    private void text(HealthReport report, PrintWriter out) {
        out.println(texts.get("cli.health.header", report.runAt().toString()));
        out.println();
        table.print(report.findings(), out);
        for (Regression r : report.regressions()) {
            out.println(r.lastPassed() == null ? texts.get("cli.health.regression.unknown", r.id())
                    : texts.get("cli.health.regression", r.id(), r.lastPassed().toString()));
        }
        if (report.alert() != null) {
            out.println(texts.format(report.alert().message()));
        }
    }

    ObjectNode json(HealthReport report) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("runAt", report.runAt().toString());
        node.put("durationMs", report.took().toMillis());
        if (report.secretDaysLeft().isPresent()) {
            node.put("secretDaysLeft", report.secretDaysLeft().getAsLong());
        } else {
            node.putNull("secretDaysLeft");
        }
        node.put("exitCode", report.exitCode());
        node.set("checks", json.findings(report.findings()));
        ArrayNode regressions = node.putArray("regressions");
        for (Regression r : report.regressions()) {
            ObjectNode item = regressions.addObject();
            item.put("id", r.id());
            item.put("lastPassed", r.lastPassed() == null ? null : r.lastPassed().toString());
        }
        if (report.alert() == null) {
            node.putNull("alert");
        } else {
            ObjectNode alert = node.putObject("alert");
            alert.put("sent", report.alert().sent());
            report.alert().checks().forEach(alert.putArray("checks")::add);
            json.putMessage(alert, report.alert().message());
        }
        return node;
    }

    /**
     * The text exposition format: one gauge per check (0 pass, 1 warn, 2 fail, 3 could not check),
     * the time left until the secret expires (absent when the date is unknown), the regressions and the run's time.
     */
    static String prometheus(HealthReport report) {
        StringBuilder b = new StringBuilder();
        gauge(b, "check_status", "Status of one health check: 0 pass, 1 warn, 2 fail, 3 could not be checked.");
        for (Finding f : report.findings()) {
            b.append(METRIC).append("_check_status{check=\"").append(label(f.id())).append("\"} ")
                    .append(f.status().ordinal()).append('\n');
        }
        if (report.secretDaysLeft().isPresent()) {
            // Prometheus names time in seconds (promtool refuses "days"): whole days left times 86400.
            long days = report.secretDaysLeft().getAsLong();
            gauge(b, "secret_left_seconds", "Time until the client secret expires: whole days left times 86400 "
                    + "(negative once expired).");
            b.append(METRIC).append("_secret_left_seconds ").append(days * 86_400).append('\n');
            gauge(b, "secret_expiry_timestamp_seconds", "When the client secret expires (start of its expiry day, UTC).");
            b.append(METRIC).append("_secret_expiry_timestamp_seconds ")
                    .append(LocalDate.ofInstant(report.runAt(), ZoneOffset.UTC).plusDays(days).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC))
                    .append('\n');
        }
        gauge(b, "regressions", "Checks that passed in the previous run and fail now.");
        b.append(METRIC).append("_regressions ").append(report.regressions().size()).append('\n');
        gauge(b, "last_run_timestamp_seconds", "When the health check ran, in seconds since the epoch.");
        b.append(METRIC).append("_last_run_timestamp_seconds ").append(report.runAt().getEpochSecond()).append('\n');
        gauge(b, "run_duration_seconds", "How long the health check took.");
        b.append(METRIC).append("_run_duration_seconds ").append(report.took().toMillis() / 1000.0).append('\n');
        return b.toString();
    }

    private static void gauge(StringBuilder b, String name, String help) {
        b.append("# HELP ").append(METRIC).append('_').append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(METRIC).append('_').append(name).append(" gauge\n");
    }

    /** A label value as the exposition format wants it: backslash, double quote and line feed escaped. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** CRITICAL for a failure, UNKNOWN for a check that could not be made, WARNING for a warning, else OK. */
    static int nagiosCode(HealthReport report) {
        Status worst = Status.worst(report.findings().stream().map(Finding::status).toList());
        boolean failed = report.findings().stream().anyMatch(f -> f.status() == Status.FAIL);
        if (failed) {
            return NAGIOS_CRITICAL;
        }
        return switch (worst) {
            case ERROR -> NAGIOS_UNKNOWN;
            case WARN -> NAGIOS_WARNING;
            default -> NAGIOS_OK;
        };
    }

    /** {@code M365 MAIL WARNING - … | 'secret_days_left'=12;30;0 …}: plugin output, one line. */
    String nagios(HealthReport report) {
        int code = nagiosCode(report);
        List<Finding> notPassing = report.findings().stream().filter(f -> f.status() != Status.PASS).toList();
        String summary = notPassing.isEmpty() ? texts.get("cli.health.nagios.allPass", report.findings().size())
                : String.join("; ", notPassing.stream()
                        .map(f -> f.status().jsonName() + " " + f.id() + ": " + texts.format(f.message())).toList());
        StringBuilder perf = new StringBuilder();
        if (report.secretDaysLeft().isPresent()) {
            perf.append("secret_days_left=").append(report.secretDaysLeft().getAsLong()).append(';')
                    .append(report.warnDays()).append(":;0: ");
        }
        perf.append("checks_failed=").append(count(report, Status.FAIL)).append(";;0 ")
                .append("checks_warning=").append(count(report, Status.WARN)).append(' ')
                .append("checks_unknown=").append(count(report, Status.ERROR)).append(' ')
                .append("regressions=").append(report.regressions().size()).append(' ')
                .append("duration=").append(report.took().toMillis() / 1000.0).append('s');
        return "M365 MAIL " + NAGIOS_WORDS.get(code) + " - " + oneLine(summary) + " | " + perf;
    }

    String nagiosProblem(ProblemException e) {
        return "M365 MAIL UNKNOWN - " + oneLine(texts.format(e.problem()));
    }

    private static long count(HealthReport report, Status status) {
        return report.findings().stream().filter(f -> f.status() == status).count();
    }

    /** Plugin output ends at the first line break and must not hold the perfdata separator. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replace('|', '/');
    }
}
